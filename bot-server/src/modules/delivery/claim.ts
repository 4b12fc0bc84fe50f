import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, lte, notExists, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../../db/client";
import { deliveries } from "../../db/schema";

export type Delivery = typeof deliveries.$inferSelect;

/** A claimed row and the token that proves the claim is still this worker's. */
export interface Claimed {
  row: Delivery;
  token: string;
  /** The row's resident, when the worker looked the batch's up at once (else deliverOne asks). */
  resident?: { oaUserId: string; lastInteractionAt: Date | null };
}

/**
 * How long a claim holds (OB-3): a worker that dies mid-send leaves the row `sending`, and it is due
 * again when this runs out — well within the 120 s the house rule allows. A send times out after 10 s.
 */
export const LEASE_MS = 60_000;

const OPEN = ["queued", "sending"] as const;
const earlier = alias(deliveries, "earlier");

/**
 * Leases up to `limit` due messages to the caller in one statement: queued ones whose time has come, and
 * `sending` ones whose lease ran out (next_attempt_at is the lease's end). FOR UPDATE SKIP LOCKED lets any
 * number of workers in any number of processes claim at once without sharing a row (OB-4). A message
 * waits while an earlier one with its ordering key is still open, so a conversation stays in order.
 * Each claim gets a fresh token; every later write presents it (see `settle`).
 */
export async function claimDue(db: Database, limit: number): Promise<Claimed[]> {
  if (limit <= 0) return [];
  const token = randomUUID();
  const due = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        inArray(deliveries.status, [...OPEN]),
        lte(deliveries.nextAttemptAt, sql`now()`),
        or(
          isNull(deliveries.orderingKey),
          notExists(
            db
              .select({ one: sql`1` })
              .from(earlier)
              .where(
                and(
                  eq(earlier.orderingKey, deliveries.orderingKey),
                  sql`${earlier.id} < ${deliveries.id}`,
                  inArray(earlier.status, [...OPEN]),
                ),
              ),
          ),
        ),
      ),
    )
    .orderBy(deliveries.nextAttemptAt, deliveries.id)
    .limit(limit)
    .for("update", { skipLocked: true });
  const lease = sql`now() + make_interval(secs => ${LEASE_MS / 1000})`;
  const rows = await db
    .update(deliveries)
    .set({
      status: "sending",
      attempts: sql`${deliveries.attempts} + 1`,
      leaseToken: token,
      lockedUntil: lease,
      nextAttemptAt: lease,
    })
    .where(inArray(deliveries.id, due))
    .returning();
  return rows.sort((a, b) => a.id - b.id).map((row) => ({ row, token }));
}

export type Settlement = Partial<
  Pick<
    Delivery,
    | "status"
    | "channel"
    | "nextAttemptAt"
    | "lastError"
    | "providerMessageId"
    | "sentAt"
    | "finishedAt"
    | "oaUserId"
    | "attempts"
  >
>;

/**
 * Writes the outcome of a claim, fenced by its token: a worker whose lease ran out (paused, slow, cut off)
 * finds the row claimed again under another token and changes nothing. False then; the caller logs it.
 * The lease ends with the write.
 */
export async function settle(db: Database, claimed: Claimed, patch: Settlement): Promise<boolean> {
  const rows = await db
    .update(deliveries)
    .set({ ...patch, leaseToken: null, lockedUntil: null })
    .where(
      and(
        eq(deliveries.id, claimed.row.id),
        eq(deliveries.leaseToken, claimed.token),
        eq(deliveries.status, "sending"),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length > 0;
}
