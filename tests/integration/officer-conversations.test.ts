import {
  addOfficeMinutes,
  errorBodySchema,
  officerConversationDetailSchema,
  officerConversationListSchema,
  officerSignInResponseSchema,
} from "@dvc/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  auditLog,
  chatConversations,
  chatHandovers,
  chatMessages,
  deliveries,
  inboundEvents,
  officers,
  rateLimits,
  residents,
} from "../../bot-server/src/db/schema";
import { drainDue } from "../../bot-server/src/modules/delivery";
import { createOfficer } from "../../bot-server/src/modules/officer-auth";
import { returnUnansweredHandovers } from "../../bot-server/src/modules/officer-desk";
import { replyToConversation } from "../../bot-server/src/modules/officer-desk/conversations";
import { type ChatbotHarness, startChatbotHarness, textEvent, zaloId } from "../support/chatbot-harness";
import { call } from "../support/citizen-client";

/**
 * Conversations handed to officers (issue 11 §3): the queue per commune (the province's for admins),
 * the history, replies through the outbox, hand-back to the bot, and the return to the bot of a
 * handover nobody answered within 2 working hours. The chatbot runs as the server runs it; Zalo's OA
 * API is faked by msw.
 */

const PASSWORD = "mat-khau-thu-nghiem-2026";
const COMMUNE = "00292";
const OTHER = "00070";

let h: ChatbotHarness;
let appId: string;
let oaId: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  h = await startChatbotHarness();
  appId = h.test.config.zalo.appId;
  oaId = h.test.config.zalo.oaId;
  const db = h.database.handle.db;
  for (const [username, role, communeCode] of [
    ["canbo.a", "officer", COMMUNE],
    ["canbo.b", "officer", OTHER],
    ["admin.tinh", "admin", null],
  ] as const) {
    await createOfficer(db, { username, password: PASSWORD, role, communeCode });
    const signedIn = await call(h.test.app, "POST", "/api/officer/session", {
      body: { username, password: PASSWORD },
    });
    tokens[username] = officerSignInResponseSchema.parse(signedIn.body).token;
  }
});
afterAll(async () => h?.close());

beforeEach(async () => {
  const db = h.database.handle.db;
  h.fake.csCalls.length = 0;
  for (const table of [
    deliveries,
    chatMessages,
    chatHandovers,
    chatConversations,
    inboundEvents,
    rateLimits,
  ]) {
    await db.delete(table);
  }
  await db.delete(auditLog);
  await db.delete(residents);
});

const say = async (oaUserId: string, text: string) => {
  expect(await h.post(textEvent(appId, oaId, { oaUserId }, text))).toBe(200);
  await h.drain();
  return h.sentTo(oaUserId).at(-1);
};

const as = (username: string) => ({ token: tokens[username] ?? "" });

/** A resident who asked for an officer; `commune` places the handover in that commune's queue. */
async function handedOver(commune: string | null): Promise<{ user: string; id: string }> {
  const user = zaloId();
  await say(user, "gap can bo");
  const db = h.database.handle.db;
  await db.update(chatHandovers).set({ communeCode: commune }).where(eq(chatHandovers.oaUserId, user));
  const [handover] = await db.select().from(chatHandovers).where(eq(chatHandovers.oaUserId, user));
  if (!handover) throw new Error("no handover");
  return { user, id: handover.id };
}

async function queueOf(username: string): Promise<string[]> {
  const answer = await call(h.test.app, "GET", "/api/officer/conversations", as(username));
  expect(answer.status).toBe(200);
  return officerConversationListSchema.parse(answer.body).conversations.map((c) => c.id);
}

describe("the queue and its scope", () => {
  it("a commune's officers see its handovers; the province queue is the admins'; elsewhere it is a 404", async () => {
    const atCommune = await handedOver(COMMUNE);
    const unknown = await handedOver(null);
    expect(await queueOf("canbo.a")).toEqual([atCommune.id]);
    expect(await queueOf("canbo.b")).toEqual([]);
    expect(await queueOf("admin.tinh")).toEqual([unknown.id]);

    const before = await h.database.handle.db.select().from(chatHandovers);
    for (const [username, id] of [
      ["canbo.b", atCommune.id],
      ["canbo.a", unknown.id],
      ["admin.tinh", atCommune.id],
    ] as const) {
      const base = `/api/officer/conversations/${id}`;
      expect((await call(h.test.app, "GET", base, as(username))).status).toBe(404);
      expect(
        (await call(h.test.app, "POST", `${base}/messages`, { ...as(username), body: { text: "Chào bạn" } }))
          .status,
      ).toBe(404);
      expect((await call(h.test.app, "POST", `${base}/hand-back`, as(username))).status).toBe(404);
    }
    expect(await h.database.handle.db.select().from(chatHandovers)).toEqual(before);
    expect(
      await h.database.handle.db.select().from(chatMessages).where(eq(chatMessages.author, "officer")),
    ).toEqual([]);
    expect(h.sentTo(atCommune.user)).toHaveLength(1);
  });
});

describe("answering a resident", () => {
  it("reads the history, replies through Zalo, hands back; the bot answers the next question", async () => {
    const { user, id } = await handedOver(COMMUNE);
    // While an officer has it the bot stays quiet, but what the resident wrote is kept for the officer.
    await say(user, "toi can lam giay khai sinh cho con");
    expect(h.sentTo(user)).toHaveLength(1);

    const opened = await call(h.test.app, "GET", `/api/officer/conversations/${id}`, as("canbo.a"));
    const detail = officerConversationDetailSchema.parse(opened.body);
    expect(detail.windowOpen).toBe(true);
    expect(detail.messages.map((m) => [m.author, m.text])).toEqual([
      ["resident", "gap can bo"],
      ["bot", expect.stringMatching(/chuyển cuộc trò chuyện cho cán bộ/)],
      ["resident", "toi can lam giay khai sinh cho con"],
    ]);

    // The open screen re-reads it every few seconds: one audit row, not one per read.
    await call(h.test.app, "GET", `/api/officer/conversations/${id}`, as("canbo.a"));
    const reply = "Chào bạn, bạn mang theo giấy chứng sinh và CCCD của bố mẹ nhé.";
    const replied = await call(h.test.app, "POST", `/api/officer/conversations/${id}/messages`, {
      ...as("canbo.a"),
      body: { text: reply },
    });
    expect(replied.status).toBe(200);
    expect(officerConversationDetailSchema.parse(replied.body)).toMatchObject({ returnsToBotAt: null });
    await drainDue(h.delivery);
    expect(h.sentTo(user).at(-1)?.text).toBe(reply);

    expect(
      (await call(h.test.app, "POST", `/api/officer/conversations/${id}/hand-back`, as("canbo.a"))).status,
    ).toBe(204);
    await drainDue(h.delivery);
    expect(h.sentTo(user).at(-1)?.text).toMatch(/Trợ lý tự động tiếp tục hỗ trợ/);
    expect((await say(user, "dang ky khai sinh can gi"))?.text).toContain("Đăng ký khai sinh");
    expect(await queueOf("canbo.a")).toEqual([]);

    const audits = await h.database.handle.db.select({ action: auditLog.action }).from(auditLog);
    expect(audits.map((row) => row.action).sort()).toEqual([
      "conversation.hand_back",
      "conversation.reply",
      "conversation.view",
    ]);
    // What the resident wrote is sealed at rest.
    const stored = await h.database.handle.db.select().from(chatMessages);
    expect(JSON.stringify(stored)).not.toContain("giay khai sinh");
  });

  it("outside Zalo's 7-day window the reply is refused with the reason, and nothing is sent", async () => {
    const { user, id } = await handedOver(COMMUNE);
    await h.database.handle.db
      .update(residents)
      .set({ lastInteractionAt: sql`now() - interval '8 days'` })
      .where(eq(residents.oaUserId, user));
    const answer = await call(h.test.app, "POST", `/api/officer/conversations/${id}/messages`, {
      ...as("canbo.a"),
      body: { text: "Chào bạn" },
    });
    expect(answer.status).toBe(409);
    expect(errorBodySchema.parse(answer.body).message).toMatch(/hơn 7 ngày/);
    await drainDue(h.delivery);
    expect(h.sentTo(user)).toHaveLength(1);
  });
});

describe("a reply outside the 7-day window with a reply template configured", () => {
  it("goes through the outbox when it fits the template's 200 characters, else says to shorten it", async () => {
    const { user, id } = await handedOver(COMMUNE);
    const db = h.database.handle.db;
    await db
      .update(residents)
      .set({ lastInteractionAt: sql`now() - interval '8 days'` })
      .where(eq(residents.oaUserId, user));
    const [row] = await db.select().from(officers).where(eq(officers.username, "canbo.a"));
    if (!row) throw new Error("no officer");
    const asker = {
      officer: { id: row.id, username: row.username, role: row.role, communeCode: row.communeCode },
      addressHash: "test",
    };
    const desk = { db, sealer: h.test.sealer, officerReplyTemplate: "300004" };
    const long = "Chào bạn. ".repeat(30);
    await expect(replyToConversation(desk, asker, { id, text: long })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fields: { text: expect.stringMatching(/tối đa 200 ký tự/) },
    });
    const detail = await replyToConversation(desk, asker, {
      id,
      text: "Mời bạn đến UBND phường nhận kết quả.",
    });
    expect(detail).toMatchObject({ windowOpen: false, templateAvailable: true });
    const queued = await db.select().from(deliveries).where(eq(deliveries.kind, "officer_reply"));
    expect(queued).toHaveLength(1);
  });
});

describe("a handover nobody answers", () => {
  it("goes back to the bot after 2 working hours, and the resident is told when the office answers", async () => {
    const { user, id } = await handedOver(COMMUNE);
    const answered = await handedOver(COMMUNE);
    await call(h.test.app, "POST", `/api/officer/conversations/${answered.id}/messages`, {
      ...as("canbo.a"),
      body: { text: "Chào bạn, cán bộ xã đây." },
    });
    const [handover] = await h.database.handle.db
      .select()
      .from(chatHandovers)
      .where(eq(chatHandovers.id, id));
    if (!handover) throw new Error("no handover");
    const due = addOfficeMinutes(handover.openedAt, 120);
    const db = h.database.handle.db;

    expect(await returnUnansweredHandovers(db, h.test.sealer, new Date(due.getTime() - 60_000))).toBe(0);
    expect(await returnUnansweredHandovers(db, h.test.sealer, due)).toBe(1);
    const [closed] = await db.select().from(chatHandovers).where(eq(chatHandovers.id, id));
    expect(closed).toMatchObject({ closedBy: "system" });
    const [conversation] = await db
      .select()
      .from(chatConversations)
      .where(eq(chatConversations.oaUserId, user));
    expect(conversation?.mode).toBe("bot");
    await drainDue(h.delivery);
    expect(h.sentTo(user).at(-1)?.text).toMatch(/chưa có cán bộ trả lời.*08:00–17:00/);
    // The one an officer picked up stays with the officer.
    expect(await queueOf("canbo.a")).toEqual([answered.id]);
  });
});
