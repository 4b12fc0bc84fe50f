import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceMissingChromium, findChromium, PHONE_VIEWPORT, type PhoneBrowser } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { openDeskPage, shotBoth, signInAtDesk, watchErrors } from "./officer-desk";

/**
 * A resident asks for a person, end to end against the real server in sandbox mode (its event worker,
 * chatbot and delivery worker): in /sandbox a new resident follows the OA and writes "gặp cán bộ"; the
 * bot hands over. The resident never used the Mini App, so no commune is known and the conversation
 * waits in the province queue: the province admin (admin.hanoi) opens it at /can-bo on a desk
 * (1280×800), sees the resident's messages (a new one arrives by polling), replies; the reply reaches
 * the chat; the conversation is also read on a phone (390×844); the admin hands it back, and the bot
 * answers the resident's next question about khai sinh again.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const RESIDENT = "Lê Văn Cường";
const FOLLOW_UP = "Con tôi sinh ở bệnh viện Bạch Mai, tôi cần mang những gì?";
const REPLY =
  "Chào anh Cường, anh mang Giấy chứng sinh bản gốc và CCCD của bố mẹ. Anh có thể nộp trực tuyến trên Mini App.";
/** Worker poll (500 ms) + OA send + the sandbox page's poll, on a busy 2-CPU machine. */
const CHAT_TIMEOUT_MS = 20_000;
/** The officer's screen polls the conversation every 5 s. */
const POLL_TIMEOUT_MS = 15_000;

async function followAsNewResident(page: Page, baseUrl: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/sandbox`);
  await page.getByRole("heading", { name: /\(sandbox\)$/ }).waitFor();
  await page.getByTestId("add-resident").click();
  const dialog = page.getByRole("dialog", { name: "Thêm cư dân" });
  await dialog.getByLabel("Tên hiển thị trên Zalo").fill(name);
  await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
  const toggle = page.getByTestId("follow-toggle");
  await expect.poll(() => toggle.textContent()).toBe("Quan tâm");
  await toggle.click();
  await expect.poll(() => toggle.textContent()).toBe("Bỏ quan tâm");
  await page.getByTestId("bubble-oa").first().waitFor({ timeout: CHAT_TIMEOUT_MS });
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId("chat-input").fill(text);
  await page.getByTestId("chat-send").click();
  await page.getByTestId("bubble-resident").filter({ hasText: text }).last().waitFor();
}

/** A province admin has no commune inbox: signing in lands on the conversations. */
async function signInAdmin(page: Page, baseUrl: string): Promise<void> {
  await signInAtDesk(page, baseUrl, "admin.hanoi", "Trò chuyện với người dân");
  await page.waitForURL(/\/can-bo\/tro-chuyen$/);
}

const queueItem = (page: Page) => page.getByRole("link", { name: /Người dân yêu cầu gặp cán bộ/ }).first();
const residentLines = (page: Page) => page.getByTestId("chat-line-resident");

describe.skipIf(!chromiumPath)("an officer answers a resident the bot handed over (desk and phone)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;
  let chat: Page;
  let desk: Page;
  const errors: string[] = [];

  const watch = (page: Page, name: string) => watchErrors(page, errors, name);

  const shot = (page: Page, name: string) => shotBoth(page, name, { fromTop: false });

  beforeAll(async () => {
    ({ database, server, phone } = await startProductOnPhone(chromiumPath));
    chat = phone.page;
    desk = await openDeskPage(phone.browser, errors, "desk");
  });

  afterAll(async () => {
    await stopProduct({ phone, server, database });
  });

  it("the resident asks for an officer in the chat; the bot hands over", async () => {
    await followAsNewResident(chat, server.baseUrl, RESIDENT);
    await say(chat, "gặp cán bộ");
    await chat
      .getByTestId("bubble-oa")
      .filter({ hasText: "Đã chuyển cuộc trò chuyện cho cán bộ" })
      .waitFor({ timeout: CHAT_TIMEOUT_MS });
  });

  it("the province admin finds it in the queue and sees the resident's messages, new ones included", async () => {
    await signInAdmin(desk, server.baseUrl);
    await queueItem(desk).waitFor({ timeout: POLL_TIMEOUT_MS });
    expect(await queueItem(desk).textContent()).toMatch(/Tự trả lại cho trợ lý lúc \d{2}:\d{2}/);
    await expect
      .poll(() => desk.getByRole("navigation", { name: "Khu vực làm việc" }).textContent())
      .toContain("Trò chuyện1 đang mở");
    await queueItem(desk).click();
    await desk.waitForURL(/\/can-bo\/tro-chuyen\/[0-9a-f-]{36}$/);
    await desk.getByRole("heading", { level: 2, name: "Người dân yêu cầu gặp cán bộ" }).waitFor();
    await residentLines(desk).filter({ hasText: "gặp cán bộ" }).waitFor();
    expect(await desk.getByTestId("chat-line-bot").last().textContent()).toContain("Trợ lý tự động");

    // The resident writes again while the officer has it open: it shows up without a reload.
    await say(chat, FOLLOW_UP);
    await residentLines(desk).filter({ hasText: FOLLOW_UP }).waitFor({ timeout: POLL_TIMEOUT_MS });
  });

  it("replies; the reply shows as the officer's and reaches the resident's chat", async () => {
    const box = desk.getByRole("textbox", { name: "Trả lời người dân" });
    await box.fill(REPLY);
    await desk.getByRole("button", { name: "Gửi trả lời" }).click();
    await desk.getByTestId("chat-line-officer").filter({ hasText: REPLY }).waitFor();
    await desk.getByText("Đã gửi. Người dân nhận tin qua Zalo.").waitFor();
    expect(await box.inputValue()).toBe("");
    // Picked up: no more "returns to the bot" countdown.
    expect(await desk.getByText(/Tự trả lại cho trợ lý/).count()).toBe(0);
    await shot(desk, "conversation-01-desk");

    await chat.getByTestId("bubble-oa").filter({ hasText: REPLY }).waitFor({ timeout: CHAT_TIMEOUT_MS });
  });

  it("reads the same conversation on a phone (390×844)", async () => {
    const page = await phone.context.newPage();
    watch(page, "phone");
    expect(page.viewportSize()).toEqual(PHONE_VIEWPORT);
    await signInAdmin(page, server.baseUrl);
    await queueItem(page).click();
    await page.getByRole("link", { name: "Danh sách trò chuyện" }).waitFor();
    await page.getByTestId("chat-line-officer").filter({ hasText: REPLY }).waitFor();
    await shot(page, "conversation-02-phone");
    await page.close();
  });

  it("hands it back after confirming; the resident is told, and the bot answers again", async () => {
    await desk.getByRole("button", { name: "Trả lại cho trợ lý tự động" }).click();
    const dialog = desk.getByRole("dialog", { name: "Trả lại cuộc trò chuyện cho trợ lý tự động?" });
    await dialog.waitFor();
    await shot(desk, "conversation-03-hand-back-confirm");
    await dialog.getByRole("button", { name: "Trả lại cho trợ lý" }).click();
    await desk.getByText("Đã trả lại cho trợ lý tự động.").waitFor();
    await expect.poll(() => desk.getByTestId("chat-line-officer").count()).toBe(1);
    // Nothing was being typed: no reply box is left, only the way back to the queue.
    expect(await desk.getByRole("textbox", { name: "Trả lời người dân" }).count()).toBe(0);
    await desk.getByRole("link", { name: "Về danh sách trò chuyện" }).waitFor();
    await shot(desk, "conversation-04-handed-back-desk");
    await expect
      .poll(() => desk.getByRole("navigation", { name: "Khu vực làm việc" }).textContent(), {
        timeout: POLL_TIMEOUT_MS,
      })
      .toContain("Trò chuyện0 đang mở");

    await chat
      .getByTestId("bubble-oa")
      .filter({ hasText: "Cán bộ đã trả lời xong" })
      .waitFor({ timeout: CHAT_TIMEOUT_MS });
    const before = await chat.getByTestId("bubble-oa").count();
    await say(chat, "đăng ký khai sinh cần giấy tờ gì");
    const answer = chat.getByTestId("bubble-oa").nth(before);
    await answer.waitFor({ timeout: CHAT_TIMEOUT_MS });
    expect(await answer.textContent()).toMatch(/khai sinh/i);
    expect(await answer.getByTestId("oa-button").count()).toBeGreaterThan(0);
    await phone.screenshot("conversation-05-bot-again");
  });

  it("ran without a script error or a CSP violation", () => {
    expect([...errors, ...phone.consoleErrors]).toEqual([]);
  });
});
