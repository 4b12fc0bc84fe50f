import { randomUUID } from "node:crypto";
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
 * The claim's token goes on every row (`lease_token`): the marks below present it, so a worker whose
 * lease ran out (paused, cut off) cannot overwrite what the row's new owner does.
 */
export async function claimPendingEvents(
  db: Database,
  { limit, leaseMs }: { limit: number; leaseMs: number },
): Promise<InboundEvent[]> {
  const token = randomUUID();
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
        leaseToken: token,
      })
      .where(inArray(inboundEvents.id, claimable))
      .returning();
    return claimed.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  });
}

/**
 * Done: never claimed again, for the events this worker still holds (fenced by their claim's token;
 * returns how many were marked). One statement for the whole list. The body (what the resident wrote) goes
 * now: the bot keeps what it needs in its conversation state, and the row stays, with its envelope, as
 * the dedupe key until retention (events/retention.ts).
 */
export async function markProcessed(db: Database, events: readonly InboundEvent[]): Promise<number> {
  if (events.length === 0) return 0;
  let marked = 0;
  // One statement per claim (a batch shares its token): usually exactly one.
  for (const [token, ids] of idsByToken(events)) {
    const rows = await db
      .update(inboundEvents)
      .set({
        status: "processed",
        processedAt: sql`now()`,
        lockedUntil: null,
        leaseToken: null,
        lastError: null,
        rawBody: null,
        rawBodySealed: null,
      })
      .where(and(inArray(inboundEvents.id, ids), heldBy(token)))
      .returning({ id: inboundEvents.id });
    marked += rows.length;
  }
  return marked;
}

function idsByToken(events: readonly InboundEvent[]): Map<string | null, bigint[]> {
  const groups = new Map<string | null, bigint[]>();
  for (const event of events)
    groups.set(event.leaseToken, [...(groups.get(event.leaseToken) ?? []), event.id]);
  return groups;
}

/** Still this claim's: status `processing` under the same token. */
function heldBy(token: string | null) {
  return and(
    eq(inboundEvents.status, "processing"),
    token === null ? isNull(inboundEvents.leaseToken) : eq(inboundEvents.leaseToken, token),
  );
}

/**
 * Back to 'pending' for a retry after retryDelayMs, or 'failed' once MAX_ATTEMPTS claims were used. Only the error
 * class is kept: messages can quote payload values (personal data). Fenced like markProcessed: false
 * when the claim was lost.
 */
export async function markFailed(db: Database, event: InboundEvent, errorClass: string): Promise<boolean> {
  const rows = await db
    .update(inboundEvents)
    .set({
      status: event.attempts >= MAX_ATTEMPTS ? "failed" : "pending",
      lockedUntil:
        event.attempts >= MAX_ATTEMPTS
          ? null
          : sql`now() + make_interval(secs => ${retryDelayMs(event.attempts) / 1000})`,
      leaseToken: null,
      lastError: errorClass,
    })
    .where(and(eq(inboundEvents.id, event.id), heldBy(event.leaseToken)))
    .returning({ id: inboundEvents.id });
  return rows.length > 0;
}
