import type { NoticeStatus, OfficerRole } from "@dvc/shared";

/**
 * Who may do what to a notice in which status (issue 13 §4): pure, so every route, the view's `can`
 * and the tests read one rule. Officers and leaders belong to one commune and see only its notices;
 * an admin is province-wide and alone drafts province-wide notices (communeCode null). Nothing leaves
 * without an approval by someone other than the author: a leader of the notice's commune, or an admin.
 */

export interface Actor {
  id: string;
  role: OfficerRole;
  /** Null for an admin. */
  communeCode: string | null;
}

export interface NoticeFacts {
  status: NoticeStatus;
  /** Null: province-wide. */
  communeCode: string | null;
  authorId: string;
  startedAt: Date | null;
}

/** Statuses in which the text and audience may still change (and be sent for approval). */
const EDITABLE: readonly NoticeStatus[] = ["draft", "returned"];
/** Cancelling is possible until the fan-out starts (issue 13 §5). */
const CANCELLABLE: readonly NoticeStatus[] = ["draft", "pending", "returned", "approved"];

/** Whether the notice exists for this officer at all: another commune's is not found, not forbidden. */
export function maySee(actor: Actor, notice: Pick<NoticeFacts, "communeCode">): boolean {
  if (actor.role === "admin") return true;
  return actor.communeCode !== null && notice.communeCode === actor.communeCode;
}

/** The commune a new notice may be for: an officer or leader their own; an admin any, or the province. */
export function mayDraftFor(actor: Actor, communeCode: string | null): boolean {
  if (actor.role === "admin") return true;
  return actor.communeCode !== null && communeCode === actor.communeCode;
}

export function mayEdit(actor: Actor, notice: NoticeFacts): boolean {
  return maySee(actor, notice) && EDITABLE.includes(notice.status);
}

export function maySubmit(actor: Actor, notice: NoticeFacts): boolean {
  return mayEdit(actor, notice);
}

/** Approve or return: only a pending notice, by a leader of its commune or an admin, never its author. */
export function mayReview(actor: Actor, notice: NoticeFacts): boolean {
  if (notice.status !== "pending" || actor.id === notice.authorId) return false;
  if (actor.role === "admin") return true;
  return actor.role === "leader" && notice.communeCode !== null && notice.communeCode === actor.communeCode;
}

/**
 * Cancel before the fan-out starts: the author, or a leader of the commune or an admin (who may stop a
 * notice they approved). Another officer's draft is not theirs to drop.
 */
export function mayCancel(actor: Actor, notice: NoticeFacts): boolean {
  if (!maySee(actor, notice) || !CANCELLABLE.includes(notice.status) || notice.startedAt !== null)
    return false;
  return actor.id === notice.authorId || actor.role === "leader" || actor.role === "admin";
}

/** "Send again to the failed": the same approved text to the same recipients, once it has gone out. */
export function mayResendFailed(actor: Actor, notice: NoticeFacts): boolean {
  return maySee(actor, notice) && (notice.status === "sending" || notice.status === "sent");
}

export interface NoticeAbilities {
  edit: boolean;
  submit: boolean;
  review: boolean;
  cancel: boolean;
  resendFailed: boolean;
}

/** What this officer may do now: the officer area's buttons follow it. */
export function abilitiesOf(actor: Actor, notice: NoticeFacts): NoticeAbilities {
  return {
    edit: mayEdit(actor, notice),
    submit: maySubmit(actor, notice),
    review: mayReview(actor, notice),
    cancel: mayCancel(actor, notice),
    resendFailed: mayResendFailed(actor, notice),
  };
}
