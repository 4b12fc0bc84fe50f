import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_IDS } from "../../bot-server/src/config";
import { announceMissingChromium, findChromium, type PhoneBrowser, SCREENSHOT_DIR } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { fileKhaiSinhFromStep1, settle, startKhaiSinhAsNewCitizen } from "./filing-flow";
import { openDeskPage, shotBoth, signInAtDesk } from "./officer-desk";
import {
  deliveryCaption,
  followAsLinkedResident,
  oaMessageAbout,
  openDossierButton,
  openInPreviewLink,
} from "./sandbox-flow";

/**
 * A dossier's whole round trip, three screens against the real server in sandbox mode (its delivery
 * worker and the sandbox's receipts): a citizen files khai sinh at Phường Bạch Mai (00292) on a phone;
 * the resident who is that citizen on Zalo follows the OA in /sandbox; the commune's officer, at a desk
 * (1280×800), receives the dossier and asks for the contact phone again; the request reaches the chat
 * with its button; the citizen sends a new number from the Mini App; the officer sees it, marks the
 * result ready with where and when to collect it; the chat gets that too, and both timelines say each
 * message reached the resident ("đã nhận").
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const CITIZEN = "Đỗ Thị Hạnh";
/** Worker poll (500 ms) + send + the sandbox's two receipt delays (1.5 s each) + page polls, on a busy machine. */
const DELIVERY_TIMEOUT_MS = 30_000;
/** Re-reading a page that reads once, until the product has applied the sandbox's receipts. */
const RECEIPTS_TIMEOUT_MS = 45_000;

const SUPPLEMENT_MESSAGE = "Số điện thoại liên hệ không gọi được. Vui lòng ghi số đang dùng.";
const NEW_PHONE = "0987654321";
const NEW_PHONE_DISPLAY = "0987 654 321";
const PICK_UP = "Bộ phận Một cửa UBND phường Bạch Mai, từ 14:00 ngày 08/12/2026; mang theo CCCD.";
/** A status message's fate once Zalo said it arrived ("· đã xem" may follow). */
const DELIVERED = "Đã gửi qua Zalo · đã nhận";

function signInOfficer(page: Page, baseUrl: string): Promise<void> {
  return signInAtDesk(page, baseUrl, "canbo.00292", "Hồ sơ của Phường Bạch Mai");
}

/** The inbox filtered by the dossier's code, then the dossier, its answers labelled from the form. */
async function openFromInbox(page: Page, code: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Tìm theo mã hồ sơ" }).fill(code);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.waitForURL(/\?q=/);
  await page.getByRole("link", { name: new RegExp(code) }).click();
  await officerDossierShown(page);
}

async function officerDossierShown(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "Đăng ký khai sinh" }).waitFor();
  await page.getByRole("heading", { name: "Quá trình xử lý" }).waitFor();
  await page.getByText("Nguyễn Minh Khôi", { exact: true }).waitFor();
}

const officerStatus = (page: Page) => page.getByTestId("officer-dossier-status");
const officerTimeline = (page: Page) =>
  page.getByRole("list", { name: "Quá trình xử lý, mới nhất trước" }).getByRole("listitem");
/** The answer shown for one question of the form, by its label. */
const officerAnswer = (page: Page, label: string): Locator =>
  page
    .locator(".dvc-answers__row")
    // The label, then the "Cần bổ sung" tag while the question is flagged.
    .filter({ has: page.locator("dt").filter({ hasText: new RegExp(`^${label}\\s*(Cần bổ sung)?$`) }) });

/**
 * The citizen follows the chat message's link into the Mini App: the sandbox's "Mở trong Mini App
 * (sandbox)" beside the Zalo button, the same path in the web preview, opened in the citizen's app tab
 * (whose console errors and screenshots this test watches) rather than the new tab a tap would open.
 */
async function followChatLink(app: Page, baseUrl: string, bubble: Locator, code: string): Promise<void> {
  const href = await openInPreviewLink(bubble).getAttribute("href");
  expect(href).toBe(`/ho-so/${code}`);
  await app.goto(new URL(href ?? "", baseUrl).href);
  await citizenDossierShown(app);
}

async function citizenDossierShown(app: Page): Promise<void> {
  await app.getByText("Quá trình giải quyết").waitFor();
  await settle(app);
}

const citizenTimeline = (page: Page) => page.locator(".dvc-timeline__item");

/**
 * Opens the page again (`reopen`) until `read` returns what `accept` accepts: the pages read the dossier
 * once, while the product applies the sandbox's receipts in the background.
 */
async function reopenUntil<T>(
  reopen: () => Promise<void>,
  read: () => Promise<T>,
  accept: (value: T) => void,
  timeout = RECEIPTS_TIMEOUT_MS,
): Promise<T> {
  let last: T | undefined;
  await expect
    .poll(
      async () => {
        await reopen();
        last = await read();
        try {
          accept(last);
          return true;
        } catch {
          return last;
        }
      },
      { timeout, interval: 1_000 },
    )
    .toBe(true);
  return last as T;
}

describe.skipIf(!chromiumPath)("a dossier's round trip: citizen, officer and Zalo chat", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;
  let desk: Page;
  const deskErrors: string[] = [];

  beforeAll(async () => {
    ({ database, server, phone } = await startProductOnPhone(chromiumPath));
    desk = await openDeskPage(phone.browser, deskErrors);
  });

  afterAll(async () => {
    await stopProduct({ phone, server, database });
  });

  it("files, is asked for the phone again, answers it, and is told the result is ready, on Zalo", async () => {
    // 1–2. The citizen signs in and starts khai sinh; the resident who is them on Zalo follows the OA
    // (before the filing, so that every message about the dossier reaches the chat), then they file.
    const app = phone.page;
    await startKhaiSinhAsNewCitizen(app, server.baseUrl, CITIZEN);
    const chat = await phone.context.newPage();
    await followAsLinkedResident(chat, server.baseUrl, CITIZEN);
    await app.bringToFront();
    const code = await fileKhaiSinhFromStep1(app);
    expect(code).toMatch(/^00292-/);

    // 3. The officer finds it, receives it, and asks for the contact phone again, with a message.
    await signInOfficer(desk, server.baseUrl);
    await openFromInbox(desk, code);
    await expect.poll(() => officerStatus(desk).textContent()).toContain("Mới đăng ký");
    expect(await officerAnswer(desk, "Số điện thoại liên hệ").textContent()).toContain("0912 345 678");
    await desk.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
    await desk.getByRole("button", { name: "Xác nhận tiếp nhận" }).click();
    await desk.getByText("Đã chuyển hồ sơ sang “Được tiếp nhận”").waitFor();
    await expect.poll(() => officerStatus(desk).textContent()).toContain("Được tiếp nhận");

    await desk.getByRole("button", { name: "Yêu cầu bổ sung", exact: true }).click();
    await desk.getByRole("checkbox", { name: "Số điện thoại liên hệ", exact: true }).check();
    await desk.getByRole("textbox", { name: "Lời nhắn cho người dân", exact: true }).fill(SUPPLEMENT_MESSAGE);
    await desk.getByRole("button", { name: "Gửi yêu cầu bổ sung" }).click();
    await desk.getByText("Đã chuyển hồ sơ sang “Yêu cầu bổ sung giấy tờ”").waitFor();
    await expect.poll(() => officerStatus(desk).textContent()).toContain("Yêu cầu bổ sung giấy tờ");
    await expect
      .poll(() => officerAnswer(desk, "Số điện thoại liên hệ").textContent())
      .toContain("Cần bổ sung");

    // 4. The request reaches the chat with its button to the dossier in the Mini App.
    await chat.bringToFront();
    const request = oaMessageAbout(chat, code, `Cán bộ đề nghị bổ sung: ${SUPPLEMENT_MESSAGE}`);
    await request.waitFor({ timeout: DELIVERY_TIMEOUT_MS });
    expect(await request.textContent()).toContain("Trạng thái: Cần bổ sung giấy tờ.");
    expect(await openDossierButton(request).getAttribute("href")).toBe(
      `https://zalo.me/s/${SANDBOX_IDS.miniAppId}/ho-so/${code}`,
    );
    await expect
      .poll(() => deliveryCaption(request).textContent(), { timeout: DELIVERY_TIMEOUT_MS })
      .toMatch(/^Đã (nhận|xem)$/);
    await chat.screenshot({ path: join(SCREENSHOT_DIR, "officer-flow-01-sandbox-supplement.png") });

    // 5. The citizen opens the dossier in the Mini App, fixes only the phone and sends it.
    await app.bringToFront();
    await followChatLink(app, server.baseUrl, request, code);
    const supplementForm = app.getByRole("region", { name: "Cần bổ sung hồ sơ" });
    await supplementForm.getByText(SUPPLEMENT_MESSAGE).waitFor();
    // Only the flagged question is asked again, with what was sent.
    expect(await supplementForm.getByRole("textbox").count()).toBe(1);
    const phoneInput = supplementForm.getByLabel("Số điện thoại liên hệ");
    expect(await phoneInput.inputValue()).toBe("0912345678");
    await phone.screenshot("officer-flow-02-citizen-supplement");
    await phoneInput.fill(NEW_PHONE);
    await supplementForm.getByRole("button", { name: "Gửi bổ sung" }).click();
    await app.getByText("Đã gửi bổ sung. Cán bộ sẽ xem lại hồ sơ.").waitFor();
    await supplementForm.waitFor({ state: "detached" });
    await app.getByText("Đang giải quyết").first().waitFor();

    // 6. The officer sees the new number and the dossier back in processing, then marks the result ready.
    await desk.bringToFront();
    await desk.reload();
    await officerDossierShown(desk);
    await expect.poll(() => officerStatus(desk).textContent()).toContain("Đang xử lý");
    const phoneAnswer = officerAnswer(desk, "Số điện thoại liên hệ");
    await expect.poll(() => phoneAnswer.textContent()).toContain(NEW_PHONE_DISPLAY);
    expect(await phoneAnswer.textContent()).not.toContain("Cần bổ sung");
    const answered = officerTimeline(desk).first();
    await expect.poll(() => answered.textContent()).toContain("Đang xử lý");
    expect(await answered.textContent()).toContain("Công dân");
    await shotBoth(desk, "officer-flow-03-officer-after-supplement");

    await desk.getByRole("button", { name: "Đã có kết quả", exact: true }).click();
    await desk.getByRole("textbox", { name: "Nơi và thời gian nhận kết quả" }).fill(PICK_UP);
    await desk.getByRole("button", { name: "Báo đã có kết quả" }).click();
    await desk.getByText("Đã chuyển hồ sơ sang “Đã xử lý xong”").waitFor();
    await expect.poll(() => officerStatus(desk).textContent()).toContain("Đã xử lý xong");

    // 7. The chat gets "result ready" with where and when to collect it.
    await chat.bringToFront();
    const ready = oaMessageAbout(chat, code, "Trạng thái: Đã có kết quả, chờ nhận.");
    await ready.waitFor({ timeout: DELIVERY_TIMEOUT_MS });
    expect(await ready.textContent()).toContain(`Nơi và thời gian nhận kết quả: ${PICK_UP}`);
    expect(await openDossierButton(ready).getAttribute("href")).toBe(
      `https://zalo.me/s/${SANDBOX_IDS.miniAppId}/ho-so/${code}`,
    );
    await expect
      .poll(() => deliveryCaption(ready).textContent(), { timeout: DELIVERY_TIMEOUT_MS })
      .toMatch(/^Đã (nhận|xem)$/);
    // Every message about this dossier, in order, each arrived.
    const aboutDossier = chat.getByTestId("bubble-oa").filter({ hasText: `Hồ sơ ${code}` });
    expect(await aboutDossier.allTextContents()).toEqual([
      expect.stringContaining("Trạng thái: Đã nộp, chờ tiếp nhận."),
      expect.stringContaining("Trạng thái: Đã được tiếp nhận."),
      expect.stringContaining(`Cán bộ đề nghị bổ sung: ${SUPPLEMENT_MESSAGE}`),
      expect.stringContaining("Trạng thái: Đang giải quyết."),
      expect.stringContaining("Trạng thái: Đã có kết quả, chờ nhận."),
    ]);
    await chat.screenshot({ path: join(SCREENSHOT_DIR, "officer-flow-04-sandbox-result-ready.png") });

    // The citizen's timeline, from the last message's link: five steps, each message delivered.
    await app.bringToFront();
    await followChatLink(app, server.baseUrl, ready, code);
    const citizenItems = await reopenUntil(
      async () => {
        await app.reload();
        await citizenDossierShown(app);
      },
      () => citizenTimeline(app).allTextContents(),
      (items) => {
        expect(items).toHaveLength(5);
        for (const item of items) expect(item).toContain(DELIVERED);
      },
    );
    expect(citizenItems).toEqual([
      expect.stringContaining("Đã có kết quả, chờ nhận"),
      expect.stringContaining("Đang giải quyết"),
      expect.stringContaining("Cần bổ sung giấy tờ"),
      expect.stringContaining("Đã được tiếp nhận"),
      expect.stringContaining("Đã nộp, chờ tiếp nhận"),
    ]);
    expect(citizenItems[0]).toContain(PICK_UP);
    // The screen scrolls inside the app, not the page: its top, then the timeline's end.
    await phone.screenshot("officer-flow-05-citizen-timeline");
    await citizenTimeline(app).last().scrollIntoViewIfNeeded();
    await phone.screenshot("officer-flow-05-citizen-timeline-end");

    // The officer's timeline says the same of each message.
    await desk.bringToFront();
    const officerItems = await reopenUntil(
      async () => {
        await desk.reload();
        await officerDossierShown(desk);
      },
      () => officerTimeline(desk).allTextContents(),
      (items) => {
        expect(items).toHaveLength(5);
        for (const item of items) expect(item).toContain(DELIVERED);
      },
    );
    expect(officerItems).toEqual([
      expect.stringContaining("Đã xử lý xong"),
      expect.stringContaining("Đang xử lý"),
      expect.stringContaining("Yêu cầu bổ sung giấy tờ"),
      expect.stringContaining("Được tiếp nhận"),
      expect.stringContaining("Mới đăng ký"),
    ]);
    expect(officerItems[0]).toContain(PICK_UP);
    await shotBoth(desk, "officer-flow-06-officer-timeline");

    expect(phone.consoleErrors).toEqual([]);
    expect(deskErrors).toEqual([]);
  }, 300_000);
});
