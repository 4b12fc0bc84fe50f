import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { inboundEvents } from "../../db/schema";

export type InboundEvent = typeof inboundEvents.$inferSelect;

/** After this many claims an event is given up on (status 'failed') instead of retried forever. */
export const MAX_ATTEMPTS = 5;

/**
 * Wait before retry n (n = attempts so far): 10 s, 40 s, 160 s, 640 s — about 14 minutes in all, so a
 * short outage of Zalo or of the database does not use up every attempt within seconds.
 */
export function retryDelayMs(attempts: number): number {
  return 10_000 * 4 ** Math.max(0, attempts - 1);
}

/**
 * Leases up to `limit` claimable events to the caller: `pending` ones (once their retry delay, kept in
 * `locked_until`, has passed) and `processing` ones whose lease expired (their worker crashed between claim and mark). FOR UPDATE SKIP LOCKED lets several
 * workers (or nodes) claim concurrently without ever getting the same row; `attempts` counts claims.
 */
export async function claimPendingEvents(
  db: Database,
  { limit, leaseMs }: { limit: number; leaseMs: number },
): Promise<InboundEvent[]> {
  return db.transaction(async (tx) => {
    const claimable = tx
      .select({ id: inboundEvents.id })
      .from(inboundEvents)
      .where(
        or(
          and(
            eq(inboundEvents.status, "pending"),
            or(isNull(inboundEvents.lockedUntil), lt(inboundEvents.lockedUntil, sql`now()`)),
          ),
          and(eq(inboundEvents.status, "processing"), lt(inboundEvents.lockedUntil, sql`now()`)),
        ),
      )
      .orderBy(inboundEvents.id)
      .limit(limit)
      .for("update", { skipLocked: true });
    const claimed = await tx
      .update(inboundEvents)
      .set({
        status: "processing",
        attempts: sql`${inboundEvents.attempts} + 1`,
        lockedUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})`,
      })
      .where(inArray(inboundEvents.id, claimable))
      .returning();
    return claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
}

/**
 * Done: never claimed again. One statement for the whole list. The body (what the resident wrote) goes
 * now: the bot keeps what it needs in its conversation state, and the row stays, with its envelope, as
 * the dedupe key until retention (events/retention.ts).
 */
export async function markProcessed(db: Database, ids: readonly bigint[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(inboundEvents)
    .set({
      status: "processed",
      processedAt: sql`now()`,
      lockedUntil: null,
      lastError: null,
      rawBody: null,
      rawBodySealed: null,
    })
    .where(inArray(inboundEvents.id, [...ids]));
}

/**
 * Back to 'pending' for a retry after retryDelayMs, or 'failed' once MAX_ATTEMPTS claims were used. Only the error
 * class is kept: messages can quote payload values (personal data).
 */
export async function markFailed(db: Database, event: InboundEvent, errorClass: string): Promise<void> {
  await db
    .update(inboundEvents)
    .set({
      status: event.attempts >= MAX_ATTEMPTS ? "failed" : "pending",
      lockedUntil:
        event.attempts >= MAX_ATTEMPTS
          ? null
          : sql`now() + make_interval(secs => ${retryDelayMs(event.attempts) / 1000})`,
      lastError: errorClass,
    })
    .where(eq(inboundEvents.id, event.id));
}
