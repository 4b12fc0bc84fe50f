import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import type { Database } from "../../db/client";
import { citizenSessions } from "../../db/schema";
import type { AppEnv } from "../../http/env";
import { hashToken, newToken } from "../../lib/crypto";
import { AppError } from "../../lib/errors";

/** A citizen stays signed in for 30 days at most, and 7 days without use (ASVS 7.3.1/7.3.2). */
export const SESSION_ABSOLUTE_MS = 30 * 24 * 3600 * 1000;
export const SESSION_IDLE_MS = 7 * 24 * 3600 * 1000;
/** last_used_at is refreshed at most this often, to spare a write on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

/** Routes behind requireCitizen() see the signed-in citizen's id. */
export interface CitizenEnv extends AppEnv {
  Variables: AppEnv["Variables"] & { citizenId: string };
}

/** A new session for a citizen who just proved who they are: rotate, never reuse (ASVS 7.2.4). */
export async function createSession(db: Database, citizenId: string, now = new Date()) {
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db
    .insert(citizenSessions)
    .values({ tokenHash: hash, citizenId, createdAt: now, lastUsedAt: now, expiresAt });
  return { token, expiresAt };
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(citizenSessions).where(eq(citizenSessions.tokenHash, hashToken(token)));
}

/** Ends every session of a citizen (data deleted, account disabled: ASVS 7.4.2). */
export async function deleteSessionsOf(db: Database, citizenId: string): Promise<void> {
  await db.delete(citizenSessions).where(eq(citizenSessions.citizenId, citizenId));
}

/** The citizen a bearer token belongs to, or undefined when it is unknown, expired or idle too long. */
export async function findSessionCitizen(
  db: Database,
  token: string,
  now = new Date(),
): Promise<string | undefined> {
  const hash = hashToken(token);
  const idleLimit = new Date(now.getTime() - SESSION_IDLE_MS);
  const [session] = await db
    .select({ citizenId: citizenSessions.citizenId, lastUsedAt: citizenSessions.lastUsedAt })
    .from(citizenSessions)
    .where(
      and(
        eq(citizenSessions.tokenHash, hash),
        gt(citizenSessions.expiresAt, now),
        gt(citizenSessions.lastUsedAt, idleLimit),
      ),
    );
  if (!session) return undefined;
  if (now.getTime() - session.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db
      .update(citizenSessions)
      .set({ lastUsedAt: now })
      .where(and(eq(citizenSessions.tokenHash, hash), lt(citizenSessions.lastUsedAt, sql`${now}`)));
  }
  return session.citizenId;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header?.trim() ?? "");
  return match?.[1];
}

/** 401 unless the request carries a live session; then `c.var.citizenId` is the citizen. */
export function requireCitizen(db: Database): MiddlewareHandler<CitizenEnv> {
  return async function requireCitizenMiddleware(c, next) {
    const token = bearerToken(c.req.header("Authorization"));
    const citizenId = token ? await findSessionCitizen(db, token) : undefined;
    if (!citizenId) throw new AppError("UNAUTHENTICATED");
    c.set("citizenId", citizenId);
    await next();
  };
}
