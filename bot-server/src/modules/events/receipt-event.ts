import type { Receipt } from "../delivery";
import type { InboundEvent } from "./claim";

/**
 * A delivery receipt in an event's envelope (zalo-oa.md §0 [C]): `user_received_message` carries
 * `message.msg_id` (OA messages, and ZNS with the header X-ZEvent-Server: ZNS, source "zns");
 * `user_seen_message` carries `message.msg_ids[]` (OA only: ZNS has no "seen"). The time is the event's.
 */
export function receiptFrom(event: InboundEvent): Receipt | null {
  const message = record(record(event.payload).message);
  const at = eventAt(event);
  if (event.eventName === "user_received_message") {
    const id = message.msg_id;
    return typeof id === "string" && id !== "" ? { kind: "delivered", messageIds: [id], at } : null;
  }
  if (event.eventName === "user_seen_message" && event.source === "oa") {
    const ids = Array.isArray(message.msg_ids)
      ? message.msg_ids.filter((id): id is string => typeof id === "string" && id !== "")
      : [];
    return ids.length > 0 ? { kind: "seen", messageIds: ids, at } : null;
  }
  return null;
}

function eventAt(event: InboundEvent): Date {
  if (event.eventAt) return event.eventAt;
  const ms =
    event.eventTimestamp && /^\d+$/.test(event.eventTimestamp) ? Number(event.eventTimestamp) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms) : event.receivedAt;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
