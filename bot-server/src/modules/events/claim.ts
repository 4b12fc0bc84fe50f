import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { inboundEvents } from "../../db/schema";

export type InboundEvent = typeof inboundEvents.$inferSelect;

/** After this many claims an event is given up on (status 'failed') instead of retried forever. */
export const MAX_ATTEMPTS = 5;

/**
 * Leases up to `limit` claimable events to the caller: `pending` ones and `processing` ones whose
 * lease expired (their worker crashed between claim and mark). FOR UPDATE SKIP LOCKED lets several
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
          eq(inboundEvents.status, "pending"),
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

/** Done: never claimed again. */
export async function markProcessed(db: Database, id: bigint): Promise<void> {
  await db
    .update(inboundEvents)
    .set({ status: "processed", processedAt: sql`now()`, lockedUntil: null, lastError: null })
    .where(eq(inboundEvents.id, id));
}

/**
 * Back to 'pending' for a later retry, or 'failed' once MAX_ATTEMPTS claims were used. Only the error
 * class is kept: messages can quote payload values (personal data).
 */
export async function markFailed(db: Database, event: InboundEvent, errorClass: string): Promise<void> {
  await db
    .update(inboundEvents)
    .set({
      status: event.attempts >= MAX_ATTEMPTS ? "failed" : "pending",
      lockedUntil: null,
      lastError: errorClass,
    })
    .where(eq(inboundEvents.id, event.id));
}
