/**
 * The officer's session: the token from POST /api/officer/session, kept in this tab's sessionStorage,
 * never beside the citizen's token (a desk computer may also be someone's phone preview) and gone when
 * the tab closes. Screens read it through useOfficerSession(); any 401 from an officer route ends it
 * with a notice, and the area shows the sign-in form over the page that was open, so nothing typed is
 * lost and the officer lands back where they were.
 */
import {
  type Officer,
  type OfficerSignInResponse,
  officerSignInResponseSchema,
} from "@dvc/shared/api/officer";
import { useSyncExternalStore } from "react";

export const OFFICER_SESSION_KEY = "dvc.officer.session.v1";

export const SESSION_EXPIRED_MESSAGE =
  "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại để tiếp tục; trang đang mở và nội dung bạn đã nhập vẫn được giữ.";
export const SIGNED_OUT_MESSAGE = "Bạn đã đăng xuất. Hẹn gặp lại.";

export type OfficerSession = OfficerSignInResponse;

export interface OfficerSessionState {
  session: OfficerSession | null;
  /** Why the sign-in form shows (expired, signed out), or null on a first visit. */
  notice: string | null;
  /**
   * Who worked in this tab last: after an expiry the same officer gets their page back as it was; a
   * different officer gets a fresh area, never the previous officer's screens.
   */
  lastOfficer: Officer | null;
}

/** sessionStorage can throw (storage disabled, private mode quotas): the session then lives in memory. */
function readStored(now: Date): OfficerSession | null {
  try {
    const raw = window.sessionStorage.getItem(OFFICER_SESSION_KEY);
    if (raw === null) return null;
    const parsed = officerSignInResponseSchema.safeParse(JSON.parse(raw));
    if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now.getTime()) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

function writeStored(session: OfficerSession | null): void {
  try {
    if (session === null) window.sessionStorage.removeItem(OFFICER_SESSION_KEY);
    else window.sessionStorage.setItem(OFFICER_SESSION_KEY, JSON.stringify(session));
  } catch {
    // Kept in memory only: a reload will ask to sign in again, which is the safe side.
  }
}

function initialState(): OfficerSessionState {
  const session = readStored(new Date());
  return { session, notice: null, lastOfficer: session?.officer ?? null };
}

let state: OfficerSessionState = initialState();
const listeners = new Set<() => void>();

function setState(next: OfficerSessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getOfficerSessionState(): OfficerSessionState {
  return state;
}

export function getOfficerSession(): OfficerSession | null {
  return state.session;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOfficerSession(): OfficerSessionState {
  return useSyncExternalStore(subscribe, getOfficerSessionState, getOfficerSessionState);
}

export function startOfficerSession(session: OfficerSession): void {
  writeStored(session);
  setState({ session, notice: null, lastOfficer: session.officer });
}

/**
 * The server refused `token` (401). Only that session ends: the answer to a request sent before the
 * officer signed in again must not end the new session.
 */
export function expireOfficerSession(token: string): void {
  if (state.session === null || state.session.token !== token) return;
  writeStored(null);
  setState({ ...state, session: null, notice: SESSION_EXPIRED_MESSAGE });
}

/** Signed out on purpose: the next officer at this desk starts from an empty area. */
export function endOfficerSession(): void {
  writeStored(null);
  setState({ session: null, notice: SIGNED_OUT_MESSAGE, lastOfficer: null });
}

/** Tests start from a known state. */
export function resetOfficerSessionForTests(): void {
  writeStored(null);
  setState(initialState());
}
