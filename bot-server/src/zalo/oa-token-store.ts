import { and, eq, isNull, lt, or, sql } from "drizzle-orm";

import type { Database } from "../db/client";
import { oaTokens } from "../db/schema";
import { SEALED } from "../db/sealed-places";
import { readCappedJson } from "../lib/capped-json";
import type { Sealer } from "../lib/crypto";
import type { Logger } from "../lib/logger";
import { OA_TIMEOUT_MS, OAUTH_REFRESH_PATH, REFRESH_MARGIN_MS, tokenResponseSchema } from "./oa-contract";
import { OaError } from "./oa-error";

/** How often a caller waiting for another's refresh looks again. */
const LEASE_POLL_MS = 100;

/**
 * The OA access token, kept in oa_tokens (sealed) and refreshed with OAuth v4. The refresh token is
 * single-use [C], so only the holder of the row's refresh lease calls OAuth (no transaction is held
 * during that call): a second caller (this process or another) waits, then finds the new pair.
 */

export interface OaTokenStore {
  /** A token valid for at least REFRESH_MARGIN_MS, refreshing first if needed. */
  getAccessToken(): Promise<string>;
  /** Zalo refused `staleToken` (-216/-220): refresh unless another caller already replaced it. */
  forceRefresh(staleToken: string): Promise<string>;
}

export interface OaTokenStoreOptions {
  db: Database;
  sealer: Sealer;
  logger: Logger;
  oaId: string;
  appId: string;
  appSecret: string;
  /** ZALO_OA_REFRESH_TOKEN: seeds the row the first time only. */
  seedRefreshToken: string;
  oauthBaseUrl: string;
  timeoutMs?: number;
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
  now?: () => number;
}

interface Pair {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export function createOaTokenStore(options: OaTokenStoreOptions): OaTokenStore {
  const { db, sealer, logger, oaId } = options;
  const timeoutMs = options.timeoutMs ?? OA_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const now = options.now ?? Date.now;
  // Longer than the OAuth call may take (its timeout), so a live refresher never loses its lease.
  const leaseMs = Math.max(3 * timeoutMs, 1000);
  let inFlight: Promise<string> | undefined;

  const fresh = (expiresAt: Date | null) =>
    expiresAt !== null && expiresAt.getTime() - now() > REFRESH_MARGIN_MS;

  async function readValid(): Promise<string | undefined> {
    const [row] = await db.select().from(oaTokens).where(eq(oaTokens.oaId, oaId));
    if (!row?.accessTokenSealed || !fresh(row.accessExpiresAt)) return undefined;
    return sealer.open(row.accessTokenSealed, SEALED.oaAccessToken(oaId));
  }

  async function callOauth(refreshToken: string): Promise<Pair> {
    const body = new URLSearchParams({
      refresh_token: refreshToken,
      app_id: options.appId,
      grant_type: "refresh_token",
    });
    let answer: unknown;
    try {
      const response = await doFetch(`${options.oauthBaseUrl}${OAUTH_REFRESH_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: options.appSecret },
        body: body.toString(),
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        logger.warn("zalo oauth http error", { status: response.status });
        throw new OaError("unavailable", undefined);
      }
      answer = await readCappedJson(response);
    } catch (error) {
      if (error instanceof OaError) throw error;
      logger.warn("zalo oauth unreachable", { error });
      throw new OaError("unavailable", undefined, error);
    }
    const parsed = tokenResponseSchema.safeParse(answer);
    if (!parsed.success) {
      const code = (answer as { error?: unknown } | null)?.error;
      // The answer is not logged: it may hold tokens.
      logger.error("zalo oauth refused the refresh token", { zaloError: code });
      throw new OaError("unauthorized", typeof code === "number" ? code : undefined);
    }
    return {
      accessToken: parsed.data.access_token,
      refreshToken: parsed.data.refresh_token,
      expiresAt: new Date(now() + parsed.data.expires_in * 1000),
    };
  }

  /**
   * One refresh at a time across processes, without holding a transaction during the call: whoever sets
   * `refresh_lease_until` (atomically, and only while the stored refresh token is the one it read) calls
   * OAuth and stores the new pair; the others poll until a usable token appears or the lease expires
   * (a refresher that died). Returns a usable token that is not `stale`.
   */
  async function refreshLeased(stale: string | undefined): Promise<string> {
    await db
      .insert(oaTokens)
      .values({
        oaId,
        refreshTokenSealed: sealer.seal(options.seedRefreshToken, SEALED.oaRefreshToken(oaId)),
      })
      .onConflictDoNothing();
    const deadline = now() + leaseMs + timeoutMs;
    for (;;) {
      const [row] = await db.select().from(oaTokens).where(eq(oaTokens.oaId, oaId));
      if (!row) throw new Error("oa_tokens row vanished");
      const current = row.accessTokenSealed
        ? sealer.open(row.accessTokenSealed, SEALED.oaAccessToken(oaId))
        : undefined;
      if (current !== undefined && current !== stale && fresh(row.accessExpiresAt)) return current;
      const [leased] = await db
        .update(oaTokens)
        .set({ refreshLeaseUntil: sql`now() + make_interval(secs => ${leaseMs / 1000})` })
        .where(
          and(
            eq(oaTokens.oaId, oaId),
            // Still the refresh token we read: nobody rotated it since (it is single-use [C]).
            eq(oaTokens.refreshTokenSealed, row.refreshTokenSealed),
            or(isNull(oaTokens.refreshLeaseUntil), lt(oaTokens.refreshLeaseUntil, sql`now()`)),
          ),
        )
        .returning({ refreshTokenSealed: oaTokens.refreshTokenSealed });
      if (leased) return refreshWith(sealer.open(leased.refreshTokenSealed, SEALED.oaRefreshToken(oaId)));
      if (now() > deadline) throw new OaError("unavailable", undefined);
      await new Promise((resolve) => setTimeout(resolve, LEASE_POLL_MS));
    }
  }

  async function refreshWith(refreshToken: string): Promise<string> {
    let pair: Pair;
    try {
      pair = await callOauth(refreshToken);
    } catch (error) {
      // Let the next caller try at once; a refused token stays refused for them too (and is logged).
      await db.update(oaTokens).set({ refreshLeaseUntil: null }).where(eq(oaTokens.oaId, oaId));
      throw error;
    }
    await db
      .update(oaTokens)
      .set({
        accessTokenSealed: sealer.seal(pair.accessToken, SEALED.oaAccessToken(oaId)),
        accessExpiresAt: pair.expiresAt,
        refreshTokenSealed: sealer.seal(pair.refreshToken, SEALED.oaRefreshToken(oaId)),
        refreshLeaseUntil: null,
        updatedAt: new Date(now()),
      })
      .where(eq(oaTokens.oaId, oaId));
    logger.info("zalo oa token refreshed", { oaId, expiresAt: pair.expiresAt.toISOString() });
    return pair.accessToken;
  }

  /** Callers of this process share one refresh; other processes wait on the lease. */
  function shared(stale: string | undefined): Promise<string> {
    if (!inFlight) {
      inFlight = refreshLeased(stale).finally(() => {
        inFlight = undefined;
      });
    }
    return inFlight;
  }

  return {
    async getAccessToken() {
      return (await readValid()) ?? shared(undefined);
    },
    forceRefresh(staleToken) {
      // Not shared with an in-flight refresh: that one may end by reusing the very token Zalo refused.
      return refreshLeased(staleToken);
    },
  };
}
