import { asRecord, type Envelope } from "./envelope";

/**
 * Event names this server will process (zalo-oa.md §1 "Event names" [C]). Anything else with a valid
 * signature is stored as `ignored` and answered 200 (WH-5), so Zalo does not retry it for hours.
 * `user_received_message` covers both OA read receipts and ZNS delivery receipts: ZNS sends the same
 * name with the header `X-ZEvent-Server: ZNS` (§2 "Delivery webhook" [C: ZNSDOC, CW]).
 */
export const HANDLED_EVENT_NAMES: ReadonlySet<string> = new Set([
  "user_send_text",
  "user_send_image",
  "user_send_sticker",
  "user_send_location",
  "user_send_file",
  "user_send_link",
  "user_send_gif",
  "user_send_audio",
  "user_send_video",
  "follow",
  "unfollow",
  "user_received_message",
  "user_seen_message",
]);

/** The few fields the webhook reads before storing; ids and timestamps are strings [C]. */
export interface ZaloEventFields {
  appId: string | undefined;
  eventName: string;
  timestamp: string | undefined;
  msgId: string | undefined;
  followerId: string | undefined;
}

const asString = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** Reads the fields from an event's envelope (envelope.ts: cleaned, capped) without converting ids. */
export function readEventFields(envelope: Envelope): ZaloEventFields {
  return {
    appId: asString(envelope.app_id),
    eventName: asString(envelope.event_name) ?? "",
    timestamp: asString(envelope.timestamp),
    msgId: asString(asRecord(envelope.message)?.msg_id),
    followerId: asString(asRecord(envelope.follower)?.id),
  };
}
