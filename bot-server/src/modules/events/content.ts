import { cleanStrings } from "@dvc/shared";
import { SEALED } from "../../db/sealed-places";
import { MAX_JSON_DEPTH, parseJsonTruncated } from "../../lib/bounded-json";
import type { Sealer } from "../../lib/crypto";
import type { InboundEvent } from "./claim";

/**
 * The event as Zalo sent it, for the handlers (the chatbot reads `message.text`): the stored row keeps
 * only the envelope in `payload` and the body sealed (webhook/service.ts). Opened here, bounded in depth
 * and cleaned like every input, and handed on with `payload` replaced by the whole event. A row from
 * before bodies were sealed still has its plain `raw_body`; a handled row has neither, and keeps its
 * envelope.
 */
export function withContent(sealer: Sealer, event: InboundEvent): InboundEvent {
  const raw = event.rawBodySealed
    ? sealer.open(event.rawBodySealed, SEALED.inboundRawBody(event.dedupeKey))
    : event.rawBody;
  if (raw === null) return event;
  const parsed: unknown = parseJsonTruncated(raw, MAX_JSON_DEPTH);
  const body = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {};
  return { ...event, payload: cleanStrings(body) };
}
