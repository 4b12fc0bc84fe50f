import { and, like, lt } from "drizzle-orm";
import type { Database } from "../db/client";
import { rateLimits } from "../db/schema";
import { countHits } from "../http/rate-limit";

/**
 * Zalo's OA API allows an app 4,000 calls per minute and answers -32 beyond (zalo-oa.md §6 [C]); the
 * sandbox enforces config.sandbox.oaRatePerMinute the same way. The count lives in the `rate_limits`
 * table (one fixed one-minute window per app, counted by http/rate-limit.ts's atomic upsert),
 * not in memory: a restarted or second sandbox node sees the same count, as callers of Zalo would.
 * [U] Zalo's window may be sliding; a fixed minute is the simple reading of "per minute".
 */

const WINDOW_MS = 60_000;
const KEY_PREFIX = "sandbox-oa|";
/** Windows older than this are deleted now and then (the API's limiter may see no traffic here). */
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
  const key = `${KEY_PREFIX}${appId}`;
  const windowStart = new Date(Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS);
  const count = (await countHits(db, [{ key, windowStart }])).get(key) ?? 1;
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
