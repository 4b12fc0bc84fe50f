import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../bot-server/src/db/client";
import { createLogger } from "../../bot-server/src/lib/logger";
import { expectNoSeriousViolations } from "../support/axe";
import { announceMissingChromium, findChromium, type PhoneBrowser, SCREENSHOT_DIR } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { describeSmallTargets, smallTouchTargets } from "../support/layout-checks";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import { seedNoticeAuthor, seedPublishedNotice } from "../support/published-notices";
import type { ServerProcess } from "../support/server-process";
import { solidPng } from "../support/test-png";
import { settle } from "./filing-flow";

/**
 * What residents see of a sent notice (issue 13 §7), in Chromium against the real server: the lobby
 * board page at 1920×1080 (and a portrait tablet) shows the commune's notices in large type, keeps them
 * through a reload with the network gone (its service worker and kept list), saying since when; the Mini
 * App's "Thông báo" tab at 390×844 lists them and opens one whole. Notices are written into the
 * product's own tables as the fan-out leaves them (status "sent"): the officer flow is tested elsewhere.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const BACH_MAI = "00292";
const WATER_TITLE = "Tạm ngừng cấp nước khu tập thể Bạch Mai";
const STORM_TITLE = "Chủ động phòng chống bão số 9";
const STORM_BODY = [
  "Theo Trung tâm Dự báo khí tượng thủy văn quốc gia, bão số 9 có thể gây mưa to từ đêm 08/12.",
  "UBND phường đề nghị các hộ gia đình kiểm tra mái nhà, biển quảng cáo, cây xanh trước cửa; không ra khỏi nhà khi có gió mạnh.",
  "Đường dây nóng của phường: 024 3869 0000 (trực 24/24).",
].join("\n\n");
const VACCINE_TITLE = "Tiêm chủng sởi cho trẻ từ 1 đến 5 tuổi";

/** The server's own database, as the product's code opens it (PostgreSQL: the server shares it). */
function openProductDatabase(database: ServerDatabase) {
  return openDatabase({
    driver: "pg",
    url: database.url,
    dataDir: database.dataDir,
    logger: createLogger("warn"),
  });
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });

describe.skipIf(!chromiumPath)("notice board and the Mini App's Thông báo tab", () => {
  let phone: PhoneBrowser | undefined;
  let server: ServerProcess | undefined;
  let database: ServerDatabase | undefined;
  let board: BrowserContext | undefined;
  let authorId = "";

  beforeAll(async () => {
    ({ phone, server, database } = await startProductOnPhone(chromiumPath));
    if (!database.url) return; // PGlite: the server process owns the only handle
    const handle = await openProductDatabase(database);
    try {
      const author = await seedNoticeAuthor(handle.db, BACH_MAI);
      authorId = author.id;
      const hour = 3_600_000;
      await seedPublishedNotice(handle.db, {
        authorId: author.id,
        communeCode: null,
        category: "health",
        title: VACCINE_TITLE,
        body: "Trạm y tế phường tiêm miễn phí vào sáng thứ Bảy 12/12. Mang theo sổ tiêm chủng của trẻ.",
        startedAt: new Date(Date.now() - 3 * hour),
      });
      await seedPublishedNotice(handle.db, {
        authorId: author.id,
        communeCode: BACH_MAI,
        category: "utilities",
        title: WATER_TITLE,
        body: "Từ 8:00 đến 17:00 ngày 10/12, Công ty Nước sạch Hà Nội thay đường ống chính.\n\nĐề nghị bà con chủ động trữ nước.",
        procedureCode: null,
        startedAt: new Date(Date.now() - 2 * hour),
        image: { contentType: "image/png", bytes: solidPng(640, 400, [30, 110, 200]) },
      });
      await seedPublishedNotice(handle.db, {
        authorId: author.id,
        communeCode: BACH_MAI,
        category: "disaster",
        title: STORM_TITLE,
        body: STORM_BODY,
        startedAt: new Date(Date.now() - hour),
      });
    } finally {
      await handle.close();
    }
  });

  afterAll(async () => {
    await board?.close();
    await stopProduct({ phone, server, database });
  });

  it("shows the board in large type, and still after a reload with the network gone", async () => {
    if (!phone || !server || !database?.url) return;
    board = await phone.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
    const page = await board.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${server.baseUrl}/bang-tin/${BACH_MAI}`);
    await page.getByRole("heading", { level: 1, name: "Phường Bạch Mai" }).waitFor();
    // Newest first: the storm warning is on screen; the pager names what comes next.
    await page.getByRole("heading", { level: 2, name: STORM_TITLE }).waitFor();
    await page.getByText(`Tiếp theo: ${WATER_TITLE}`).waitFor();
    expect(await page.locator(".notice").count()).toBe(3);
    const sizes = await page.evaluate(() => {
      const px = (selector: string) =>
        Number.parseFloat(getComputedStyle(document.querySelector(selector) as Element).fontSize);
      return {
        title: px(".notice.is-current .notice__title"),
        body: px(".notice.is-current .notice__body p"),
      };
    });
    expect(sizes.title).toBeGreaterThanOrEqual(48);
    expect(sizes.body).toBeGreaterThanOrEqual(28);

    // The service worker controls the page and has kept it, its files and the image.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
      timeout: 15_000,
    });
    await page.waitForFunction(
      async () => {
        const cache = await caches.open("dvc-bang-tin-v1");
        return (await cache.match(location.pathname)) !== undefined && (await cache.keys()).length >= 4;
      },
      undefined,
      { timeout: 15_000, polling: 250 },
    );
    await shot(page, "notice-board-1920");
    await expectNoSeriousViolations(page, "notice board");
    // The next in turn (arrow keys page through, as the rotation does): the water cut with its image.
    await page.keyboard.press("ArrowRight");
    await page.getByRole("heading", { level: 2, name: WATER_TITLE }).waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector(".notice.is-current img") as HTMLImageElement | null)?.naturalWidth === 640,
    );
    await shot(page, "notice-board-image-1920");
    await page.keyboard.press("ArrowLeft");
    await page.getByRole("heading", { level: 2, name: STORM_TITLE }).waitFor();

    // The water notice (with its image) in turn, on a portrait tablet.
    const tablet = await board.newPage();
    await tablet.setViewportSize({ width: 800, height: 1280 });
    await tablet.goto(`${server.baseUrl}/bang-tin/${BACH_MAI}`);
    await tablet.getByRole("heading", { level: 2, name: STORM_TITLE }).waitFor();
    await tablet.keyboard.press("ArrowRight");
    await tablet.getByRole("heading", { level: 2, name: WATER_TITLE }).waitFor();
    await tablet.waitForFunction(
      () => (document.querySelector(".notice.is-current img") as HTMLImageElement | null)?.complete === true,
    );
    await shot(tablet, "notice-board-portrait");
    await tablet.close();

    await board.setOffline(true);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Phường Bạch Mai" }).waitFor();
    await page.getByRole("heading", { level: 2, name: STORM_TITLE }).waitFor();
    const status = page.getByRole("status");
    await status
      .getByText(/^Mất kết nối — đang hiển thị bản lưu lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}$/)
      .waitFor();
    expect(await page.locator(".notice").count()).toBe(3);
    await shot(page, "notice-board-offline-1920");
    await board.setOffline(false);
    // No CSP violation or script error along the way (an offline fetch failing is expected, not a fault).
    expect(errors.filter((text) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(text))).toEqual(
      [],
    );
  });

  it("lists the notices in the Mini App's Thông báo tab and opens one whole", async () => {
    if (!phone || !server || !database?.url) return;
    const { page } = phone;
    await page.goto(server.baseUrl);
    await page.evaluate(
      (code) =>
        window.localStorage.setItem("dvc.commune.v1", JSON.stringify({ code, name: "Phường Bạch Mai" })),
      BACH_MAI,
    );
    await page.goto(server.baseUrl);
    await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
    await page.getByRole("button", { name: /Thông báo.*Tin mới từ UBND Phường Bạch Mai/ }).click();
    await page.getByRole("heading", { level: 1, name: "Thông báo" }).waitFor();
    const rows = page.getByTestId("notice-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(3);
    expect(await rows.first().textContent()).toContain(STORM_TITLE);
    await settle(page);
    await phone.screenshot("notice-tab-390");
    await expectNoSeriousViolations(page, "notice tab");
    const small = await smallTouchTargets(page);
    expect(small, describeSmallTargets("notice tab", small)).toEqual([]);

    await page.getByTestId("notice-row").filter({ hasText: WATER_TITLE }).click();
    await page.getByRole("heading", { level: 1, name: WATER_TITLE }).waitFor();
    const image = page.getByRole("img", { name: "Ảnh kèm thông báo" });
    await image.waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector(".dvc-notice-page__image") as HTMLImageElement | null)?.naturalWidth === 640,
    );
    await settle(page);
    await phone.screenshot("notice-page-390");
    await expectNoSeriousViolations(page, "notice page");
  });

  it("takes in a new notice by itself within a minute, without reloading the page", async () => {
    if (!phone || !server || !database?.url) return;
    const context = await phone.browser.newContext({ viewport: { width: 1920, height: 1080 } });
    try {
      const page = await context.newPage();
      await page.clock.install();
      await page.goto(`${server.baseUrl}/bang-tin/${BACH_MAI}`);
      await page.getByRole("heading", { level: 2, name: STORM_TITLE }).waitFor();
      await page.evaluate(() => {
        (window as unknown as { loadedOnce: boolean }).loadedOnce = true;
      });
      const handle = await openProductDatabase(database);
      try {
        await seedPublishedNotice(handle.db, {
          authorId,
          communeCode: BACH_MAI,
          category: "event",
          title: "Họp dân tổ dân phố 5 tối thứ Sáu",
        });
      } finally {
        await handle.close();
      }
      await page.clock.runFor(61_000);
      await page.getByText("Tất cả thông báo (4)").waitFor();
      await page
        .getByRole("complementary", { name: "Tất cả thông báo" })
        .getByText("Họp dân tổ dân phố 5 tối thứ Sáu")
        .waitFor();
      // The notice on screen stays on screen: the new one waits for its turn.
      await page.getByRole("heading", { level: 2, name: STORM_TITLE }).waitFor();
      // The same page all along: a reload would have dropped the mark.
      expect(await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(
        true,
      );
    } finally {
      await context.close();
    }
  });
});
