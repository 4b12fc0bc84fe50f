import type { Officer, OfficerRole, OfficerSignInResponse } from "@dvc/shared";
import type { Database } from "../../db/client";
import { countHits, waitMessage } from "../../http/rate-limit";
import { AppError } from "../../lib/errors";
import { hashPassword, verifyPassword } from "./password";
import { communeExists, findOfficerByUsername, insertOfficer, type OfficerRow } from "./repo";
import { createOfficerSession } from "./session";

const WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng. Vui lòng kiểm tra lại.";

/**
 * Sign-in attempts per 15 minutes (ASVS 2.2.1): per username, so one account cannot be guessed at from
 * many addresses, and per address, so one address cannot try many accounts. Counted before the
 * password is checked: a right password after the limit still waits.
 */
export const OFFICER_SIGN_IN_LIMITS = { perUsername: 10, perAddress: 30, windowMs: 15 * 60_000 } as const;

async function checkSignInRate(
  db: Database,
  username: string,
  addressHash: string,
  now: Date,
): Promise<void> {
  const { windowMs } = OFFICER_SIGN_IN_LIMITS;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const userKey = `officer-sign-in|u:${username}`;
  const addressKey = `officer-sign-in|ip:${addressHash}`;
  const counts = await countHits(db, [
    { key: userKey, windowStart },
    { key: addressKey, windowStart },
  ]);
  const over =
    (counts.get(userKey) ?? 0) > OFFICER_SIGN_IN_LIMITS.perUsername ||
    (counts.get(addressKey) ?? 0) > OFFICER_SIGN_IN_LIMITS.perAddress;
  if (over) {
    const seconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new AppError("RATE_LIMITED", waitMessage(seconds), { details: { retryAfterSeconds: seconds } });
  }
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
  await checkSignInRate(db, request.username, request.addressHash, now);
  const row = await findOfficerByUsername(db, request.username);
  const matches = await verifyPassword(row?.passwordHash, request.password);
  if (!row || !matches || row.disabledAt) throw new AppError("UNAUTHENTICATED", WRONG_CREDENTIALS);
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
  const row = await insertOfficer(db, {
    username: account.username,
    passwordHash: await hashPassword(account.password),
    role: account.role,
    communeCode: account.communeCode,
  });
  return row ? { created: toOfficer(row) } : { error: "username_taken" };
}
