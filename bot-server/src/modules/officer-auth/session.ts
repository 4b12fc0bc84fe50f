import type { Officer, OfficerRole } from "@dvc/shared";
import type { MiddlewareHandler } from "hono";
import type { Database } from "../../db/client";
import type { AppEnv } from "../../http/env";
import { hashToken, newToken } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { bearerToken } from "../citizen-auth/session";
import { deleteSessionByHash, findLiveSession, insertSession, touchSession } from "./repo";

/**
 * An officer's session ends after 30 minutes without use and 12 hours in all (issue 11; ASVS 3.3.2 for
 * a shared desk computer): the next request then asks to sign in again.
 */
export const OFFICER_SESSION_IDLE_MS = 30 * 60_000;
export const OFFICER_SESSION_ABSOLUTE_MS = 12 * 3_600_000;
/** last_used_at is written at most once a minute: the idle limit is 30 times coarser. */
const TOUCH_EVERY_MS = 60_000;

/** Routes behind requireOfficer() see who is signed in. */
export interface OfficerEnv extends AppEnv {
  Variables: AppEnv["Variables"] & { officer: Officer };
}

/** A fresh token at every sign-in (ASVS 3.2.1); only its hash is stored. */
export async function createOfficerSession(db: Database, officerId: string, now = new Date()) {
  const { token, hash } = newToken();
  const expiresAt = new Date(now.getTime() + OFFICER_SESSION_ABSOLUTE_MS);
  await insertSession(db, { tokenHash: hash, officerId, now, expiresAt });
  return { token, expiresAt };
}

export async function endOfficerSession(db: Database, token: string): Promise<void> {
  await deleteSessionByHash(db, hashToken(token));
}

/** The officer a bearer token belongs to, or undefined: unknown, expired, idle too long, or disabled. */
export async function findSessionOfficer(
  db: Database,
  token: string,
  now = new Date(),
): Promise<Officer | undefined> {
  const hash = hashToken(token);
  const found = await findLiveSession(db, hash, now, new Date(now.getTime() - OFFICER_SESSION_IDLE_MS));
  if (!found) return undefined;
  if (now.getTime() - found.lastUsedAt.getTime() > TOUCH_EVERY_MS) await touchSession(db, hash, now);
  return found.officer;
}

/**
 * 401 without a live officer session (a citizen's token is not one), 403 when the role may not use the
 * route. Then `c.var.officer` is who asks.
 */
export function requireOfficer(
  db: Database,
  roles: readonly OfficerRole[] = ["officer", "leader", "admin"],
  clock: () => Date = () => new Date(),
): MiddlewareHandler<OfficerEnv> {
  return async function requireOfficerMiddleware(c, next) {
    const token = bearerToken(c.req.header("Authorization"));
    const officer = token ? await findSessionOfficer(db, token, clock()) : undefined;
    if (!officer) throw new AppError("UNAUTHENTICATED", "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.");
    if (!roles.includes(officer.role)) throw new AppError("FORBIDDEN");
    c.set("officer", officer);
    await next();
  };
}
