import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { sandboxChatEvents } from "../db/schema";
import { SEALED } from "../db/sealed-places";
import type { Sealer } from "../lib/crypto";
import { viewOfEvent } from "./chat-event-view";
import type { ChatEventView } from "./page-contract";

/** How many of a resident's own past events the page shows when it opens their conversation. */
export const HISTORY_LIMIT = 200;

/**
 * What residents sent, as the sandbox's Zalo keeps it (Zalo holds a conversation on the phone; the
 * product keeps only what it needs once an event is handled). Recorded after the webhook accepted the
 * event, so a refused event never shows up as sent. Sealed like every resident's words.
 */
export async function recordResidentEvent(
  db: Database,
  sealer: Sealer,
  input: { oaUserId: string; event: object; at: Date },
): Promise<void> {
  const id = randomUUID();
  await db.insert(sandboxChatEvents).values({
    id,
    oaUserId: input.oaUserId,
    eventSealed: sealer.sealJson(input.event, SEALED.sandboxChatEvent(id)),
    sentAt: input.at,
  });
}

/** A resident's events, oldest first. */
export async function residentHistory(
  db: Database,
  sealer: Sealer,
  oaUserId: string,
): Promise<ChatEventView[]> {
  const rows = await db
    .select()
    .from(sandboxChatEvents)
    .where(eq(sandboxChatEvents.oaUserId, oaUserId))
    .orderBy(desc(sandboxChatEvents.sentAt), desc(sandboxChatEvents.id))
    .limit(HISTORY_LIMIT);
  return rows
    .reverse()
    .map((row) =>
      viewOfEvent(sealer.openJson(row.eventSealed, SEALED.sandboxChatEvent(row.id)), row.sentAt.getTime()),
    );
}
