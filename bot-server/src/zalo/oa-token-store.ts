import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { oaTokens } from "../db/schema";
import type { Sealer } from "../lib/crypto";
import type { Logger } from "../lib/logger";
import { OA_TIMEOUT_MS, OAUTH_REFRESH_PATH, REFRESH_MARGIN_MS, tokenResponseSchema } from "./oa-contract";
import { OaError } from "./oa-error";

/**
 * The OA access token, kept in oa_tokens (sealed) and refreshed with OAuth v4. The refresh token is
 * single-use [C], so a refresh happens only inside a transaction holding `SELECT … FOR UPDATE` on the
 * OA's row: a second caller (this process or another) waits, then finds the new pair and reuses it.
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
  let inFlight: Promise<string> | undefined;

  const fresh = (expiresAt: Date | null) =>
    expiresAt !== null && expiresAt.getTime() - now() > REFRESH_MARGIN_MS;

  async function readValid(): Promise<string | undefined> {
    const [row] = await db.select().from(oaTokens).where(eq(oaTokens.oaId, oaId));
    if (!row?.accessTokenSealed || !fresh(row.accessExpiresAt)) return undefined;
    return sealer.open(row.accessTokenSealed);
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
      answer = await response.json();
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

  /** Refresh under the row lock, unless the token found there is usable (and not `stale`). */
  function refreshLocked(stale: string | undefined): Promise<string> {
    return db.transaction(async (tx) => {
      await tx
        .insert(oaTokens)
        .values({ oaId, refreshTokenSealed: sealer.seal(options.seedRefreshToken) })
        .onConflictDoNothing();
      const [row] = await tx.select().from(oaTokens).where(eq(oaTokens.oaId, oaId)).for("update");
      if (!row) throw new Error("oa_tokens row vanished inside its transaction");
      const current = row.accessTokenSealed ? sealer.open(row.accessTokenSealed) : undefined;
      if (current !== undefined && current !== stale && fresh(row.accessExpiresAt)) return current;
      const pair = await callOauth(sealer.open(row.refreshTokenSealed));
      await tx
        .update(oaTokens)
        .set({
          accessTokenSealed: sealer.seal(pair.accessToken),
          accessExpiresAt: pair.expiresAt,
          refreshTokenSealed: sealer.seal(pair.refreshToken),
          updatedAt: new Date(now()),
        })
        .where(eq(oaTokens.oaId, oaId));
      logger.info("zalo oa token refreshed", { oaId, expiresAt: pair.expiresAt.toISOString() });
      return pair.accessToken;
    });
  }

  /** Callers of this process share one refresh; other processes wait on the row lock. */
  function shared(stale: string | undefined): Promise<string> {
    if (!inFlight) {
      inFlight = refreshLocked(stale).finally(() => {
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
      return refreshLocked(staleToken);
    },
  };
}
