import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, inboundEvents } from "../../bot-server/src/db/schema";
import {
  BODY_RETENTION_DAYS,
  CHAT_RETENTION_DAYS,
  purgeOldChatMessages,
} from "../../bot-server/src/modules/events/retention";
import { type FreshDatabase, freshDatabase } from "../support/database";

/**
 * What residents wrote goes 30 days after it was handled; an event's row (its dedupe key) and the bot's
 * replies 90 days on; never anything still waiting to be handled.
 */

let database: FreshDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => database?.drop());

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600 * 1000);

async function event(key: string, status: "pending" | "processed" | "failed", days: number) {
  await database.handle.db.insert(inboundEvents).values({
    dedupeKey: key,
    eventName: "user_send_text",
    source: "oa",
    appId: "1",
    payload: { message: { msg_id: key } },
    rawBodySealed: "v2.sealed-body",
    status,
    receivedAt: daysAgo(days),
    eventAt: daysAgo(days),
  });
}

async function reply(key: string, status: "queued" | "sent", days: number) {
  await database.handle.db.insert(deliveries).values({
    idempotencyKey: key,
    kind: "chatbot_reply",
    channel: status === "sent" ? "oa_cs" : null,
    oaUserId: "1",
    payload: { text: "Chào bạn", buttons: [] },
    status,
    createdAt: daysAgo(days),
    expiresAt: daysAgo(days - 1),
  });
}

describe("chat retention", () => {
  it(`clears bodies after ${BODY_RETENTION_DAYS} days, deletes finished rows after ${CHAT_RETENTION_DAYS}, nothing else`, async () => {
    await event("old-processed", "processed", CHAT_RETENTION_DAYS + 1);
    await event("old-failed", "failed", CHAT_RETENTION_DAYS + 1);
    await event("old-pending", "pending", CHAT_RETENTION_DAYS + 1);
    await event("month-old", "processed", BODY_RETENTION_DAYS + 1);
    await event("recent", "processed", BODY_RETENTION_DAYS - 1);
    await reply("old-sent", "sent", CHAT_RETENTION_DAYS + 1);
    await reply("old-pending", "queued", CHAT_RETENTION_DAYS + 1);
    await reply("recent", "sent", 1);

    // Two rows deleted, one body cleared, one reply deleted.
    expect(await purgeOldChatMessages(database.handle.db)).toBe(4);
    const events = await database.handle.db
      .select({ key: inboundEvents.dedupeKey, body: inboundEvents.rawBodySealed })
      .from(inboundEvents);
    expect(events.sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual([
      { key: "month-old", body: null },
      { key: "old-pending", body: "v2.sealed-body" },
      { key: "recent", body: "v2.sealed-body" },
    ]);
    const replies = await database.handle.db.select({ key: deliveries.idempotencyKey }).from(deliveries);
    expect(replies.map((row) => row.key).sort()).toEqual(["old-pending", "recent"]);
    expect(await purgeOldChatMessages(database.handle.db)).toBe(0);
  });
});
