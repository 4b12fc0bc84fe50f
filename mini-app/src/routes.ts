/** Paths of the citizen screens, in one place for links and tests. */
export const ROUTES = {
  home: "/",
  communePicker: "/chon-xa-phuong",
  procedure: "/thu-tuc/:code",
  startDraft: "/nop/moi/:code",
  draftStep: "/nop/:draftId/:stepId",
  receipt: "/bien-nhan/:code",
  dossiers: "/ho-so",
  dossier: "/ho-so/:code",
  myData: "/du-lieu-cua-toi",
  /** The commune's notices and one notice (shared/src/notices/notice-text.ts: chat buttons link here). */
  notices: "/thong-bao",
  notice: "/thong-bao/:id",
} as const;

/** The review step's segment; step ids are camelCase, so it cannot clash with one. */
export const REVIEW_SEGMENT = "kiem-tra";

export { dossierPath, procedurePath, startDraftPath } from "@dvc/shared/links/mini-app";

const enc = encodeURIComponent;
export const stepPath = (draftId: string, stepId: string) => `/nop/${enc(draftId)}/${enc(stepId)}`;
export const reviewPath = (draftId: string) => stepPath(draftId, REVIEW_SEGMENT);
export const receiptPath = (code: string) => `/bien-nhan/${enc(code)}`;

/**
 * A screen that needs a commune first (a new filing opened by a link) sends the citizen to the picker
 * with `{ next: <its path> }` in the route state; once a commune is chosen the picker goes there instead
 * of back, so the link still ends where it pointed.
 */
export function afterCommunePicked(state: unknown): string | null {
  if (typeof state !== "object" || state === null || !("next" in state)) return null;
  const { next } = state;
  // A path of this app only ("//host" would be another site).
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") ? next : null;
}

/**
 * The officer area's web address. Checked by main.tsx before anything renders, so that only this
 * constant, not the officer screens, ships in the citizen's first load.
 */
export const OFFICER_BASE = "/can-bo";

export const isOfficerPath = (pathname: string) =>
  pathname === OFFICER_BASE || pathname.startsWith(`${OFFICER_BASE}/`);
