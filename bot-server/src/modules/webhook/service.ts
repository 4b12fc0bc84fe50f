import { createHash } from "node:crypto";
import type { Config } from "../../config";
import { SEALED } from "../../db/sealed-places";
import { MAX_JSON_DEPTH, parseJsonTruncated } from "../../lib/bounded-json";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { asRecord, envelopeOf } from "./envelope";
import { HANDLED_EVENT_NAMES, readEventFields, type ZaloEventFields } from "./events";
import { eventTimeOf, withinReplayWindow } from "./replay-window";
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

export interface AcceptDeps {
  store: StoreInboundEvent;
  config: Config;
  sealer: Sealer;
  now?: () => Date;
}

const badSignature = () => new AppError("UNAUTHENTICATED", "Chữ ký webhook Zalo không hợp lệ.");

/**
 * Parse, verify, store once (WH-1, WH-4, WH-5). No processing here (WH-3): a worker picks `pending` rows.
 * The body is parsed first because the signature covers the body's own `app_id` and `timestamp`.
 *
 * Whatever a correctly signed body holds, it is stored and answered 200, so Zalo stops resending it:
 * nesting deeper than MAX_JSON_DEPTH is cut from the parsed copy (never from the stored bytes); the
 * plain-sight envelope keeps only cleaned, capped names and ids; the body itself is sealed (its NULs,
 * lone surrogates and all), never given to jsonb. An event older than the replay window (or from the
 * future) is refused with STALE_EVENT: its dedupe key may be gone, so it could otherwise be stored twice.
 */
export async function acceptZaloEvent(deps: AcceptDeps, delivery: Delivery): Promise<Accepted> {
  const { store, config, sealer } = deps;
  const body = parseObject(delivery.rawBody);
  const envelope = envelopeOf(body);
  const fields = readEventFields(envelope);
  // An unsigned probe (Zalo's console may POST `{}`, §1 [U]) has no app_id/timestamp: 401 like any
  // unsigned request; storing it would let anyone fill the table.
  if (fields.appId === undefined || fields.timestamp === undefined) throw badSignature();
  // Verified over the body's own fields as sent, not the cleaned copies.
  const signed = verifyZaloSignature(delivery.signature, {
    appId: String(body.app_id),
    rawBody: delivery.rawBody,
    timestamp: String(body.timestamp),
    secret: config.zalo.oaSecretKey,
  });
  // A correctly signed event for another app is still not ours (the OA secret may be shared).
  if (!signed || body.app_id !== config.zalo.appId) throw badSignature();

  const eventAt = eventTimeOf(String(body.timestamp));
  if (!eventAt) throw new AppError("BAD_REQUEST", "Thời điểm (timestamp) của sự kiện không hợp lệ.");
  if (!withinReplayWindow(eventAt, (deps.now ?? (() => new Date()))())) throw new AppError("STALE_EVENT");

  const status = HANDLED_EVENT_NAMES.has(fields.eventName) ? "pending" : "ignored";
  const source = delivery.server?.trim().toUpperCase() === "ZNS" ? "zns" : "oa";
  const key = dedupeKey(fields, delivery.rawBody, source);
  const stored = await store({
    dedupeKey: key,
    eventName: fields.eventName,
    source,
    appId: fields.appId,
    payload: source === "zns" ? withoutPhone(envelope) : envelope,
    rawBodySealed: sealer.seal(delivery.rawBody, SEALED.inboundRawBody(key)),
    status,
    eventTimestamp: fields.timestamp,
    eventAt,
  });
  return { eventName: fields.eventName, status, source, stored };
}

/**
 * A ZNS receipt names its recipient by phone number (zalo-oa.md §4 [C]): kept only in the sealed body,
 * never in plain sight (PDP-2). The receipt is matched by its msg_id.
 */
function withoutPhone(envelope: Record<string, unknown>): Record<string, unknown> {
  const { recipient: _phone, ...rest } = envelope;
  return rest;
}

/** An id fit to be part of a key: Zalo's are digits or hex; anything else is keyed by the body's hash. */
const PLAIN_ID = /^[A-Za-z0-9_.:-]{1,128}$/;

/**
 * One key per real event: `message.msg_id` identifies a message [C: §1 "dedupe on message.msg_id"]
 * (ZNS receipts prefixed "zns:"); follow/unfollow have none, so the follower and the event's own
 * timestamp; anything else, or an id of a strange shape, the body's hash (Zalo retries resend the same
 * bytes).
 */
export function dedupeKey(fields: ZaloEventFields, rawBody: string, source: "oa" | "zns" = "oa"): string {
  const name = PLAIN_ID.test(fields.eventName) ? fields.eventName : "event";
  // OA and ZNS delivery receipts share event names (user_received_message): the source keeps them apart.
  if (fields.msgId && PLAIN_ID.test(fields.msgId)) {
    return `${source === "zns" ? "zns:" : ""}${name}:${fields.msgId}`;
  }
  const follow = fields.eventName === "follow" || fields.eventName === "unfollow";
  if (follow && fields.followerId && PLAIN_ID.test(fields.followerId)) {
    return `${name}:${fields.followerId}:${fields.timestamp ?? ""}`;
  }
  return `sha256:${createHash("sha256").update(rawBody, "utf8").digest("hex")}`;
}

/** JSON.parse keeps Zalo's string ids as strings; a body that is not a JSON object is 400. */
function parseObject(rawBody: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = parseJsonTruncated(rawBody, MAX_JSON_DEPTH);
  } catch {
    throw new AppError("MALFORMED_JSON");
  }
  const object = asRecord(parsed);
  if (!object) throw new AppError("BAD_REQUEST", "Sự kiện webhook phải là một đối tượng JSON.");
  return object;
}
