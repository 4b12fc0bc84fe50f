import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { deliveries } from "../../db/schema";

/**
 * What the broadcast module reads and changes of a notice's rows (deliveries.notice_id): counts for the
 * live progress view, the failures for the report, and "send again to the failed". The broadcast module
 * has already checked who may see the notice.
 */

export interface NoticeStateCounts {
  queued: number;
  sent: number;
  delivered: number;
  failed: number;
  /** No Zalo channel reached them (in_app): the Mini App and the board still show the notice. */
  unreachable: number;
}

export interface NoticeDeliveryCounts {
  groups: NoticeStateCounts;
  followers: NoticeStateCounts;
}

const FAILED = ["failed", "dead", "expired"] as const;
const OPEN = ["queued", "sending"] as const;

type Status = (typeof deliveries.$inferSelect)["status"];

function bucketOf(status: Status): keyof NoticeStateCounts {
  switch (status) {
    case "queued":
    case "sending":
      return "queued";
    case "sent":
      return "sent";
    case "delivered":
    case "seen":
      return "delivered";
    case "in_app":
      return "unreachable";
    default:
      return "failed";
  }
}

const zero = (): NoticeStateCounts => ({ queued: 0, sent: 0, delivered: 0, failed: 0, unreachable: 0 });

/** The notice's rows by audience (groups, followers) and state, in one grouped query. */
export async function noticeDeliveryCounts(db: Database, noticeId: string): Promise<NoticeDeliveryCounts> {
  const rows = await db
    .select({ kind: deliveries.kind, status: deliveries.status, n: count() })
    .from(deliveries)
    .where(eq(deliveries.noticeId, noticeId))
    .groupBy(deliveries.kind, deliveries.status);
  const counts: NoticeDeliveryCounts = { groups: zero(), followers: zero() };
  for (const row of rows) {
    const side = row.kind === "group_notice" ? counts.groups : counts.followers;
    side[bucketOf(row.status)] += Number(row.n);
  }
  return counts;
}

export interface NoticeFailure {
  target: "group" | "follower";
  groupId: string | null;
  oaUserId: string | null;
  /** The delivery engine's reason code (never Zalo's message text). */
  reason: string;
  at: Date | null;
}

/** Up to `limit` failed rows of the notice (oldest first) and how many there are in all. */
export async function noticeFailures(
  db: Database,
  noticeId: string,
  limit: number,
): Promise<{ failures: NoticeFailure[]; total: number }> {
  const where = and(eq(deliveries.noticeId, noticeId), inArray(deliveries.status, [...FAILED]));
  const [rows, [all]] = await Promise.all([
    db
      .select({
        kind: deliveries.kind,
        status: deliveries.status,
        groupId: deliveries.groupId,
        oaUserId: deliveries.oaUserId,
        lastError: deliveries.lastError,
        finishedAt: deliveries.finishedAt,
      })
      .from(deliveries)
      .where(where)
      .orderBy(asc(deliveries.id))
      .limit(limit),
    db.select({ n: count() }).from(deliveries).where(where),
  ]);
  return {
    failures: rows.map((row) => ({
      target: row.kind === "group_notice" ? "group" : "follower",
      groupId: row.groupId,
      oaUserId: row.oaUserId,
      reason: row.lastError ?? row.status,
      at: row.finishedAt,
    })),
    total: Number(all?.n ?? 0),
  };
}

/**
 * "Send again to the failed": the notice's failed, dead and expired rows back to the queue with their
 * attempts reset. The same rows (same keys), so each recipient still has exactly one. How many went back.
 */
export async function requeueFailedOfNotice(db: Database, noticeId: string, now: Date): Promise<number> {
  const rows = await db
    .update(deliveries)
    .set({
      status: "queued",
      attempts: 0,
      nextAttemptAt: now,
      finishedAt: null,
      lastError: null,
      leaseToken: null,
      lockedUntil: null,
    })
    .where(and(eq(deliveries.noticeId, noticeId), inArray(deliveries.status, [...FAILED])))
    .returning({ id: deliveries.id });
  return rows.length;
}

/** Whether any row of the notice is still queued or being sent. */
export async function noticeRowsOpen(db: Database, noticeId: string): Promise<boolean> {
  const rows = await db
    .select({ one: sql`1` })
    .from(deliveries)
    .where(and(eq(deliveries.noticeId, noticeId), inArray(deliveries.status, [...OPEN])))
    .limit(1);
  return rows.length > 0;
}
