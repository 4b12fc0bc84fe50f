import { and, inArray, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { inboundEvents, outboundMessages } from "../../db/schema";

/**
 * Residents' chat messages (what they wrote, what the bot answered) are kept 90 days, then deleted:
 * data minimisation (Nghị định 13/2023/NĐ-CP Art. 3) — a resident's words can hold personal data.
 * Long past any Zalo retry (hours [U]), so deleting an event's row cannot let a late duplicate in.
 * Only finished rows go: a pending or in-flight event or message is never deleted.
 */
export const CHAT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

export async function purgeOldChatMessages(db: Database, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - CHAT_RETENTION_DAYS * DAY_MS);
  const events = await db
    .delete(inboundEvents)
    .where(
      and(
        inArray(inboundEvents.status, ["processed", "ignored", "failed"]),
        lt(inboundEvents.receivedAt, cutoff),
      ),
    )
    .returning({ id: inboundEvents.id });
  const messages = await db
    .delete(outboundMessages)
    .where(and(inArray(outboundMessages.status, ["sent", "failed"]), lt(outboundMessages.createdAt, cutoff)))
    .returning({ id: outboundMessages.id });
  return events.length + messages.length;
}
