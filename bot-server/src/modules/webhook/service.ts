import { createHash } from "node:crypto";
import type { Config } from "../../config";
import { AppError } from "../../lib/errors";
import { asRecord, HANDLED_EVENT_NAMES, readEventFields, type ZaloEventFields } from "./events";
import type { StoreInboundEvent } from "./repo";
import { verifyZaloSignature } from "./signature";

export interface Delivery {
  rawBody: string;
  /** X-ZEvent-Signature */
  signature: string | undefined;
  /** X-ZEvent-Server: "ZNS" for ZNS events, "OA OpenAPI" otherwise [C: ZNSDOC, CW]. */
  server: string | undefined;
}

export interface Accepted {
  eventName: string;
  status: "pending" | "ignored";
  source: "oa" | "zns";
  /** False when the dedupe key was already stored (a Zalo retry or a concurrent duplicate). */
  stored: boolean;
}

const badSignature = () => new AppError("UNAUTHENTICATED", "Chữ ký webhook Zalo không hợp lệ.");

/**
 * Parse, verify, store once (WH-1, WH-4, WH-5). No processing here (WH-3): a worker picks `pending` rows.
 * The body is parsed first because the signature covers the body's own `app_id` and `timestamp`.
 * There is deliberately no freshness check (WH-2 is waived for this route): Zalo retries for hours
 * (§1 "Timing/retries" [U]), so an old timestamp is normal; the dedupe key makes replays harmless.
 */
export async function acceptZaloEvent(
  store: StoreInboundEvent,
  config: Config,
  delivery: Delivery,
): Promise<Accepted> {
  const body = parseObject(delivery.rawBody);
  const fields = readEventFields(body);
  // An unsigned probe (Zalo's console may POST `{}`, §1 [U]) has no app_id/timestamp: 401 like any
  // unsigned request. Answering 200 would let anyone learn nothing, but storing it would let anyone
  // fill the table; we chose 401 and nothing stored (revisit if the console refuses to save the URL).
  if (fields.appId === undefined || fields.timestamp === undefined) throw badSignature();
  const signed = verifyZaloSignature(delivery.signature, {
    appId: fields.appId,
    rawBody: delivery.rawBody,
    timestamp: fields.timestamp,
    secret: config.zalo.oaSecretKey,
  });
  // A correctly signed event for another app is still not ours (the OA secret may be shared).
  if (!signed || fields.appId !== config.zalo.appId) throw badSignature();

  const status = HANDLED_EVENT_NAMES.has(fields.eventName) ? "pending" : "ignored";
  const source = delivery.server?.trim().toUpperCase() === "ZNS" ? "zns" : "oa";
  const stored = await store({
    dedupeKey: dedupeKey(fields, delivery.rawBody, source),
    eventName: fields.eventName,
    source,
    appId: fields.appId,
    payload: body,
    rawBody: delivery.rawBody,
    status,
    eventTimestamp: fields.timestamp,
  });
  return { eventName: fields.eventName, status, source, stored };
}

/**
 * One key per real event: `message.msg_id` identifies a message [C: §1 "dedupe on message.msg_id"];
 * (ZNS receipts prefixed "zns:"); follow/unfollow have none, so the follower and the event's own timestamp;
 * anything else the body's hash
 * (Zalo retries resend the same bytes).
 */
export function dedupeKey(fields: ZaloEventFields, rawBody: string, source: "oa" | "zns" = "oa"): string {
  // OA and ZNS delivery receipts share event names (user_received_message): the source keeps them apart.
  if (fields.msgId) return `${source === "zns" ? "zns:" : ""}${fields.eventName}:${fields.msgId}`;
  if ((fields.eventName === "follow" || fields.eventName === "unfollow") && fields.followerId) {
    return `${fields.eventName}:${fields.followerId}:${fields.timestamp ?? ""}`;
  }
  return `sha256:${createHash("sha256").update(rawBody, "utf8").digest("hex")}`;
}

/** JSON.parse keeps Zalo's string ids as strings; a body that is not a JSON object is 400. */
function parseObject(rawBody: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new AppError("MALFORMED_JSON");
  }
  const object = asRecord(parsed);
  if (!object) throw new AppError("BAD_REQUEST", "Sự kiện webhook phải là một đối tượng JSON.");
  return object;
}
