import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inboundEvents, outboundMessages } from "../../bot-server/src/db/schema";
import { CHAT_RETENTION_DAYS, purgeOldChatMessages } from "../../bot-server/src/modules/events/retention";
import { type FreshDatabase, freshDatabase } from "../support/database";

/** Residents' chat messages are deleted 90 days on, but never one still waiting to be handled. */

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
    payload: { message: { text: "xin chào" } },
    rawBody: "{}",
    status,
    receivedAt: daysAgo(days),
  });
}

async function reply(key: string, status: "pending" | "sent", days: number) {
  await database.handle.db.insert(outboundMessages).values({
    dedupeKey: key,
    channel: "oa_cs",
    recipient: "1",
    payload: { text: "Chào bạn", buttons: [] },
    status,
    createdAt: daysAgo(days),
  });
}

describe("chat retention", () => {
  it(`deletes handled events and sent replies older than ${CHAT_RETENTION_DAYS} days, nothing else`, async () => {
    await event("old-processed", "processed", CHAT_RETENTION_DAYS + 1);
    await event("old-failed", "failed", CHAT_RETENTION_DAYS + 1);
    await event("old-pending", "pending", CHAT_RETENTION_DAYS + 1);
    await event("recent", "processed", CHAT_RETENTION_DAYS - 1);
    await reply("old-sent", "sent", CHAT_RETENTION_DAYS + 1);
    await reply("old-pending", "pending", CHAT_RETENTION_DAYS + 1);
    await reply("recent", "sent", 1);

    expect(await purgeOldChatMessages(database.handle.db)).toBe(3);
    const events = await database.handle.db.select({ key: inboundEvents.dedupeKey }).from(inboundEvents);
    expect(events.map((row) => row.key).sort()).toEqual(["old-pending", "recent"]);
    const replies = await database.handle.db
      .select({ key: outboundMessages.dedupeKey })
      .from(outboundMessages);
    expect(replies.map((row) => row.key).sort()).toEqual(["old-pending", "recent"]);
    expect(await purgeOldChatMessages(database.handle.db)).toBe(0);
  });
});
