/**
 * The session token the server gave at sign-in, kept in platform storage so that reopening the app does
 * not sign in again. How to sign in again when it is refused is registered by session/session.ts (the
 * API layer does not know about Zalo or the sandbox).
 */
import { ApiError } from "../api";
import { storage } from "../platform/zalo";

export const SESSION_KEY = "dvc.session.v1";

export interface StoredSession {
  token: string;
  expiresAt: string;
  citizen: { id: string; name: string; avatarUrl: string | null };
  consentGiven: boolean;
  /** How the citizen signed in, to do it again without asking: inside Zalo, or as a sandbox citizen. */
  via: { kind: "zalo" } | { kind: "sandbox"; citizenId: string };
}

export const SIGN_IN_AGAIN_MESSAGE = "Phiên đăng nhập đã hết. Vui lòng đăng nhập lại để tiếp tục.";

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const citizen = record.citizen as Record<string, unknown> | null | undefined;
  const via = record.via as Record<string, unknown> | null | undefined;
  return (
    typeof record.token === "string" &&
    typeof record.expiresAt === "string" &&
    typeof record.consentGiven === "boolean" &&
    typeof citizen === "object" &&
    citizen !== null &&
    typeof citizen.id === "string" &&
    typeof citizen.name === "string" &&
    typeof via === "object" &&
    via !== null &&
    (via.kind === "zalo" || (via.kind === "sandbox" && typeof via.citizenId === "string"))
  );
}

/** The stored session, or null when there is none, it is unreadable, or it has expired. */
export function readStoredSession(now: Date = new Date()): StoredSession | null {
  const raw = storage.getItem(SESSION_KEY);
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (!isStoredSession(value)) return null;
    return Date.parse(value.expiresAt) > now.getTime() ? value : null;
  } catch {
    return null;
  }
}

export function writeStoredSession(session: StoredSession | null): void {
  if (session === null) storage.removeItem(SESSION_KEY);
  else storage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function sessionToken(): string | null {
  return readStoredSession()?.token ?? null;
}

type Reauthenticator = () => Promise<string>;
let reauthenticator: Reauthenticator | null = null;
let pending: Promise<string> | null = null;

/** Registered once by the session module. */
export function setReauthenticator(fn: Reauthenticator | null): void {
  reauthenticator = fn;
}

/**
 * Signs in again and returns the new token. Concurrent callers share one attempt (three requests
 * refused at once make one sign-in). Rejects with UNAUTHENTICATED when it cannot be done silently.
 */
export function reauthenticate(): Promise<string> {
  if (pending) return pending;
  const run = reauthenticator;
  if (!run) return Promise.reject(new ApiError("UNAUTHENTICATED", SIGN_IN_AGAIN_MESSAGE, 401));
  pending = run().finally(() => {
    pending = null;
  });
  return pending;
}
