import { and, like, lt, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { rateLimits } from "../db/schema";

/**
 * Zalo's OA API allows an app 4,000 calls per minute and answers -32 beyond (zalo-oa.md §6 [C]); the
 * sandbox enforces config.sandbox.oaRatePerMinute the same way. The count lives in the `rate_limits`
 * table (one fixed one-minute window per app, one atomic upsert per call, as http/rate-limit.ts does),
 * not in memory: a restarted or second sandbox node sees the same count, as callers of Zalo would.
 * [U] Zalo's window may be sliding; a fixed minute is the simple reading of "per minute".
 */

const WINDOW_MS = 60_000;
const KEY_PREFIX = "sandbox-oa|";
/** Windows older than this are deleted now and then (the table's other users clean only their own). */
const KEEP_MS = 60 * 60 * 1000;
const CLEANUP_CHANCE = 0.01;

export interface RateCount {
  limited: boolean;
  limit: number;
  /** What X-RateLimit-Remain says [C §6]: calls left in this window. */
  remaining: number;
}

export async function countOaCall(
  db: Database,
  appId: string,
  limit: number,
  now = new Date(),
  random: () => number = Math.random,
): Promise<RateCount> {
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await db
    .insert(rateLimits)
    .values({ key: `${KEY_PREFIX}${appId}`, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ count: rateLimits.count });
  const count = row?.count ?? 1;
  if (random() < CLEANUP_CHANCE) {
    await db
      .delete(rateLimits)
      .where(
        and(
          like(rateLimits.key, `${KEY_PREFIX}%`),
          lt(rateLimits.windowStart, new Date(now.getTime() - KEEP_MS)),
        ),
      );
  }
  return { limited: count > limit, limit, remaining: Math.max(0, limit - count) };
}
