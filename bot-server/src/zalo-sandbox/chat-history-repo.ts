import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { inboundEvents } from "../db/schema";
import { type ChatEventView, viewOfEvent } from "./chat-event-view";
import { EVENT_NAME_OF } from "./event-payloads";

/** How many of a resident's own past events the page shows when it opens their conversation. */
export const HISTORY_LIMIT = 200;

/**
 * What a resident sent, oldest first, as the product's webhook stored it (inbound_events). The sandbox
 * has no table of its own for what residents typed (Zalo keeps that on the phone), and the product's
 * copy is exactly what was delivered and accepted — so a refused event never shows up as sent.
 */
export async function residentHistory(db: Database, oaUserId: string): Promise<ChatEventView[]> {
  const rows = await db
    .select({ payload: inboundEvents.payload, receivedAt: inboundEvents.receivedAt })
    .from(inboundEvents)
    .where(
      and(
        eq(inboundEvents.source, "oa"),
        inArray(inboundEvents.eventName, Object.values(EVENT_NAME_OF)),
        or(
          sql`${inboundEvents.payload}->'sender'->>'id' = ${oaUserId}`,
          sql`${inboundEvents.payload}->'follower'->>'id' = ${oaUserId}`,
        ),
      ),
    )
    .orderBy(desc(inboundEvents.id))
    .limit(HISTORY_LIMIT);
  return rows.reverse().map((row) => viewOfEvent(row.payload, row.receivedAt.getTime()));
}
