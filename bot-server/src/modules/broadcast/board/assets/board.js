/*
 * The notice board's script (GET /bang-tin/:communeCode). The page arrives rendered by the server; this
 * keeps it alive on a screen nobody touches:
 * - a clock (Vietnam time),
 * - the notices fetched again every minute (GET /api/notices?communeCode=), without reloading the page,
 * - one notice at a time when there are several, a long one scrolled slowly before the next,
 * - the last list kept in localStorage and the page, its files and images cached by a service worker
 *   (sw.js, scope /bang-tin/): with the connection down, even a reload shows the last notices, under
 *   "Mất kết nối — đang hiển thị bản lưu lúc HH:MM".
 * Plain browser JavaScript served as is (no build step); text from the server only ever goes in as text
 * (textContent), never as markup.
 */
(() => {
  const body = document.body;
  const code = body.dataset.commune;
  if (!code || !/^\d{5}$/.test(code)) return;

  const communeName = body.dataset.communeName || "";
  const REFRESH_MS = 60_000;
  /** A notice that fits stays this long; a long one: a pause, a slow scroll to its end, a pause. */
  const DWELL_MS = 20_000;
  const PAUSE_MS = 5_000;
  const TICK_MS = 200;
  const SCROLL_STEP_PX = 4;
  const STORE_KEY = `dvc.board.${code}.v1`;
  const CACHE = "dvc-bang-tin-v1";
  const TIME_ZONE = "Asia/Ho_Chi_Minh";
  const WEEKDAYS = {
    Mon: "Thứ Hai",
    Tue: "Thứ Ba",
    Wed: "Thứ Tư",
    Thu: "Thứ Năm",
    Fri: "Thứ Sáu",
    Sat: "Thứ Bảy",
    Sun: "Chủ Nhật",
  };

  const list = document.getElementById("board-notices");
  const status = document.getElementById("board-status");
  const pager = document.getElementById("board-pager");
  const indexBox = document.getElementById("board-index");
  const timeEl = document.getElementById("board-time");
  const dateEl = document.getElementById("board-date");
  if (!list || !status || !pager) return;

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
  function parts(date) {
    const out = {};
    for (const part of formatter.formatToParts(date)) out[part.type] = part.value;
    return out;
  }
  const dayOf = (iso) => {
    const p = parts(new Date(iso));
    return `${p.day}/${p.month}/${p.year}`;
  };
  const timeOf = (iso) => {
    const p = parts(new Date(iso));
    return `${p.hour}:${p.minute}`;
  };

  function tickClock() {
    const p = parts(new Date());
    if (timeEl) timeEl.textContent = `${p.hour}:${p.minute}`;
    if (dateEl) dateEl.textContent = `${WEEKDAYS[p.weekday] || ""}, ${p.day}/${p.month}/${p.year}`;
  }

  // ---- the list: checked, rendered, kept -------------------------------------------------------

  const isText = (value) => typeof value === "string";
  function isNotice(value) {
    return (
      typeof value === "object" &&
      value !== null &&
      isText(value.id) &&
      isText(value.category) &&
      isText(value.categoryLabel) &&
      isText(value.title) &&
      isText(value.body) &&
      isText(value.publishedAt) &&
      typeof value.hasImage === "boolean"
    );
  }
  const validList = (value) => Array.isArray(value) && value.every(isNotice);

  function readStored() {
    try {
      const stored = JSON.parse(localStorage.getItem(STORE_KEY) || "null");
      if (stored && isText(stored.savedAt) && validList(stored.notices)) return stored;
    } catch {
      // unreadable: as if nothing was kept
    }
    return null;
  }
  function store(notices) {
    try {
      localStorage.setItem(STORE_KEY, JSON.stringify({ savedAt: new Date().toISOString(), notices }));
    } catch {
      // storage full or refused: the board still shows what it has
    }
  }

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const imageUrl = (id) => `/api/notices/${encodeURIComponent(id)}/image`;

  function noticeNode(notice) {
    const article = el(
      "article",
      `notice notice--${notice.category}${notice.hasImage ? " notice--with-image" : ""}`,
    );
    article.dataset.id = notice.id;
    const text = el("div", "notice__text");
    const meta = el("p", "notice__meta");
    meta.append(el("span", "notice__category", notice.categoryLabel));
    meta.append(el("span", "notice__date", `Ngày đăng ${dayOf(notice.publishedAt)}`));
    text.append(meta, el("h2", "notice__title", notice.title));
    const bodyNode = el("div", "notice__body");
    for (const paragraph of notice.body.split(/\n\s*\n/)) {
      const trimmed = paragraph.trim();
      if (trimmed === "") continue;
      const p = el("p");
      trimmed.split("\n").forEach((line, index) => {
        if (index > 0) p.append(document.createElement("br"));
        p.append(line);
      });
      bodyNode.append(p);
    }
    text.append(bodyNode);
    article.append(text);
    if (notice.hasImage) {
      const img = el("img", "notice__image");
      img.src = imageUrl(notice.id);
      img.alt = "Ảnh kèm thông báo";
      article.append(img);
    }
    return article;
  }

  function emptyNode() {
    const box = el("div", "empty");
    box.append(el("p", "empty__title", "Chưa có thông báo mới"));
    box.append(el("p", "empty__text", `Thông báo của UBND ${communeName} sẽ hiện ở đây ngay khi được đăng.`));
    return box;
  }

  /** The same notices in the same order: leave the screen (and the rotation) as it is. */
  let shownKey = null;
  function render(notices) {
    const key = JSON.stringify(notices.map((n) => [n.id, n.title, n.body, n.hasImage]));
    if (key === shownKey) return;
    const currentId = articles()[current]?.dataset.id;
    shownKey = key;
    list.replaceChildren(...(notices.length > 0 ? notices.map(noticeNode) : [emptyNode()]));
    list.dataset.count = String(notices.length);
    const keep = notices.findIndex((n) => n.id === currentId);
    show(Math.max(keep, 0));
  }

  // ---- rotation --------------------------------------------------------------------------------

  let current = 0;
  let shownAt = Date.now();
  let reachedEndAt = null;
  const articles = () => Array.from(list.querySelectorAll("article.notice"));

  function show(position) {
    const all = articles();
    current = all.length > 0 ? position % all.length : 0;
    all.forEach((article, i) => {
      article.classList.toggle("is-current", i === current);
    });
    const bodyNode = all[current]?.querySelector(".notice__body");
    if (bodyNode) bodyNode.scrollTop = 0;
    shownAt = Date.now();
    reachedEndAt = null;
    const titleOf = (article) => article?.querySelector(".notice__title")?.textContent || "";
    if (all.length > 1) {
      pager.replaceChildren(
        el("span", "pager__count", `${current + 1} / ${all.length}`),
        el("span", "pager__next", `Tiếp theo: ${titleOf(all[(current + 1) % all.length])}`),
      );
      pager.hidden = false;
    } else {
      pager.hidden = true;
    }
    // Beside the notice on a wide screen: every title, the one on screen marked, so a passer-by sees
    // at a glance what else there is without waiting for the rotation.
    if (indexBox) {
      const items = all.map((article, i) => {
        const item = el("li", i === current ? "index__item is-current" : "index__item");
        const category = article.querySelector(".notice__category")?.textContent || "";
        item.append(el("span", "index__category", category), el("span", "index__title", titleOf(article)));
        return item;
      });
      const heading = el("h2", "index__heading", `Tất cả thông báo (${all.length})`);
      const listNode = el("ol", "index__list");
      listNode.append(...items);
      indexBox.replaceChildren(heading, listNode);
      indexBox.hidden = all.length < 2;
    }
  }

  function tickRotation() {
    const all = articles();
    if (all.length === 0) return;
    const elapsed = Date.now() - shownAt;
    const bodyNode = all[current]?.querySelector(".notice__body");
    const overflow = bodyNode ? bodyNode.scrollHeight - bodyNode.clientHeight : 0;
    if (overflow > 2 && elapsed > PAUSE_MS && reachedEndAt === null) {
      bodyNode.scrollTop += SCROLL_STEP_PX;
      if (bodyNode.scrollTop >= overflow - 1) reachedEndAt = Date.now();
      return;
    }
    if (all.length < 2) return;
    const done =
      overflow > 2 ? reachedEndAt !== null && Date.now() - reachedEndAt > PAUSE_MS : elapsed > DWELL_MS;
    if (done) show(current + 1);
  }

  // ---- refresh, offline --------------------------------------------------------------------------

  function showOffline(savedAt) {
    status.textContent = `Mất kết nối — đang hiển thị bản lưu lúc ${timeOf(savedAt)} ngày ${dayOf(savedAt)}`;
    status.hidden = false;
  }

  async function fetchNotices() {
    const response = await fetch(`/api/notices?communeCode=${encodeURIComponent(code)}`, {
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const answer = await response.json();
    if (!answer || !validList(answer.notices)) throw new Error("unexpected answer");
    return answer.notices;
  }

  async function refresh() {
    try {
      const notices = await fetchNotices();
      store(notices);
      status.hidden = true;
      render(notices);
      keepForOffline(notices);
    } catch {
      const stored = readStored();
      if (stored) {
        render(stored.notices);
        showOffline(stored.savedAt);
      } else {
        showOffline(body.dataset.renderedAt || new Date().toISOString());
      }
    }
  }

  /** The page, its files and the notices' images, so a reload with no network still shows them. */
  function keepForOffline(notices) {
    if (!("caches" in window) || !("serviceWorker" in navigator) || !navigator.serviceWorker.controller) {
      return;
    }
    const urls = [location.pathname, "/bang-tin/board.js", "/bang-tin/board.css"].concat(
      notices.filter((n) => n.hasImage).map((n) => imageUrl(n.id)),
    );
    caches
      .open(CACHE)
      .then((cache) => Promise.all(urls.map((url) => cache.add(url).catch(() => undefined))))
      .catch(() => undefined);
  }

  function registerWorker() {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker
      .register("/bang-tin/sw.js", { scope: "/bang-tin/" })
      .then(() => navigator.serviceWorker.ready)
      .then(() => {
        const stored = readStored();
        if (stored && status.hidden) keepForOffline(stored.notices);
      })
      .catch(() => undefined);
  }

  // Whoever sets the screen up can page through with the arrow keys (a remote or a keyboard).
  document.addEventListener("keydown", (event) => {
    const count = articles().length;
    if (count < 2) return;
    if (event.key === "ArrowRight" || event.key === "PageDown") show(current + 1);
    else if (event.key === "ArrowLeft" || event.key === "PageUp") show(current - 1 + count);
  });

  body.classList.add("board--rotating");
  show(0);
  tickClock();
  setInterval(tickClock, 1_000);
  setInterval(tickRotation, TICK_MS);
  setInterval(refresh, REFRESH_MS);
  navigator.serviceWorker?.addEventListener("controllerchange", () => {
    const stored = readStored();
    if (stored && status.hidden) keepForOffline(stored.notices);
  });
  registerWorker();
  refresh();
})();
