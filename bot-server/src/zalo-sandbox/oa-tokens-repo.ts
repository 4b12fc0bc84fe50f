import { and, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { sandboxOaTokens } from "../db/schema";
import { hashToken, newToken } from "../lib/crypto";

/**
 * The OA tokens the sandbox's OAuth hands out, as Zalo's OAuth v4 does (zalo-oa.md §3 [C]): an access
 * token living 25 h and a single-use refresh token living 3 months; each refresh returns a new pair and
 * kills the refresh token used. Only SHA-256 hashes are stored, so a database copy grants nothing.
 * State lives in the database: a restarted or second sandbox process agrees on every token.
 */

/** [C §3] 25 h, answered as the string "90000". */
export const OA_ACCESS_TOKEN_SECONDS = 25 * 60 * 60;
/** [C §3] "3 months", taken as 90 days. */
export const OA_REFRESH_TOKEN_MS = 90 * 24 * 60 * 60 * 1000;

export interface OaTokenPair {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export type AccessTokenCheck = "valid" | "unknown" | "expired";

/**
 * Makes `refreshToken` (ZALO_OA_REFRESH_TOKEN, generated into DATA_DIR/secrets.json in sandbox mode) a
 * valid refresh token the first time only: ON CONFLICT DO NOTHING, so once used it stays used, across
 * restarts and however often this runs.
 */
export async function seedRefreshToken(db: Database, refreshToken: string, now = new Date()): Promise<void> {
  await db
    .insert(sandboxOaTokens)
    .values({
      tokenHash: hashToken(refreshToken),
      kind: "refresh",
      expiresAt: new Date(now.getTime() + OA_REFRESH_TOKEN_MS),
      createdAt: now,
    })
    .onConflictDoNothing();
}

/** A new pair as the sandbox's OAuth hands it out, with the hashes that are stored in its place. */
export function mintPair(now: Date) {
  const access = newToken();
  const refresh = newToken();
  return {
    pair: {
      accessToken: access.token,
      refreshToken: refresh.token,
      expiresInSeconds: OA_ACCESS_TOKEN_SECONDS,
    },
    access: { hash: access.hash, expiresAt: new Date(now.getTime() + OA_ACCESS_TOKEN_SECONDS * 1000) },
    refresh: { hash: refresh.hash, expiresAt: new Date(now.getTime() + OA_REFRESH_TOKEN_MS) },
  };
}

export type MintedPair = ReturnType<typeof mintPair>;

/**
 * Spends a refresh token and issues the next pair, in one transaction: the UPDATE … WHERE used_at IS NULL
 * lets exactly one of two concurrent callers win. undefined: unknown, expired or already used.
 */
export function rotateRefreshToken(
  db: Database,
  refreshToken: string,
  now = new Date(),
): Promise<OaTokenPair | undefined> {
  return db.transaction(async (tx) => {
    const spent = await tx
      .update(sandboxOaTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(sandboxOaTokens.tokenHash, hashToken(refreshToken)),
          eq(sandboxOaTokens.kind, "refresh"),
          isNull(sandboxOaTokens.usedAt),
          gt(sandboxOaTokens.expiresAt, now),
        ),
      )
      .returning({ tokenHash: sandboxOaTokens.tokenHash });
    if (spent.length !== 1) return undefined;
    const minted = mintPair(now);
    await tx.insert(sandboxOaTokens).values(issuedRows(minted, now));
    return minted.pair;
  });
}

function issuedRows(minted: MintedPair, now: Date) {
  return [
    {
      tokenHash: minted.access.hash,
      kind: "access" as const,
      expiresAt: minted.access.expiresAt,
      createdAt: now,
    },
    {
      tokenHash: minted.refresh.hash,
      kind: "refresh" as const,
      expiresAt: minted.refresh.expiresAt,
      createdAt: now,
    },
  ];
}

/** "unknown" and "expired" are told apart, as Zalo tells -216 from -220. */
export async function checkAccessToken(
  db: Database,
  token: string,
  now = new Date(),
): Promise<AccessTokenCheck> {
  if (token === "") return "unknown";
  const [row] = await db
    .select({ expiresAt: sandboxOaTokens.expiresAt })
    .from(sandboxOaTokens)
    .where(and(eq(sandboxOaTokens.tokenHash, hashToken(token)), eq(sandboxOaTokens.kind, "access")));
  if (!row) return "unknown";
  return row.expiresAt <= now ? "expired" : "valid";
}
