import type { PublicNotice } from "@dvc/shared";

/**
 * The notice board's HTML (GET /bang-tin/:communeCode): a page for a screen in a building's lobby,
 * read from a few metres away. Rendered whole on the server, so it shows the notices even before (or
 * without) its script; board.js then keeps it current, rotates the notices and keeps a copy for when the
 * connection drops. Public text only: what the Mini App's list shows, nothing about who wrote or got it.
 * No inline script or style (the page CSP allows 'self' only, http/security-headers.ts).
 */

export const BOARD_BASE = "/bang-tin";
export const BOARD_SCRIPT_PATH = `${BOARD_BASE}/board.js`;
export const BOARD_STYLE_PATH = `${BOARD_BASE}/board.css`;
export const BOARD_WORKER_PATH = `${BOARD_BASE}/sw.js`;

const TIME_ZONE = "Asia/Ho_Chi_Minh";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Every text that reaches the page goes through here: an officer's title is text, never markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

function vnParts(date: Date): Record<string, string> {
  const formatter = new Intl.DateTimeFormat("en-GB", {
    timeZone: TIME_ZONE,
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    weekday: "short",
    hourCycle: "h23",
  });
  return Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
}

const WEEKDAYS: Readonly<Record<string, string>> = {
  Mon: "Thứ Hai",
  Tue: "Thứ Ba",
  Wed: "Thứ Tư",
  Thu: "Thứ Năm",
  Fri: "Thứ Sáu",
  Sat: "Thứ Bảy",
  Sun: "Chủ Nhật",
};

/** "Thứ Hai, 07/12/2026" and "09:05", in Vietnam time whatever the server's zone. */
export function boardClock(now: Date): { date: string; time: string } {
  const p = vnParts(now);
  return {
    date: `${WEEKDAYS[p.weekday ?? ""] ?? ""}, ${p.day}/${p.month}/${p.year}`,
    time: `${p.hour}:${p.minute}`,
  };
}

function dayOf(iso: string): string {
  const p = vnParts(new Date(iso));
  return `${p.day}/${p.month}/${p.year}`;
}

/** Paragraphs as the officer typed them (blank lines), single line breaks kept inside a paragraph. */
function bodyHtml(body: string): string {
  return body
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function noticeHtml(notice: PublicNotice, index: number): string {
  const image = notice.hasImage
    ? `<img class="notice__image" src="/api/notices/${encodeURIComponent(notice.id)}/image" alt="Ảnh kèm thông báo">`
    : "";
  return `<article class="notice notice--${escapeHtml(notice.category)}${index === 0 ? " is-current" : ""}${
    notice.hasImage ? " notice--with-image" : ""
  }" data-id="${escapeHtml(notice.id)}">
<div class="notice__text">
<p class="notice__meta"><span class="notice__category">${escapeHtml(notice.categoryLabel)}</span><span class="notice__date">Ngày đăng ${dayOf(notice.publishedAt)}</span></p>
<h2 class="notice__title">${escapeHtml(notice.title)}</h2>
<div class="notice__body">${bodyHtml(notice.body)}</div>
</div>
${image}
</article>`;
}

function emptyHtml(communeName: string): string {
  return `<div class="empty"><p class="empty__title">Chưa có thông báo mới</p><p class="empty__text">Thông báo của UBND ${escapeHtml(
    communeName,
  )} sẽ hiện ở đây ngay khi được đăng.</p></div>`;
}

function shell(title: string, bodyAttributes: string, content: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${BOARD_STYLE_PATH}">
<script src="${BOARD_SCRIPT_PATH}" defer></script>
</head>
<body${bodyAttributes}>
${content}
</body>
</html>
`;
}

export interface BoardPageInput {
  communeCode: string;
  /** With its type: "Phường Bạch Mai". */
  communeName: string;
  notices: readonly PublicNotice[];
  now: Date;
}

export function boardPage({ communeCode, communeName, notices, now }: BoardPageInput): string {
  const clock = boardClock(now);
  const list = notices.length > 0 ? notices.map(noticeHtml).join("\n") : emptyHtml(communeName);
  const attributes = ` class="board" data-commune="${escapeHtml(communeCode)}" data-commune-name="${escapeHtml(
    communeName,
  )}" data-rendered-at="${now.toISOString()}"`;
  return shell(
    `Bảng tin — ${communeName}`,
    attributes,
    `<header class="bar">
<div class="bar__who"><p class="bar__org">Bảng tin UBND</p><h1 class="bar__name">${escapeHtml(communeName)}</h1></div>
<div class="bar__clock"><p class="bar__time" id="board-time">${clock.time}</p><p class="bar__date" id="board-date">${clock.date}</p></div>
</header>
<p class="status" id="board-status" role="status" hidden></p>
<div class="board__main">
<main class="notices" id="board-notices" data-count="${notices.length}">
${list}
</main>
<aside class="index" id="board-index" aria-label="Tất cả thông báo" hidden></aside>
</div>
<footer class="pager" id="board-pager" hidden></footer>`,
  );
}

/** An address that is no commune: said in words a passer-by (or whoever set the screen up) understands. */
export function boardNotFoundPage(): string {
  return shell(
    "Không tìm thấy bảng tin",
    ` class="board board--missing"`,
    `<main class="missing">
<h1 class="missing__title">Không tìm thấy bảng tin</h1>
<p class="missing__text">Địa chỉ này không ứng với xã/phường nào. Vui lòng kiểm tra mã xã/phường (5 chữ số) trong địa chỉ, ví dụ ${BOARD_BASE}/00292.</p>
</main>`,
  );
}
