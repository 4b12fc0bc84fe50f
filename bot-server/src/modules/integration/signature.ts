import { createHmac } from "node:crypto";
import { INTEGRATION_CLOCK_SKEW_SECONDS, integrationSigningInput } from "@dvc/shared";
import { safeEqual } from "../../lib/crypto";

/**
 * hex(HMAC-SHA256(secret, timestamp + "." + rawBody)): what the caller signs (shared/src/api/integration.ts).
 * Over the body's bytes as they arrived: text decoding first would map different invalid bytes to the
 * same replacement character, so two different bodies could carry one signature.
 */
export function expectedSignature(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  const hmac = createHmac("sha256", secret);
  if (typeof rawBody === "string")
    return hmac.update(integrationSigningInput(timestamp, rawBody), "utf8").digest("hex");
  return hmac.update(integrationSigningInput(timestamp, ""), "utf8").update(rawBody).digest("hex");
}

/**
 * Whether X-Timestamp (unix seconds) is within ±5 minutes of `now`: a request captured on the wire
 * cannot be sent again later (within the window, `eventId` makes a replay harmless).
 */
export function timestampFresh(timestamp: string, now: Date): boolean {
  if (!/^\d{1,12}$/.test(timestamp)) return false;
  return Math.abs(now.getTime() / 1000 - Number(timestamp)) <= INTEGRATION_CLOCK_SKEW_SECONDS;
}

/** Compared in constant time (a timing difference would leak the signature byte by byte). */
export function signatureValid(
  secret: string,
  timestamp: string,
  rawBody: string | Uint8Array,
  signature: string,
): boolean {
  return safeEqual(expectedSignature(secret, timestamp, rawBody), signature.toLowerCase());
}
