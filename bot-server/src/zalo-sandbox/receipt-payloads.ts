/**
 * The receipts Zalo sends to the product's webhook after a message it accepted (zalo-oa.md §0
 * "Receipts", §1, §4 "Delivery webhook"), in Zalo's shapes: ids and times as strings [C].
 * - OA (cs, template by user id): `user_received_message` with `message.msg_id`, then
 *   `user_seen_message` with `message.msg_ids[]` [C]; header `X-ZEvent-Server: OA OpenAPI`.
 * - ZNS: `user_received_message` only (ZNS has no "seen" [C]) with `message.{msg_id, delivery_time,
 *   tracking_id}` and `recipient.id` the phone `84…`; header `X-ZEvent-Server: ZNS` [C].
 */

export type ZEventServer = "OA OpenAPI" | "ZNS";

interface Parties {
  sender: { id: string };
  recipient: { id: string };
}

/**
 * [U §0] which of sender/recipient is the user in an OA receipt is disputed. §1 [C: CW
 * delivery_status_service] has sender = OA, recipient = user, and the product reads receipts that way
 * (modules/events/process.ts: "for oa_send_* and receipts [sender] is the OA"). The one place to change.
 */
export function oaReceiptParties(oaId: string, userId: string): Parties {
  return { sender: { id: oaId }, recipient: { id: userId } };
}

export interface OaReceivedEvent extends Parties {
  app_id: string;
  event_name: "user_received_message";
  timestamp: string;
  message: { msg_id: string };
}

export interface OaSeenEvent extends Parties {
  app_id: string;
  event_name: "user_seen_message";
  timestamp: string;
  message: { msg_ids: string[] };
}

export interface ZnsReceivedEvent extends Parties {
  event_name: "user_received_message";
  message: { delivery_time: string; msg_id: string; tracking_id: string };
  app_id: string;
  timestamp: string;
}

export interface ReceiptContext {
  appId: string;
  oaId: string;
  now: Date;
}

export function oaReceivedEvent(ctx: ReceiptContext, userId: string, messageId: string): OaReceivedEvent {
  return {
    app_id: ctx.appId,
    event_name: "user_received_message",
    timestamp: String(ctx.now.getTime()),
    ...oaReceiptParties(ctx.oaId, userId),
    message: { msg_id: messageId },
  };
}

export function oaSeenEvent(ctx: ReceiptContext, userId: string, messageIds: string[]): OaSeenEvent {
  return {
    app_id: ctx.appId,
    event_name: "user_seen_message",
    timestamp: String(ctx.now.getTime()),
    ...oaReceiptParties(ctx.oaId, userId),
    message: { msg_ids: [...messageIds] },
  };
}

/** Key order as in ZNSDOC's sample (§4); `phone` is the `84…` form the message was sent to. */
export function znsReceivedEvent(
  ctx: ReceiptContext,
  input: { phone: string; messageId: string; trackingId: string },
): ZnsReceivedEvent {
  const time = String(ctx.now.getTime());
  return {
    sender: { id: ctx.oaId },
    recipient: { id: input.phone },
    event_name: "user_received_message",
    message: { delivery_time: time, msg_id: input.messageId, tracking_id: input.trackingId },
    app_id: ctx.appId,
    timestamp: time,
  };
}
