/**
 * Who is signed in. Inside Zalo the app signs in by itself (getAccessToken → POST /api/auth/zalo); in the
 * web preview a sandbox citizen is picked once and remembered, so a refused token is renewed silently
 * either way. Every component sees the same state (useSyncExternalStore).
 * The sign-in requests (and zod, which checks their answers) load on first use, not with Home.
 */
import type { SignInResponse } from "@dvc/shared/api/citizen-auth";
import { useSyncExternalStore } from "react";
import { ApiError } from "../api";
import {
  readStoredSession,
  SIGN_IN_AGAIN_MESSAGE,
  type StoredSession,
  setReauthenticator,
  writeStoredSession,
} from "../api/session-token";
import { getZaloAccessToken, isInsideZalo, PlatformError } from "../platform/zalo";

export type SessionState =
  | { status: "signed_out"; message: string | null }
  | { status: "signing_in" }
  | { status: "signed_in"; session: StoredSession };

const listeners = new Set<() => void>();
/**
 * Read from storage on first use, not when this module loads: inside Zalo storage is nativeStorage,
 * which is ready only once main.tsx has loaded the SDK (platform/zalo.ts, preparePlatform).
 */
let state: SessionState | undefined;

function currentState(): SessionState {
  state ??= initialState();
  return state;
}

function initialState(): SessionState {
  const stored = readStoredSession();
  return stored ? { status: "signed_in", session: stored } : { status: "signed_out", message: null };
}

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribe, currentState);
}

export function currentSession(): StoredSession | null {
  const current = currentState();
  return current.status === "signed_in" ? current.session : null;
}

function remember(response: SignInResponse, via: StoredSession["via"]): StoredSession {
  const session: StoredSession = {
    token: response.token,
    expiresAt: response.expiresAt,
    citizen: response.citizen,
    consentGiven: response.consentGiven,
    via,
  };
  writeStoredSession(session);
  setState({ status: "signed_in", session });
  return session;
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof PlatformError) return error.message;
  return "Chưa đăng nhập được. Vui lòng thử lại.";
}

/**
 * Runs one sign-in, showing "signing in" meanwhile and the reason when it fails. A quiet one (a token
 * renewed under an open form) leaves the screen as it is, so nothing on it is unmounted.
 */
async function signIn(run: () => Promise<StoredSession>, quiet = false): Promise<StoredSession> {
  if (!quiet) setState({ status: "signing_in" });
  try {
    return await run();
  } catch (error) {
    setState({ status: "signed_out", message: messageOf(error) });
    throw error;
  }
}

const authApi = () => import("../api/auth");

export function signInInsideZalo(quiet = false): Promise<StoredSession> {
  return signIn(async () => {
    const { signInWithZalo } = await authApi();
    return remember(await signInWithZalo(await getZaloAccessToken()), { kind: "zalo" });
  }, quiet);
}

/** Web preview: signs in as a sandbox citizen through the sandbox's pretend Zalo token. */
export function signInAsSandboxCitizen(citizenId: string, quiet = false): Promise<StoredSession> {
  return signIn(async () => {
    const { sandboxAccessToken, signInWithZalo } = await authApi();
    return remember(await signInWithZalo(await sandboxAccessToken(citizenId)), {
      kind: "sandbox",
      citizenId,
    });
  }, quiet);
}

/** The same way as last time, without asking: used when the server refuses the token. */
async function signInAgain(): Promise<string> {
  const previous = currentSession()?.via ?? readStoredViaOnly();
  if (isInsideZalo()) return (await signInInsideZalo(true)).token;
  if (previous?.kind === "sandbox") return (await signInAsSandboxCitizen(previous.citizenId, true)).token;
  writeStoredSession(null);
  setState({ status: "signed_out", message: SIGN_IN_AGAIN_MESSAGE });
  throw new ApiError("UNAUTHENTICATED", SIGN_IN_AGAIN_MESSAGE, 401);
}

/** An expired stored session still tells how the citizen signed in. */
function readStoredViaOnly(): StoredSession["via"] | null {
  return readStoredSession(new Date(0))?.via ?? null;
}

setReauthenticator(signInAgain);

/** Consent was recorded: forms may now store CCCD and phone numbers. */
export function markConsentGiven(): void {
  const session = currentSession();
  if (!session) return;
  const next = { ...session, consentGiven: true };
  writeStoredSession(next);
  setState({ status: "signed_in", session: next });
}

/** The server says consent is missing (withdrawn meanwhile): the notice shows again before saving. */
export function markConsentNeeded(): void {
  const session = currentSession();
  if (!session?.consentGiven) return;
  const next = { ...session, consentGiven: false };
  writeStoredSession(next);
  setState({ status: "signed_in", session: next });
}

/** Ends the session here and on the server (best effort: the token is forgotten either way). */
export async function signOut(options: { callServer: boolean } = { callServer: true }): Promise<void> {
  if (options.callServer && currentSession()) {
    await authApi()
      .then(({ endSession }) => endSession())
      .catch(() => undefined);
  }
  writeStoredSession(null);
  setState({ status: "signed_out", message: null });
}

/** Tests start from what storage holds now. */
export function reloadSessionForTests(): void {
  state = initialState();
}
