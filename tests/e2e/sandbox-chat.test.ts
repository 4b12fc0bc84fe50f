import { eq } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundEvents, sandboxOaGroups, sandboxSentMessages } from "../../bot-server/src/db/schema";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { announceMissingChromium, findChromium, openPhone, type PhoneBrowser } from "../support/browser";
import { type FreshDatabase, freshDatabase, type ServerDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";

/**
 * The /sandbox chat page at a phone's size, against the real server process (its event worker and
 * chatbot included): residents follow the OA and ask it things; every action is a signed webhook event.
 * The second suite draws every kind of message the product can send (written straight into the sandbox's
 * record, no chatbot involved) and makes the product's webhook fail on demand.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

/** The chatbot answers through the event worker (polls every 500 ms) and the sandbox OA API. */
const REPLY_TIMEOUT_MS = 10_000;

async function addResident(page: Page, name: string, linkTo?: string): Promise<void> {
  await page.getByTestId("add-resident").click();
  const dialog = page.getByRole("dialog", { name: "Thêm cư dân" });
  await dialog.getByLabel("Tên hiển thị trên Zalo").fill(name);
  if (linkTo) await dialog.getByLabel("Người này đã dùng Mini App?").selectOption({ label: linkTo });
  await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
  await expect
    .poll(() => page.getByTestId("resident-select").locator("option:checked").textContent())
    .toContain(name);
}

async function say(page: Page, text: string): Promise<void> {
  await page.getByTestId("chat-input").fill(text);
  await page.getByTestId("chat-send").click();
  await page.getByTestId("bubble-resident").filter({ hasText: text }).last().waitFor();
}

describe.skipIf(!chromiumPath)("a resident chats with the commune's OA on /sandbox (phone, 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;
  let oaBubblesBeforeQuestion = 0;

  beforeAll(async () => {
    ({ database, server, phone } = await startProductOnPhone(chromiumPath));
  });

  afterAll(async () => {
    await stopProduct({ phone, server, database });
  });

  it("starts empty, adds two residents, follows with the first (event accepted)", async () => {
    const { page } = phone;
    await page.goto(`${server.baseUrl}/sandbox`);
    await page.getByRole("heading", { name: "Zalo OA (sandbox)" }).waitFor();
    await page.getByText("Chưa có cư dân nào").waitFor();
    await phone.screenshot("sandbox-chat-01-empty");

    await addResident(page, "Nguyễn Văn An");
    await addResident(page, "Trần Thị Bình");
    await page.getByTestId("resident-select").selectOption({ label: "Nguyễn Văn An" });
    await page.getByText("Bạn chưa quan tâm OA này").waitFor();

    const toggle = page.getByTestId("follow-toggle");
    await expect.poll(() => toggle.textContent()).toBe("Quan tâm");
    await toggle.click();
    await expect.poll(() => toggle.textContent()).toBe("Bỏ quan tâm");
    await page.getByText("Bạn đã quan tâm OA").waitFor();
    expect(await page.getByTestId("chat-error").isHidden()).toBe(true);
  });

  it("the OA welcomes the new follower (chatbot reply)", async () => {
    const { page } = phone;
    await page.getByTestId("bubble-oa").first().waitFor({ timeout: REPLY_TIMEOUT_MS });
    await phone.screenshot("sandbox-chat-02-welcome");
  });

  it("a question without diacritics shows as the resident's bubble and the input clears", async () => {
    const { page } = phone;
    oaBubblesBeforeQuestion = await page.getByTestId("bubble-oa").count();
    await say(page, "lam giay khai sinh can nhung gi");
    expect(await page.getByTestId("chat-input").inputValue()).toBe("");
    expect(await page.getByTestId("chat-error").isHidden()).toBe(true);
  });

  it("the OA answers about khai sinh with a button (chatbot reply)", async () => {
    const { page } = phone;
    // The first OA bubble after the question (the welcome mentions khai sinh too, so it must not count).
    const answer = page.getByTestId("bubble-oa").nth(oaBubblesBeforeQuestion);
    await answer.waitFor({ timeout: REPLY_TIMEOUT_MS });
    expect(await answer.textContent()).toMatch(/khai sinh/i);
    expect(await answer.getByTestId("oa-button").count()).toBeGreaterThan(0);
    await answer.evaluate((node) => node.scrollIntoView({ block: "start" }));
    await phone.screenshot("sandbox-chat-03-answer");
  });

  it("sends the sample photo, sticker and location as the resident", async () => {
    const { page } = phone;
    const before = await page.getByTestId("bubble-resident").count();
    for (const label of ["Ảnh mẫu", "Sticker", "Vị trí"]) {
      await page.getByRole("button", { name: label, exact: true }).click();
      await expect.poll(() => page.getByTestId("chat-send").isEnabled()).toBe(true);
    }
    await expect.poll(() => page.getByTestId("bubble-resident").count()).toBe(before + 3);
    await page.getByTestId("bubble-resident").last().getByText("Vị trí: 21.0368, 105.8347").waitFor();
    await phone.screenshot("sandbox-chat-04-media");
  });

  it("keeps each resident's conversation separate", async () => {
    const { page } = phone;
    await page.getByTestId("resident-select").selectOption({ label: "Trần Thị Bình" });
    await page.getByText("Chưa có tin nhắn").waitFor();
    expect(await page.getByTestId("bubble-resident").count()).toBe(0);
    expect(await page.getByTestId("bubble-oa").count()).toBe(0);
    await expect.poll(() => page.getByTestId("follow-toggle").textContent()).toBe("Quan tâm");
    await say(page, "xin chào, tôi là Bình");
    expect(await page.getByTestId("bubble-resident").count()).toBe(1);
    await phone.screenshot("sandbox-chat-05-second-resident");

    await page.getByTestId("resident-select").selectOption({ label: "Nguyễn Văn An" });
    await page
      .getByTestId("bubble-resident")
      .filter({ hasText: "lam giay khai sinh can nhung gi" })
      .waitFor();
    expect(await page.getByTestId("bubble-resident").filter({ hasText: "tôi là Bình" }).count()).toBe(0);
  });

  it("keeps the chosen resident and the conversation across a reload", async () => {
    const { page } = phone;
    await page.reload();
    await page
      .getByTestId("bubble-resident")
      .filter({ hasText: "lam giay khai sinh can nhung gi" })
      .waitFor();
    await expect
      .poll(() => page.getByTestId("resident-select").locator("option:checked").textContent())
      .toBe("Nguyễn Văn An");
  });

  it("loaded without a CSP violation or a script error", () => {
    expect(phone.consoleErrors).toEqual([]);
  });
});

describe.skipIf(!chromiumPath)(
  "the /sandbox page draws what the product sent, and failed sends (phone)",
  () => {
    let database: FreshDatabase;
    let test: TestApp;
    let served: ServedApp;
    let phone: PhoneBrowser;
    let residentId = "";
    /** When set, /webhooks/zalo answers 503 as a product whose database is away would. */
    let webhookDown = false;

    const sent = (row: typeof sandboxSentMessages.$inferInsert) =>
      database.handle.db.insert(sandboxSentMessages).values(row);

    beforeAll(async () => {
      database = await freshDatabase();
      test = buildTestApp(database.handle);
      const sealer = createSealer(test.config.dataEncryptionKey);
      test.app.route("/sandbox", sandboxRoutes({ ...test, database: database.handle, sealer }));
      served = await serveOverHttp((request) =>
        webhookDown && new URL(request.url).pathname === "/webhooks/zalo"
          ? Response.json(
              { code: "DB_UNAVAILABLE", message: "Hệ thống đang tạm gián đoạn." },
              { status: 503 },
            )
          : test.app.fetch(request),
      );
      const created = await fetch(`${served.baseUrl}/sandbox/api/chat/residents`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ displayName: "Lê Thị Cúc" }),
      });
      residentId = ((await created.json()) as { resident: { id: string } }).resident.id;
      const groupId = "df7d5a31765c9f02c64d";
      await database.handle.db
        .insert(sandboxOaGroups)
        .values({ id: groupId, name: "Tổ dân phố 5 — Ba Đình" });
      const miniApp = test.config.zalo.miniAppId;
      await sent({
        channel: "oa_cs",
        recipient: residentId,
        messageId: "m1",
        payload: {
          recipient: { user_id: residentId },
          message: {
            text: "Đăng ký khai sinh: cần tờ khai và giấy chứng sinh. Nộp trực tuyến trên Mini App.",
            attachment: {
              type: "template",
              payload: {
                buttons: [
                  {
                    title: "Nộp hồ sơ",
                    type: "oa.open.url",
                    payload: { url: `https://zalo.me/s/${miniApp}/nop/moi/1.001193` },
                  },
                  { title: "Gặp cán bộ", type: "oa.query.show", payload: "Gặp cán bộ" },
                ],
              },
            },
          },
        },
      });
      await sent({
        channel: "oa_template",
        recipient: residentId,
        messageId: "m2",
        payload: {
          user_id: residentId,
          template_id: "300001",
          template_data: {
            ma_ho_so: "HS-2026-000123",
            trang_thai: "Đã tiếp nhận",
            thu_tuc: "Đăng ký khai sinh",
          },
        },
      });
      await sent({
        channel: "oa_group",
        recipient: groupId,
        messageId: "g1",
        payload: {
          recipient: { group_id: groupId },
          message: { text: "Thông báo: tiếp dân sáng thứ Bảy tuần này." },
        },
      });
      await sent({
        channel: "zns",
        recipient: "0912 ••• 678",
        messageId: "z1",
        payload: {
          phone: "0912 ••• 678",
          template_id: "300003",
          template_data: { ma_ho_so: "HS-2026-000123" },
        },
      });
      phone = await openPhone(chromiumPath ?? "");
    });

    afterAll(async () => {
      await phone?.close();
      await served?.close();
      test?.cleanup();
      await database?.drop();
    });

    it("shows OA text with buttons, a Mini App link, and a template message as a card", async () => {
      const { page } = phone;
      await page.goto(`${served.baseUrl}/sandbox#${residentId}`);
      const reply = page.getByTestId("bubble-oa").filter({ hasText: "Đăng ký khai sinh: cần" });
      await reply.waitFor();
      const url = reply.getByRole("link", { name: "Nộp hồ sơ" });
      expect(await url.getAttribute("href")).toBe(
        `https://zalo.me/s/${test.config.zalo.miniAppId}/nop/moi/1.001193`,
      );
      const local = reply.getByRole("link", { name: "Mở trong Mini App (sandbox)" });
      expect(await local.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(
        `${served.baseUrl}/nop/moi/1.001193`,
      );
      const card = page.locator('[data-testid="bubble-oa"][data-kind="template"]');
      await card.getByText("Cập nhật trạng thái hồ sơ (mẫu 300001)").waitFor();
      await card.locator("table.kv").getByText("HS-2026-000123").waitFor();
      await phone.screenshot("sandbox-chat-render-01-replies");
    });

    it("a query button sends its payload as the resident's text, through the webhook", async () => {
      const { page } = phone;
      await page.getByTestId("oa-button").filter({ hasText: "Gặp cán bộ" }).click();
      await page.getByTestId("bubble-resident").filter({ hasText: "Gặp cán bộ" }).waitFor();
      const rows = await database.handle.db
        .select()
        .from(inboundEvents)
        .where(eq(inboundEvents.eventName, "user_send_text"));
      // The text itself is kept only sealed (a resident's words are personal data).
      expect(rows.map((row) => row.payload)).toMatchObject([{ sender: { id: residentId } }]);
      const [row] = rows;
      if (!row?.rawBodySealed) throw new Error("the resident's text was not kept");
      const raw = test.sealer.open(row.rawBodySealed, SEALED.inboundRawBody(row.dedupeKey));
      expect(JSON.parse(raw)).toMatchObject({ message: { text: "Gặp cán bộ" } });
    });

    it("polls: a new reply appears, a new group post raises the tab's badge", async () => {
      const { page } = phone;
      await sent({
        channel: "oa_cs",
        recipient: residentId,
        messageId: "m3",
        payload: { message: { text: "Cán bộ sẽ trả lời bạn sớm." } },
      });
      await page
        .getByTestId("bubble-oa")
        .filter({ hasText: "Cán bộ sẽ trả lời bạn sớm." })
        .waitFor({ timeout: 5_000 });
      await sent({
        channel: "oa_group",
        recipient: "df7d5a31765c9f02c64d",
        messageId: "g2",
        payload: { message: { text: "Lịch tiêm chủng tháng 12." } },
      });
      await expect.poll(() => page.locator("#feed-badge").textContent(), { timeout: 5_000 }).toBe("1");
      await page.getByRole("tab", { name: /Nhóm & ZNS/ }).click();
      await page.getByText("Nhóm: Tổ dân phố 5 — Ba Đình").first().waitFor();
      await page.locator(".card-body p").getByText("Lịch tiêm chủng tháng 12.").waitFor();
      await page.getByText(/^ZNS tới 0912 ••• 678/).waitFor();
      expect(await page.locator("#feed-badge").isHidden()).toBe(true);
      await phone.screenshot("sandbox-chat-render-02-groups-zns");
      await page.getByRole("tab", { name: "Trò chuyện" }).click();
    });

    it("a refused send shows a Vietnamese error and keeps the typed text", async () => {
      const { page } = phone;
      await page.getByRole("tab", { name: "Trò chuyện" }).click();
      webhookDown = true;
      await page.getByTestId("chat-input").fill("hồ sơ HS-2026-000123 đến đâu rồi");
      await page.getByTestId("chat-send").click();
      const error = page.getByTestId("chat-error");
      await error.getByText("Máy chủ không nhận sự kiện (HTTP 503): Hệ thống đang tạm gián đoạn.").waitFor();
      expect(await page.getByTestId("chat-input").inputValue()).toBe("hồ sơ HS-2026-000123 đến đâu rồi");
      await phone.screenshot("sandbox-chat-render-03-send-failed");

      webhookDown = false;
      await page.getByTestId("chat-send").click();
      await page.getByTestId("bubble-resident").filter({ hasText: "đến đâu rồi" }).waitFor();
      expect(await page.getByTestId("chat-input").inputValue()).toBe("");
      expect(await error.isHidden()).toBe(true);
    });

    it("adds a resident linked to a sandbox Mini App user", async () => {
      const { page } = phone;
      await fetch(`${served.baseUrl}/sandbox/api/citizens`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Nguyễn Văn An" }),
      });
      await page.getByTestId("add-resident").click();
      const dialog = page.getByRole("dialog", { name: "Thêm cư dân" });
      await dialog
        .getByLabel("Người này đã dùng Mini App?")
        .selectOption({ label: "Nguyễn Văn An (đã dùng Mini App)" });
      expect(await dialog.getByLabel("Tên hiển thị trên Zalo").inputValue()).toBe("Nguyễn Văn An");
      await phone.screenshot("sandbox-chat-render-04-add-linked");
      await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
      await expect
        .poll(() => page.getByTestId("resident-select").locator("option:checked").textContent())
        .toBe("Nguyễn Văn An (đã dùng Mini App)");
      await page.getByText("Chưa có tin nhắn").waitFor();
    });

    it("loaded without a CSP violation or a script error", () => {
      expect(phone.consoleErrors).toEqual([]);
    });
  },
);
