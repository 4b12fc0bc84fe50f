import { and, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { chatMessages, inboundEvents } from "../../db/schema";
import { purgeChatReplies } from "../delivery";
import { KEEP_DEDUPE_KEYS_MS } from "../webhook/replay-window";

/**
 * Residents' chat messages are kept no longer than needed (data minimisation, Nghị định 13/2023/NĐ-CP
 * Art. 3; house target PDP-5): a resident's words can hold personal data.
 * - What a resident wrote: cleared as soon as the event is handled (claim.ts markProcessed); the body of
 *   an event that was ignored or failed goes after BODY_RETENTION_DAYS.
 * - The event's row (its envelope and dedupe key) stays until its event time is KEEP_DEDUPE_KEYS_MS old:
 *   past the replay window (webhook/replay-window.ts), so a replay of a deleted event is refused as stale
 *   instead of being stored again.
 * - What the bot answered, and the conversation's transcript: deleted after CHAT_RETENTION_DAYS.
 * Only finished rows go: a pending or in-flight event or message is never touched.
 */
export const BODY_RETENTION_DAYS = 30;
export const CHAT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;
const FINISHED = ["processed", "ignored", "failed"] as const;

export async function purgeOldChatMessages(db: Database, now = new Date()): Promise<number> {
  const bodyCutoff = new Date(now.getTime() - BODY_RETENTION_DAYS * DAY_MS);
  const keyCutoff = new Date(now.getTime() - KEEP_DEDUPE_KEYS_MS);
  const chatCutoff = new Date(now.getTime() - CHAT_RETENTION_DAYS * DAY_MS);
  const events = await db
    .delete(inboundEvents)
    .where(
      and(
        inArray(inboundEvents.status, [...FINISHED]),
        // The event's own time decides (a replay carries it); rows from before it was kept use arrival.
        lt(sql`coalesce(${inboundEvents.eventAt}, ${inboundEvents.receivedAt})`, keyCutoff),
      ),
    )
    .returning({ id: inboundEvents.id });
  const bodies = await db
    .update(inboundEvents)
    .set({ rawBody: null, rawBodySealed: null })
    .where(
      and(
        inArray(inboundEvents.status, [...FINISHED]),
        lt(inboundEvents.receivedAt, bodyCutoff),
        or(isNotNull(inboundEvents.rawBodySealed), isNotNull(inboundEvents.rawBody)),
      ),
    )
    .returning({ id: inboundEvents.id });
  const messages = await purgeChatReplies(db, chatCutoff);
  // The transcript officers read (chatbot/transcript.ts): the same 90 days as the bot's answers.
  const transcript = await db
    .delete(chatMessages)
    .where(lt(chatMessages.at, chatCutoff))
    .returning({ id: chatMessages.id });
  // Rows deleted first: a row that goes is not also counted as cleared.
  return events.length + bodies.length + messages + transcript.length;
}
