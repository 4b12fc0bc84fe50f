import type { Database } from "../../db/client";
import type { Sealer } from "../../lib/crypto";
import type { Logger } from "../../lib/logger";
import { applyReceipt } from "../delivery";
import { type InboundEvent, MAX_ATTEMPTS, markFailed, markProcessed } from "./claim";
import { withContent } from "./content";
import { receiptFrom } from "./receipt-event";
import { applyResidentUpdate, type Resident, type ResidentUpdate } from "./residents-repo";

/**
 * Extension point for the chatbot issue: called after a resident was updated from a user event,
 * before the event is marked processed. Empty today. Because a crash before the mark replays the
 * event, a reply sent from here must be deduplicated by the event id (at-least-once delivery).
 */
export type AfterResidentUpdated = (resident: Resident, event: InboundEvent) => Promise<void>;

export interface EventDeps {
  db: Database;
  logger: Logger;
  /** Opens the sealed event bodies (content.ts). */
  sealer: Sealer;
  afterResidentUpdated?: AfterResidentUpdated;
}

/** Default hook: no chatbot yet. */
export const afterResidentUpdated: AfterResidentUpdated = async () => {};

/** Processes one claimed event and marks it; errors put it back for a retry (never thrown). */
export async function processEvent(deps: EventDeps, event: InboundEvent): Promise<void> {
  await processEvents(deps, [event]);
}

/**
 * Processes claimed events in order, then marks every one that succeeded in one UPDATE: one statement
 * per batch rather than per event, since on a remote database (Neon) each statement is a network round
 * trip. (On the local bench the CPU saved was within the machine's noise.) A failed event is marked
 * failed at once. A crash before the final mark replays the batch after its lease, which the handlers
 * allow: resident updates and chatbot decisions are idempotent.
 */
export async function processEvents(deps: EventDeps, events: readonly InboundEvent[]): Promise<void> {
  const done: InboundEvent[] = [];
  for (const event of events) {
    if (await handleEvent(deps, event)) done.push(event);
  }
  const marked = await markProcessed(deps.db, done);
  if (marked < done.length) {
    // Their lease ran out and another worker holds them now: its marks stand (handlers are idempotent).
    deps.logger.warn("inbound events not marked: lease lost", { lost: done.length - marked });
  }
}

/** True when the event is done; false when it was marked failed (for a retry, or for good). */
async function handleEvent(deps: EventDeps, event: InboundEvent): Promise<boolean> {
  if (event.attempts > MAX_ATTEMPTS) {
    // Claimed again after repeated crashes mid-processing: a poison event, give up on it.
    await markFailed(deps.db, event, "TooManyAttempts");
    return false;
  }
  try {
    const receipt = receiptFrom(event);
    if (receipt) await applyReceipt(deps.db, receipt);
    const update = residentUpdateFrom(event);
    if (update) {
      const resident = await applyResidentUpdate(deps.db, update);
      await (deps.afterResidentUpdated ?? afterResidentUpdated)(resident, withContent(deps.sealer, event));
    }
    return true;
  } catch (error) {
    const errorClass = error instanceof Error ? error.name : "UnknownError";
    // Ids and the event name only: payloads and error messages may hold personal data.
    deps.logger.warn("inbound event failed; retried later", {
      eventId: event.id.toString(),
      eventName: event.eventName,
      attempt: event.attempts,
      errorClass,
    });
    await markFailed(deps.db, event, errorClass);
    return false;
  }
}

/** Reads the resident change an event implies (zalo-oa.md §1 payload shapes); null when none. */
export function residentUpdateFrom(event: InboundEvent): ResidentUpdate | null {
  if (event.source !== "oa") return null;
  const payload = asRecord(event.payload);
  const userIdByApp = stringField(payload, "user_id_by_app");
  const at = eventTime(event, payload);
  if (event.eventName === "follow" || event.eventName === "unfollow") {
    const oaUserId = stringField(asRecord(payload.follower), "id");
    return oaUserId ? { oaUserId, userIdByApp, at, kind: event.eventName } : null;
  }
  // user → OA messages: `sender` is the user (for oa_send_* and receipts it is the OA, skipped).
  if (event.eventName.startsWith("user_send_")) {
    const oaUserId = stringField(asRecord(payload.sender), "id");
    return oaUserId ? { oaUserId, userIdByApp, at, kind: "interaction" } : null;
  }
  return null;
}

/** The body's ms timestamp; the receive time when absent or malformed. */
function eventTime(event: InboundEvent, payload: Record<string, unknown>): Date {
  const raw = event.eventTimestamp ?? stringField(payload, "timestamp");
  const ms = raw && /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : event.receivedAt;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function stringField(record: Record<string, unknown>, key: string): string | null {
  const value = record[key];
  return typeof value === "string" && value !== "" ? value : null;
}
