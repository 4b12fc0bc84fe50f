import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardRoutes } from "../../bot-server/src/modules/broadcast";
import { boardPage } from "../../bot-server/src/modules/broadcast/board/page";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";
import { seedNoticeAuthor, seedPublishedNotice } from "../support/published-notices";

/**
 * The notice board page GET /bang-tin/:communeCode (issue 13 §7), as server.ts mounts it: the commune's
 * published notices (and province-wide ones) as large-type HTML with no sign-in, nothing personal, no
 * inline script; its script and service worker served as files; an unknown commune a Vietnamese 404.
 */

const BACH_MAI = "00292";
const OTHER = "00070";

let database: FreshDatabase;
let test: TestApp;
let author: { id: string; username: string };

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  test.app.route("/bang-tin", boardRoutes({ ...test, database: database.handle }));
  const db = database.handle.db;
  author = await seedNoticeAuthor(db, BACH_MAI);
  const hour = 3_600_000;
  await seedPublishedNotice(db, {
    authorId: author.id,
    communeCode: BACH_MAI,
    category: "utilities",
    title: "Tạm ngừng cấp nước <ngõ 12>",
    body: "Từ 8:00 đến 17:00 ngày 10/12.\n\nBà con chủ động trữ nước & thông cảm.",
    startedAt: new Date(Date.now() - 2 * hour),
  });
  await seedPublishedNotice(db, {
    authorId: author.id,
    communeCode: null,
    category: "health",
    title: "Tiêm chủng mở rộng toàn thành phố",
    startedAt: new Date(Date.now() - hour),
  });
  await seedPublishedNotice(db, { authorId: author.id, communeCode: OTHER, title: "Thông báo của xã khác" });
  await seedPublishedNotice(db, {
    authorId: author.id,
    communeCode: BACH_MAI,
    status: "pending",
    title: "Bản chưa duyệt",
  });
  await seedPublishedNotice(db, {
    authorId: author.id,
    communeCode: BACH_MAI,
    title: "Thông báo đã hết hạn",
    startedAt: new Date(Date.now() - 48 * hour),
    expiresAt: new Date(Date.now() - hour),
  });
});

afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});

const get = (path: string) => test.app.request(path);

describe("the notice board page", () => {
  it("shows the commune's published notices, newest first, province-wide ones included", async () => {
    const response = await get(`/bang-tin/${BACH_MAI}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<h1 class="bar__name">Phường Bạch Mai</h1>');
    expect(html).toContain('<html lang="vi">');
    const water = html.indexOf("Tạm ngừng cấp nước");
    const vaccination = html.indexOf("Tiêm chủng mở rộng toàn thành phố");
    expect(vaccination).toBeGreaterThan(0);
    expect(water).toBeGreaterThan(vaccination);
    // An officer's text is text: escaped, its paragraphs kept.
    expect(html).toContain("Tạm ngừng cấp nước &lt;ngõ 12&gt;");
    expect(html).toContain("<p>Bà con chủ động trữ nước &amp; thông cảm.</p>");
    expect(html).toContain("Điện, nước");
    for (const hidden of ["Thông báo của xã khác", "Bản chưa duyệt", "Thông báo đã hết hạn"]) {
      expect(html).not.toContain(hidden);
    }
  });

  it("carries nothing personal and no inline script, under the page CSP", async () => {
    const response = await get(`/bang-tin/${BACH_MAI}`);
    const html = await response.text();
    expect(html).not.toContain(author.username);
    expect(html).not.toContain(author.id);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    expect(html).toContain('<script src="/bang-tin/board.js" defer></script>');
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(response.headers.get("Cache-Control")).toBe("no-cache");
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });

  it("shows a province-wide notice on every commune's board", async () => {
    const html = await (await get("/bang-tin/00004")).text();
    expect(html).toContain("Tiêm chủng mở rộng toàn thành phố");
    expect(html).not.toContain("Tạm ngừng cấp nước");
  });

  it("says there is nothing new yet, with the commune's name, when the board is empty", () => {
    const html = boardPage({
      communeCode: BACH_MAI,
      communeName: "Phường Bạch Mai",
      notices: [],
      now: new Date(),
    });
    expect(html).toContain("Chưa có thông báo mới");
    expect(html).toContain("Thông báo của UBND Phường Bạch Mai");
  });

  it.each(["/99999", "/abc", "/0029", "", "/00292/extra"])(
    "answers /bang-tin%s with a Vietnamese 404 page",
    async (rest) => {
      const response = await get(`/bang-tin${rest}`);
      expect(response.status).toBe(404);
      expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("Không tìm thấy bảng tin");
    },
  );

  it("serves its script, style and service worker as files (no inline script needed)", async () => {
    const script = await get("/bang-tin/board.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("/api/notices?communeCode=");
    const style = await get("/bang-tin/board.css");
    expect(style.headers.get("Content-Type")).toMatch(/^text\/css/);
    const worker = await get("/bang-tin/sw.js");
    expect(worker.status).toBe(200);
    expect(worker.headers.get("Content-Type")).toMatch(/^text\/javascript/);
    // The worker's own policy lets it fetch the page and images it keeps for offline.
    expect(worker.headers.get("Content-Security-Policy")).toBe("default-src 'none'; connect-src 'self'");
    expect(await worker.text()).toContain('addEventListener("fetch"');
  });
});
