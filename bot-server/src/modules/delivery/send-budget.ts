import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";

/**
 * One budget of Zalo calls for the whole fleet, kept in PostgreSQL (send_buckets) so that every worker
 * of every process draws from it: Zalo allows 4,000 OA API requests per minute per app (zalo-oa.md §6
 * [C]) and answers -32 beyond. A token bucket: tokens refill with elapsed time at the configured rate, up
 * to a small burst; a -32 pauses the bucket for everyone, doubling the pause while -32s keep coming.
 */

export const OA_BUDGET = "zalo-openapi";
/** The share of the configured rate the fleet uses. */
export const RATE_HEADROOM = 0.98;
/** The burst: a quarter of a second's worth, so no minute can go much above the rate. */
const BURST_SECONDS = 0.25;
const FIRST_PAUSE_MS = 1_000;
/** Well inside a claim's 60 s lease (claim.ts), so a message waiting out a pause keeps its claim. */
export const MAX_PAUSE_MS = 30_000;

export interface SendBudget {
  /** Takes up to `wanted` calls now; returns how many were granted and, when none, how long to wait. */
  take(wanted: number): Promise<{ granted: number; waitMs: number }>;
  /** Zalo answered -32: the whole fleet waits. */
  slowDown(): Promise<void>;
  /**
   * The end (ms since the epoch) of the last pause this process heard of, from its own -32s or its
   * takes; 0 if none. Calls paid for ahead must not go out before it.
   */
  knownPauseEnd(): number;
  /** A call went through: any pause streak is over. */
  recovered(): Promise<void>;
  /** ZNS answered with its daily quota (zalo-oa.md §4 [C]: `quota.remainingQuota`): kept for every worker. */
  noteZnsQuota(remaining: number, daily?: number): Promise<void>;
  /** True when ZNS said today's quota is used up: the ZNS rung is skipped until midnight (Vietnam time). */
  znsQuotaUsedUp(): Promise<boolean>;
}

/** The row that keeps what ZNS last said of its daily quota. */
export const ZNS_QUOTA = "zalo-zns-quota";

interface TakeRow {
  granted: number | string | null;
  paused: boolean | null;
  wait_ms: number | string | null;
  pause_ms: number | string | null;
}

export function createSendBudget(
  db: Database,
  { name = OA_BUDGET, perMinute }: { name?: string; perMinute: number },
): SendBudget {
  // A little under Zalo's figure: our clock and Zalo's windows differ, and a fleet at exactly the
  // limit meets -32 at every edge. Measured at 100.1 % of the limit without it (npm run bench).
  const perSecond = (perMinute * RATE_HEADROOM) / 60;
  const burst = Math.max(1, perSecond * BURST_SECONDS);
  let ensured = false;
  // Whether the last take saw a pause streak: only then does a success need to write that it is over.
  let streak = false;
  let pauseEnd = 0;

  async function ensureRow(): Promise<void> {
    if (ensured) return;
    // Starts empty: the first second does not spend a burst on top of the rate.
    await db.execute(
      sql`insert into send_buckets (name, tokens, refilled_at) values (${name}, 0, clock_timestamp()) on conflict (name) do nothing`,
    );
    ensured = true;
  }

  return {
    async take(wanted) {
      await ensureRow();
      // One reading of the clock for the whole take: refilling up to one instant and stamping another
      // would lose the time between them on every take (measured: 88 % of the rate instead of ~98 %).
      const result = (await db.execute(sql`
        with bucket as (
          select name, paused_until, tokens, refilled_at, clock_timestamp() as at
          from send_buckets where name = ${name} for update
        ), counted as (
          select *, least(${burst}::float8,
            tokens + greatest(0, extract(epoch from at - refilled_at)) * ${perSecond}::float8) as available
          from bucket
        ), decided as (
          select *, case when paused_until > at then 0 else least(${wanted}::int, floor(available)::int) end as granted
          from counted
        ), spent as (
          update send_buckets s set tokens = d.available - d.granted, refilled_at = greatest(d.refilled_at, d.at)
          from decided d where s.name = d.name
          returning d.granted, d.available, d.paused_until, d.at, s.pause_ms
        )
        select granted, pause_ms, coalesce(paused_until > at, false) as paused,
          case when granted > 0 then 0
               when paused_until > at then ceil(extract(epoch from paused_until - at) * 1000)
               else ceil((1 - available) / ${perSecond}::float8 * 1000) end as wait_ms
        from spent`)) as unknown as { rows: TakeRow[] };
      const row = result.rows[0];
      streak = Number(row?.pause_ms ?? 0) > 0;
      const waitMs = Math.max(1, Number(row?.wait_ms ?? 1000));
      const paused = row?.paused === true;
      if (paused) pauseEnd = Math.max(pauseEnd, Date.now() + waitMs);
      return { granted: Number(row?.granted ?? 0), waitMs };
    },
    async slowDown() {
      await ensureRow();
      // Every call in flight when Zalo starts refusing comes back -32: one storm doubles the pause once.
      // A -32 during a running pause leaves it alone.
      const result = (await db.execute(sql`
        update send_buckets set
          pause_ms = case when paused_until > clock_timestamp() then pause_ms
            else least(${MAX_PAUSE_MS}, greatest(${FIRST_PAUSE_MS}, pause_ms * 2)) end,
          paused_until = case when paused_until > clock_timestamp() then paused_until
            else clock_timestamp() + make_interval(secs => least(${MAX_PAUSE_MS}, greatest(${FIRST_PAUSE_MS}, pause_ms * 2)) / 1000.0) end,
          tokens = 0
        where name = ${name}
        returning ceil(extract(epoch from paused_until - clock_timestamp()) * 1000) as left_ms`)) as unknown as {
        rows: { left_ms: number | string | null }[];
      };
      pauseEnd = Math.max(pauseEnd, Date.now() + Number(result.rows[0]?.left_ms ?? 0));
    },
    knownPauseEnd: () => pauseEnd,
    async noteZnsQuota(remaining, daily) {
      await db.execute(sql`
        insert into send_buckets (name, tokens, quota_remaining, quota_daily, quota_at)
        values (${ZNS_QUOTA}, 0, ${remaining}, ${daily ?? null}, clock_timestamp())
        on conflict (name) do update set quota_remaining = excluded.quota_remaining,
          quota_daily = coalesce(excluded.quota_daily, send_buckets.quota_daily), quota_at = excluded.quota_at`);
    },
    async znsQuotaUsedUp() {
      // Daily quotas restart at midnight in Vietnam [U: zalo-oa.md §4]; a count from an earlier day is stale.
      const result = (await db.execute(sql`
        select 1 as used_up from send_buckets where name = ${ZNS_QUOTA} and quota_remaining <= 0
          and (quota_at at time zone 'Asia/Ho_Chi_Minh')::date = (clock_timestamp() at time zone 'Asia/Ho_Chi_Minh')::date`)) as unknown as {
        rows: unknown[];
      };
      return result.rows.length > 0;
    },
    async recovered() {
      if (!streak) return;
      streak = false;
      // Not during a pause: a call sent before it began may succeed while Zalo still refuses the rest.
      await db.execute(sql`
        update send_buckets set pause_ms = 0
        where name = ${name} and pause_ms > 0 and (paused_until is null or paused_until <= clock_timestamp())`);
    },
  };
}

/** A budget with `calls` already taken from `budget` (the worker takes a batch's first calls at once). */
export function prepaid(budget: SendBudget, calls: number): SendBudget {
  let left = calls;
  return {
    ...budget,
    async take(wanted) {
      const fromHand = Math.min(left, wanted);
      left -= fromHand;
      if (fromHand > 0) return { granted: fromHand, waitMs: 0 };
      return budget.take(wanted);
    },
  };
}
