import type { Database } from "../../db/client";
import type { OaButton } from "../../zalo/oa-contract";
import type { OaErrorKind } from "../../zalo/oa-error";

/**
 * THE way the product speaks to a resident on Zalo (an outbox). A message is first recorded under a
 * key naming why it is sent (the inbound event it answers, the dossier status it announces) inside the
 * caller's own transaction, so the decision to speak and the state that led to it commit together and
 * a replay finds the key and decides nothing twice. `flush` then sends what is recorded and not yet
 * sent. Today flush calls Zalo's consultation API at once (oa-messenger.ts); the delivery-engine issue
 * gives it a worker, retries and fallbacks without changing callers.
 */
export interface OutboundMessage {
  dedupeKey: string;
  /** The OA-scoped user id (residents.oa_user_id). */
  oaUserId: string;
  text: string;
  buttons?: readonly OaButton[];
}

export type SendOutcome =
  | { dedupeKey: string; status: "sent"; zaloMessageId: string }
  /** Sent before, or another sender has it, or refused for good earlier: nothing was sent now. */
  | { dedupeKey: string; status: "skipped" }
  /** Zalo refused or was unreachable; `retryable` says whether trying later can help. */
  | { dedupeKey: string; status: "failed"; reason: OaErrorKind; retryable: boolean };

export interface ResidentMessenger {
  /** Records the message in `tx`; false when its key was recorded before (nothing changes then). */
  enqueue(tx: Database, message: OutboundMessage): Promise<boolean>;
  /** Sends the recorded, unsent messages among `keys`, in order. */
  flush(keys: readonly string[]): Promise<SendOutcome[]>;
}

/** Failures that a later attempt may overcome; the others (outside the 7-day window…) will not. */
export const RETRYABLE_KINDS: ReadonlySet<OaErrorKind> = new Set(["unavailable", "rate_limited"]);
