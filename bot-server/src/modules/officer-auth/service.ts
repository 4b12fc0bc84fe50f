import type { Officer, OfficerRole, OfficerSignInResponse } from "@dvc/shared";
import type { Database } from "../../db/client";
import { countHits, readHits, waitMessage } from "../../http/rate-limit";
import { AppError } from "../../lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { communeExists, findOfficerByUsername, insertOfficer, type OfficerRow } from "./repo";
import { createOfficerSession } from "./session";

const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra lại.";

/**
 * Sign-in limits per 15 minutes (ASVS 2.2.1): failed attempts per username, so one account cannot be
 * guessed at from many addresses (an officer who signs in often is not locked out), and every attempt
 * per address, so one address cannot try many accounts. A username at its limit waits even with the
 * right password.
 */
export const OFFICER_SIGN_IN_LIMITS = {
  failuresPerUsername: 10,
  perAddress: 30,
  windowMs: 15 * 60_000,
} as const;

function signInWindow(username: string, addressHash: string, now: Date) {
  const { windowMs } = OFFICER_SIGN_IN_LIMITS;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const limited = () => {
    const seconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    return new AppError("RATE_LIMITED", waitMessage(seconds), { details: { retryAfterSeconds: seconds } });
  };
  return {
    windowStart,
    userKey: `officer-sign-in-failed|u:${username}`,
    addressKey: `officer-sign-in|ip:${addressHash}`,
    limited,
  };
}

export function toOfficer(row: Pick<OfficerRow, "id" | "username" | "role" | "communeCode">): Officer {
  return { id: row.id, username: row.username, role: row.role, communeCode: row.communeCode };
}

/** Username and password → a new session; the same refusal for an unknown name and a wrong password. */
export async function signInOfficer(
  db: Database,
  request: { username: string; password: string; addressHash: string },
  now = new Date(),
): Promise<OfficerSignInResponse> {
  const window = signInWindow(request.username, request.addressHash, now);
  const attempts = await countHits(db, [{ key: window.addressKey, windowStart: window.windowStart }]);
  const failures = await readHits(db, window.userKey, window.windowStart);
  if (
    (attempts.get(window.addressKey) ?? 0) > OFFICER_SIGN_IN_LIMITS.perAddress ||
    failures >= OFFICER_SIGN_IN_LIMITS.failuresPerUsername
  ) {
    throw window.limited();
  }
  const row = await findOfficerByUsername(db, request.username);
  const matches = await verifyPassword(row?.passwordHash, request.password);
  if (!row || !matches || row.disabledAt) {
    await countHits(db, [{ key: window.userKey, windowStart: window.windowStart }]);
    throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
  }
  const session = await createOfficerSession(db, row.id, now);
  return { token: session.token, expiresAt: session.expiresAt.toISOString(), officer: toOfficer(row) };
}

export type CreateOfficerResult =
  | { created: Officer }
  | { error: "username_taken" | "commune_rule" | "commune_unknown" };

/** An account for the CLI and the sandbox's demo officers. officer/leader need a commune; admin none. */
export async function createOfficer(
  db: Database,
  account: { username: string; password: string; role: OfficerRole; communeCode: string | null },
): Promise<CreateOfficerResult> {
  if ((account.role === "admin") !== (account.communeCode === null)) return { error: "commune_rule" };
  if (account.communeCode && !(await communeExists(db, account.communeCode)))
    return { error: "commune_unknown" };
  // Before hashing: argon2id costs ~20 MiB and tens of ms, and the sandbox seeds at every start.
  if (await findOfficerByUsername(db, account.username)) return { error: "username_taken" };
  const row = await insertOfficer(db, {
    username: account.username,
    passwordHash: await hashPassword(account.password),
    role: account.role,
    communeCode: account.communeCode,
  });
  return row ? { created: toOfficer(row) } : { error: "username_taken" };
}
