import type { Database } from "../db/client";
import {
  type AccessTokenCheck,
  checkAccessToken,
  type OaTokenPair,
  rotateRefreshToken,
  seedRefreshToken,
} from "./oa-tokens-repo";

/**
 * The sandbox's OA token authority, shared by its OAuth (rotate) and its OA/ZNS hosts (checkAccess).
 * Every decision is one atomic statement in the database, so several nodes agree. (The product's token
 * store holds no transaction while it calls OAuth, so this works on the single-connection PGlite too.)
 */

export interface OaTokenIssuer {
  /** Spends `refreshToken` and returns the next pair; undefined: unknown, expired or already used. */
  rotate(refreshToken: string, now?: Date): Promise<OaTokenPair | undefined>;
  checkAccess(accessToken: string, now?: Date): Promise<AccessTokenCheck>;
}

export interface OaTokenIssuerOptions {
  db: Database;
  /** config.zalo.oaRefreshToken: valid the first time only (seeded ON CONFLICT DO NOTHING). */
  seedRefreshToken: string;
}

export function createOaTokenIssuer({ db, seedRefreshToken: seed }: OaTokenIssuerOptions): OaTokenIssuer {
  // Seeded once per process, lazily; the insert is idempotent, so a retry after a failure is safe.
  let seeded: Promise<void> | undefined;
  return {
    async rotate(refreshToken, now = new Date()) {
      seeded ??= seedRefreshToken(db, seed).catch((error: unknown) => {
        seeded = undefined;
        throw error;
      });
      await seeded;
      return rotateRefreshToken(db, refreshToken, now);
    },
    checkAccess: (accessToken, now = new Date()) => checkAccessToken(db, accessToken, now),
  };
}
