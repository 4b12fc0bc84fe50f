import { cleanText } from "@dvc/shared";

/**
 * The part of a Zalo event kept in plain sight (inbound_events.payload): who, what kind, when, which
 * message — never what the resident wrote or sent (text, attachments, locations), which stays only in
 * the sealed raw body. Known fields are picked by name (zalo-oa.md §1 payload shapes [C]); an event of
 * an unknown shape keeps just its name and ids. Each kept string is cleaned (shared/text/clean.ts) and
 * capped, so jsonb always accepts it (no NUL, no lone surrogate) and no field can grow the row.
 */

/** Zalo's ids are up to ~20 digits or 32 hex characters; names are short. */
const MAX_FIELD_CHARS = 128;
/** `user_seen_message` lists the messages seen; a real one names a handful. */
const MAX_SEEN_IDS = 100;

const TOP_LEVEL = ["app_id", "event_name", "timestamp", "oa_id", "user_id_by_app"] as const;
const PARTIES = ["sender", "recipient", "follower"] as const;

export type Envelope = Record<string, unknown>;

function keptString(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const capped = cleanText(value).slice(0, MAX_FIELD_CHARS);
  // A cap through an emoji keeps half of its surrogate pair, which jsonb refuses (22P05): drop that half.
  return /[\uD800-\uDBFF]$/.test(capped) ? capped.slice(0, -1) : capped;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function envelopeOf(body: Record<string, unknown>): Envelope {
  const envelope: Envelope = {};
  for (const key of TOP_LEVEL) {
    const value = keptString(body[key]);
    if (value !== undefined) envelope[key] = value;
  }
  for (const party of PARTIES) {
    const id = keptString(asRecord(body[party])?.id);
    if (id !== undefined) envelope[party] = { id };
  }
  const message = asRecord(body.message);
  if (message) {
    const kept: Record<string, unknown> = {};
    const msgId = keptString(message.msg_id);
    if (msgId !== undefined) kept.msg_id = msgId;
    if (Array.isArray(message.msg_ids)) {
      kept.msg_ids = message.msg_ids
        .slice(0, MAX_SEEN_IDS)
        .map(keptString)
        .filter((id): id is string => id !== undefined);
    }
    envelope.message = kept;
  }
  return envelope;
}
