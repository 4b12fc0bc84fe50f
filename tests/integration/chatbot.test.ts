import { randomBytes, randomUUID } from "node:crypto";
import { CATALOG, generateDossierCode } from "@dvc/shared";
import { eq, sql } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  chatConversations,
  chatHandovers,
  citizens,
  communes,
  deliveries,
  dossiers,
  inboundEvents,
  rateLimits,
  residents,
} from "../../bot-server/src/db/schema";
import { closeHandover } from "../../bot-server/src/modules/chatbot";
import {
  type ChatbotHarness,
  followEvent,
  mediaEvent,
  startChatbotHarness,
  textEvent,
  zaloId,
} from "../support/chatbot-harness";
import { FAKE_OA_API_BASE_URL } from "../support/fake-zalo-oa";

/**
 * The chatbot end to end in one process: signed events POSTed to /webhooks/zalo, the event worker,
 * the chatbot, the OA client — Zalo's OA API faked by msw, which counts every message sent.
 */

let h: ChatbotHarness;
let appId: string;
let oaId: string;

beforeAll(async () => {
  h = await startChatbotHarness();
  appId = h.test.config.zalo.appId;
  oaId = h.test.config.zalo.oaId;
});
afterAll(async () => h?.close());

beforeEach(async () => {
  const db = h.database.handle.db;
  h.fake.csCalls.length = 0;
  for (const table of [deliveries, chatHandovers, chatConversations, inboundEvents, rateLimits]) {
    await db.delete(table);
  }
  await db.delete(residents);
});

const say = async (oaUserId: string, text: string, userIdByApp?: string) => {
  expect(
    await h.post(textEvent(appId, oaId, { oaUserId, ...(userIdByApp ? { userIdByApp } : {}) }, text)),
  ).toBe(200);
  await h.drain();
  return h.sentTo(oaUserId).at(-1);
};

const khaiSinh = CATALOG.find((p) => p.title === "Đăng ký khai sinh");

describe("answers", () => {
  it("welcomes a new follower with buttons: the Mini App, look up a dossier, ask, an officer", async () => {
    const user = zaloId();
    expect(await h.post(followEvent(appId, oaId, user))).toBe(200);
    await h.drain();
    const [welcome] = h.sentTo(user);
    expect(welcome?.text).toMatch(/Chào bạn/);
    expect(welcome?.buttons.map((b) => b.title)).toEqual([
      "Mở Mini App dịch vụ công",
      "Tra cứu hồ sơ",
      "Hỏi về thủ tục",
      "Gặp cán bộ",
    ]);
    expect(welcome?.buttons[0]?.payload).toEqual({
      url: `https://zalo.me/s/${h.test.config.zalo.miniAppId}/`,
    });
  });

  it("answers a procedure question written without diacritics with documents, time, fee and the form's button", async () => {
    const reply = await say(zaloId(), "cho em hoi lam giay khai sinh cho con can nhung giay to gi a");
    expect(reply?.text).toContain("Đăng ký khai sinh");
    expect(reply?.text).toMatch(/Giấy tờ cần chuẩn bị/);
    expect(reply?.text).toMatch(/Thời hạn giải quyết/);
    expect(reply?.text).toMatch(/Lệ phí/);
    expect(reply?.buttons[0]).toEqual({
      title: "Nộp hồ sơ trên Mini App",
      type: "oa.open.url",
      payload: { url: `https://zalo.me/s/${h.test.config.zalo.miniAppId}/nop/moi/${khaiSinh?.code}` },
    });
  });

  it("every button that sends text back is understood (no dead ends)", async () => {
    const user = zaloId();
    expect((await say(user, "Tra cứu hồ sơ"))?.text).toMatch(/gửi mã hồ sơ/);
    expect((await say(user, "Hỏi về thủ tục"))?.text).toMatch(/thủ tục gì/);
    expect((await say(user, "Đăng ký tạm trú"))?.text).toContain("📄 Đăng ký tạm trú");
  });

  it("answers images, stickers and locations politely", async () => {
    const user = zaloId();
    await h.post(
      mediaEvent(appId, oaId, user, "user_send_image", {
        type: "image",
        payload: { url: "https://x/y.jpg" },
      }),
    );
    await h.post(
      mediaEvent(appId, oaId, user, "user_send_sticker", { type: "sticker", payload: { id: "1" } }),
    );
    await h.post(
      mediaEvent(appId, oaId, user, "user_send_location", {
        type: "location",
        payload: { coordinates: { latitude: "21.03", longitude: "105.83" } },
      }),
    );
    await h.drain();
    const texts = h.sentTo(user).map((m) => m.text);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/ảnh/);
    expect(texts[2]).toMatch(/vị trí/);
  });
});

describe("dossier status", () => {
  async function fileDossier(status = "received") {
    const db = h.database.handle.db;
    const [commune] = await db.select({ code: communes.code }).from(communes).limit(1);
    const zaloUserId = zaloId();
    const [citizen] = await db
      .insert(citizens)
      .values({ zaloUserId, name: "Nguyễn Thị Hoa" })
      .returning({ id: citizens.id });
    const code = generateDossierCode(commune?.code ?? "00070", randomBytes(8));
    await db.insert(dossiers).values({
      code,
      citizenId: citizen?.id,
      draftId: randomUUID(),
      procedureCode: khaiSinh?.code ?? "",
      procedureVersion: khaiSinh?.version ?? 1,
      communeCode: commune?.code ?? "",
      status,
      answersSealed: "sealed",
      submittedAt: new Date(),
      dueAt: new Date(Date.now() + 3 * 86_400_000),
      idempotencyKey: randomUUID(),
      requestHash: "h",
    });
    return { code, zaloUserId };
  }

  it("gives the owner the detail, typed in lower case without dashes inside a sentence", async () => {
    const { code, zaloUserId } = await fileDossier();
    const typed = code.replaceAll("-", " ").toLowerCase();
    const reply = await say(zaloId(), `cho hoi ho so ${typed} den dau roi a`, zaloUserId);
    expect(reply?.text).toContain(code);
    expect(reply?.text).toContain("Đăng ký khai sinh");
    expect(reply?.text).toMatch(/Đã được tiếp nhận/);
    expect(reply?.text).toMatch(/Hẹn trả kết quả/);
  });

  it("tells anyone else only that it exists and its status — no procedure, no dates, no name", async () => {
    const { code } = await fileDossier();
    const reply = await say(zaloId(), `ho so ${code} sao roi`);
    expect(reply?.text).toContain(code);
    expect(reply?.text).toMatch(/Đã được tiếp nhận/);
    expect(reply?.text).not.toContain("khai sinh");
    expect(reply?.text).not.toMatch(/Hẹn trả|Nộp ngày|Hoa/);
  });

  it("says when a code is unknown or mistyped", async () => {
    const { code } = await fileDossier();
    const unknown = generateDossierCode(code.slice(0, 5), randomBytes(8));
    expect((await say(zaloId(), unknown))?.text).toMatch(/Không tìm thấy hồ sơ/);
    const last = code.at(-1) === "2" ? "3" : "2";
    expect((await say(zaloId(), `${code.slice(0, -1)}${last}`))?.text).toMatch(/gõ nhầm/);
  });
});

describe("handover", () => {
  it("'gap can bo' joins the officers' queue; the bot stays quiet until an officer hands it back", async () => {
    const user = zaloId();
    expect((await say(user, "gap can bo"))?.text).toMatch(/chuyển cuộc trò chuyện cho cán bộ/);
    const db = h.database.handle.db;
    const open = await db.select().from(chatHandovers).where(eq(chatHandovers.oaUserId, user));
    expect(open).toMatchObject([{ reason: "asked", closedAt: null }]);

    await say(user, "dang ky khai sinh can gi");
    expect(h.sentTo(user)).toHaveLength(1);

    const [handover] = open;
    if (!handover) throw new Error("no handover");
    await db.transaction((tx) => closeHandover(tx, handover, "officer-1", new Date()));
    expect((await say(user, "dang ky khai sinh can gi"))?.text).toContain("Đăng ký khai sinh");
  });

  it("two turns in a row it does not understand hand the conversation over", async () => {
    const user = zaloId();
    expect((await say(user, "asdkjh qwe"))?.text).toMatch(/chưa hiểu/);
    expect((await say(user, "zzz mmm"))?.text).toMatch(/chuyển cho cán bộ/);
    const [handover] = await h.database.handle.db
      .select()
      .from(chatHandovers)
      .where(eq(chatHandovers.oaUserId, user));
    expect(handover?.reason).toBe("not_understood");
  });

  it("an understood turn in between resets the count", async () => {
    const user = zaloId();
    await say(user, "asdkjh qwe");
    await say(user, "cam on");
    expect((await say(user, "zzz mmm"))?.text).toMatch(/chưa hiểu/);
  });
});

describe("exactly once", () => {
  it("five concurrent deliveries of one event → one row and one reply", async () => {
    const user = zaloId();
    const raw = textEvent(appId, oaId, { oaUserId: user }, "lam tam tru can gi");
    const statuses = await Promise.all(Array.from({ length: 5 }, () => h.post(raw)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    // Two workers drain at once, as two server nodes would.
    await Promise.all([h.drain(), h.drain()]);
    const rows = await h.database.handle.db.select().from(inboundEvents);
    expect(rows).toHaveLength(1);
    expect(h.fake.csCalls).toHaveLength(1);
  });

  it("a replayed event (its lease expired after a crash) sends nothing again and counts nothing twice", async () => {
    const user = zaloId();
    await say(user, "asdkjh qwe");
    const db = h.database.handle.db;
    await db.execute(sql`update inbound_events set status = 'pending', locked_until = null`);
    await h.drain();
    expect(h.sentTo(user)).toHaveLength(1);
    const [conversation] = await db
      .select()
      .from(chatConversations)
      .where(eq(chatConversations.oaUserId, user));
    expect(conversation?.lowConfidenceTurns).toBe(1);
  });

  it("Zalo away: the reply waits in the outbox and is sent once when Zalo is back", async () => {
    const user = zaloId();
    await h.post(textEvent(appId, oaId, { oaUserId: user }, "xin chao"));
    h.mock.use(
      http.post(`${FAKE_OA_API_BASE_URL}/v3.0/oa/message/cs`, () => new HttpResponse(null, { status: 503 })),
    );
    await h.drain();
    h.mock.resetHandlers();
    const db = h.database.handle.db;
    // The event is handled (its decision kept); the reply is what waits, with its reason.
    const [event] = await db.select().from(inboundEvents);
    expect(event?.status).toBe("processed");
    const [waiting] = await db.select().from(deliveries);
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, lastError: "unavailable" });
    expect(await h.drain()).toBe(0); // its retry is 5 s away
    expect(h.sentTo(user).filter((m) => /Chào bạn/.test(m.text))).toHaveLength(0);
    await db.execute(sql`update deliveries set next_attempt_at = now() - interval '1 second'`);
    await h.drain();
    expect(h.sentTo(user).filter((m) => /Chào bạn/.test(m.text))).toHaveLength(1);
    const [reply] = await db.select().from(deliveries);
    expect(reply).toMatchObject({ status: "sent", attempts: 2, channel: "oa_cs" });
  });
});

describe("rate limit per resident", () => {
  it("answers 10 messages a minute, then says once to slow down, then stays quiet", async () => {
    const user = zaloId();
    for (let i = 0; i < 12; i += 1) {
      await h.post(textEvent(appId, oaId, { oaUserId: user }, "cam on"));
    }
    await h.drain();
    const texts = h.sentTo(user).map((m) => m.text);
    expect(texts).toHaveLength(11);
    expect(texts[10]).toMatch(/nhắn hơi nhanh/);
  });
});
