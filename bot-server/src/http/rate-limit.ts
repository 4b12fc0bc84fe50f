import { and, eq, lt, sql } from "drizzle-orm";
import type { Context, MiddlewareHandler } from "hono";
import type { Database } from "../db/client";
import { rateLimits } from "../db/schema";
import { AppError } from "../lib/errors";
import { clientAddress, trustedProxyList } from "./client-address";
import type { AppDeps, AppEnv } from "./env";
import { respondWithError } from "./error-handler";

/**
 * Fixed-window rate limits counted in the `rate_limits` table, so every node behind the load balancer
 * sees the same counts (no in-process state). One atomic statement per request:
 * INSERT … ON CONFLICT DO UPDATE SET count = count + 1 RETURNING count.
 * Targets (house rule SEC-4, ASVS 2.4.1): see RATE_LIMITS.
 */

export interface RateRule {
  /** Names the counter: requests under different names never share a count. */
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * "citizen": the signed-in citizen (after requireCitizen), "officer": the signed-in officer (after
 * requireOfficer), else the client address; "ip": the address.
 */
export type RateSubject = "citizen" | "officer" | "ip";

export interface RateLimitOptions {
  rules: readonly RateRule[];
  subjects: readonly RateSubject[];
  now?: () => Date;
  /** Chance per request to delete finished windows (default 1 in 100). */
  cleanupChance?: number;
  random?: () => number;
}

/** Windows older than this are deleted; no rule may be longer. */
export const MAX_WINDOW_MS = 60 * 60 * 1000;

const MINUTE = 60_000;

/**
 * The general limit, per signed-in citizen, on every citizen API route. Its burst is measured, not
 * guessed: the end-to-end filing (tests/e2e/filing.test.ts, a robot faster than any person) makes at most
 * 6 citizen API requests within one second (at submit: the last draft save, the submit, the profile read
 * and save, the receipt twice) and 18 within ten seconds; the first screen makes 4 at once. The limits
 * are twice that, so filing never trips them, and still stop a client looping on the API.
 * Submissions and CCCD look-ups: 5 per 15 min per citizen and per address (below). Sign-in is counted per
 * address only (nobody is signed in yet), generously: a mobile carrier's NAT puts many citizens behind one.
 */
export const RATE_LIMITS = {
  general: {
    rules: [
      { name: "api-10s", limit: 40, windowMs: 10_000 },
      { name: "api-1s", limit: 12, windowMs: 1_000 },
    ],
    subjects: ["citizen"],
  },
  signIn: { rules: [{ name: "sign-in", limit: 20, windowMs: MINUTE }], subjects: ["ip"] },
} as const satisfies Record<string, RateLimitOptions>;

type LimiterDeps = Pick<AppDeps, "database" | "logger" | "sealer"> & {
  config: Pick<AppDeps["config"], "trustedProxies">;
};

/** Every request of a signed-in citizen (mount after requireCitizen). */
export const citizenApiRateLimit = (deps: LimiterDeps) => rateLimit(deps, RATE_LIMITS.general);

/**
 * POST /api/dossiers: 5 submissions per 15 min per citizen (house rule SEC-4). Per citizen only, not per
 * address: behind a mobile carrier's NAT many citizens share one, and each is signed in anyway.
 * Replays of one Idempotency-Key count too: a phone retrying that often is stuck, not filing.
 */
export const submitRateLimit = (deps: LimiterDeps) =>
  rateLimit(deps, {
    rules: [{ name: "dossier-submit", limit: 5, windowMs: 15 * MINUTE }],
    subjects: ["citizen"],
  });

/**
 * Every request of a signed-in officer (mount after requireOfficer), per officer. Looser than the
 * citizen's: an officer with forty dossiers due moves through them fast (open, act, next), a screen
 * loads a few things at once; a script looping on the API is still stopped.
 */
export const officerApiRateLimit = (deps: LimiterDeps) =>
  rateLimit(deps, {
    rules: [
      { name: "officer-api-10s", limit: 180, windowMs: 10_000 },
      { name: "officer-api-1s", limit: 30, windowMs: 1_000 },
    ],
    subjects: ["officer"],
  });

/** POST /api/auth/zalo: each attempt costs a call to Zalo. */
export const signInRateLimit = (deps: LimiterDeps) => rateLimit(deps, RATE_LIMITS.signIn);

/**
 * Submissions and look-ups of personal data (a dossier submitted, a phone number fetched from Zalo, a
 * CCCD looked up): 5 per 15 min per citizen and per address. `name` keeps each operation's count apart,
 * e.g. `sensitiveRateLimit(deps, "dossier-submit")` after requireCitizen on POST /api/dossiers.
 */
export function sensitiveRateLimit(deps: LimiterDeps, name: string) {
  return rateLimit(deps, {
    rules: [{ name, limit: 5, windowMs: 15 * MINUTE }],
    subjects: ["citizen", "ip"],
  });
}

export function rateLimit(deps: LimiterDeps, options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const { database, logger, sealer } = deps;
  const trusted = trustedProxyList(deps.config.trustedProxies);
  const { rules, subjects } = options;
  for (const rule of rules) {
    if (rule.windowMs > MAX_WINDOW_MS || rule.windowMs < 1000 || rule.limit < 1) {
      throw new Error(`rate rule ${rule.name}: window must be 1 s to 1 h and the limit at least 1`);
    }
  }
  const clock = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const cleanupChance = options.cleanupChance ?? 0.01;

  return async function rateLimitMiddleware(c, next) {
    const now = clock();
    const address = sealer.lookupHash(clientAddress(c, trusted));
    const citizenId = citizenIdOf(c);
    const officerId = officerIdOf(c);
    const keyOf = (subject: RateSubject) => {
      if (subject === "citizen" && citizenId) return `c:${citizenId}`;
      if (subject === "officer" && officerId) return `o:${officerId}`;
      return `ip:${address}`;
    };
    const keys = new Set(subjects.map(keyOf));
    const rows = rules.flatMap((rule) =>
      [...keys].map((subject) => ({
        key: `${rule.name}|${subject}`,
        windowStart: new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs),
        rule,
      })),
    );
    const countOf = await countHits(database.db, rows);
    let retryAfterMs = 0;
    for (const row of rows) {
      if ((countOf.get(row.key) ?? 0) <= row.rule.limit) continue;
      retryAfterMs = Math.max(retryAfterMs, row.windowStart.getTime() + row.rule.windowMs - now.getTime());
    }
    if (random() < cleanupChance) await deleteFinishedWindows(deps, now);
    if (retryAfterMs > 0) {
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      logger.info("rate limited", { requestId: c.get("requestId"), route: c.req.routePath });
      const response = respondWithError(c, new AppError("RATE_LIMITED", waitMessage(seconds)));
      response.headers.set("Retry-After", String(seconds));
      return response;
    }
    await next();
  };
}

/**
 * Counts one hit on each (key, window) and returns the counts after it, in one atomic statement
 * (INSERT … ON CONFLICT DO UPDATE … RETURNING), shared by every node through the database.
 */
export async function countHits(
  db: Database,
  hits: readonly { key: string; windowStart: Date }[],
): Promise<Map<string, number>> {
  const counted = await db
    .insert(rateLimits)
    .values(hits.map(({ key, windowStart }) => ({ key, windowStart, count: 1 })))
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    })
    .returning({ key: rateLimits.key, count: rateLimits.count });
  return new Map(counted.map((row) => [row.key, row.count]));
}

/** The count of one (key, window) without adding a hit: for limits that count only some outcomes. */
export async function readHits(db: Database, key: string, windowStart: Date): Promise<number> {
  const [row] = await db
    .select({ count: rateLimits.count })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), eq(rateLimits.windowStart, windowStart)));
  return row?.count ?? 0;
}

/** "… đợi khoảng 3 giây …" or "… khoảng 12 phút …": says how long, not just "later". */
export function waitMessage(seconds: number): string {
  const wait = seconds < 90 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
  return `Bạn thao tác quá nhanh. Vui lòng đợi khoảng ${wait} rồi thử lại.`;
}

async function deleteFinishedWindows({ database, logger }: LimiterDeps, now: Date): Promise<void> {
  try {
    await database.db
      .delete(rateLimits)
      .where(lt(rateLimits.windowStart, new Date(now.getTime() - MAX_WINDOW_MS)));
  } catch (error) {
    // Old rows only cost space; the request itself was counted already.
    logger.warn("rate limit cleanup failed", { error });
  }
}

function officerIdOf(c: Context<AppEnv>): string | undefined {
  // Set by requireOfficer (modules/officer-auth/session.ts) when it ran before this middleware.
  const officer: unknown = (c.var as Record<string, unknown>).officer;
  const id = typeof officer === "object" && officer !== null ? (officer as { id?: unknown }).id : undefined;
  return typeof id === "string" ? id : undefined;
}

function citizenIdOf(c: Context<AppEnv>): string | undefined {
  // Set by requireCitizen (modules/citizen-auth/session.ts) when it ran before this middleware.
  const value: unknown = (c.var as Record<string, unknown>).citizenId;
  return typeof value === "string" ? value : undefined;
}
