import { createHash } from "node:crypto";
import { safeEqual } from "../../lib/crypto";

/**
 * Zalo's webhook signature (zalo-oa.md §1 "Signature" [C: JAVA MacUtils.buildMac, ZNSDOC, CW]):
 * `mac = sha256(app_id + rawBody + timestamp + OA_SECRET_KEY)` in hex — a plain SHA-256 of the
 * concatenation, not an HMAC. `app_id` and `timestamp` are the body's own fields, `rawBody` the body
 * exactly as received, and the secret is the OA Secret Key (not the App Secret used for OAuth).
 */

const MAC_PREFIX = "mac=";

export interface MacInput {
  appId: string;
  rawBody: string;
  timestamp: string;
  secret: string;
}

/** The 64 lower-case hex characters of the mac, without the `mac=` prefix. */
export function zaloMac({ appId, rawBody, timestamp, secret }: MacInput): string {
  return createHash("sha256").update(`${appId}${rawBody}${timestamp}${secret}`, "utf8").digest("hex");
}

/**
 * Checks an `X-ZEvent-Signature` header in constant time. The header is observed as `mac=<64 hex>`
 * [C: ZNSDOC, CW]; the reference says it "may be prefixed mac=", so a bare hex value is accepted too
 * (the prefix carries no secret, accepting both costs nothing). Hex case is ignored for the same reason.
 */
export function verifyZaloSignature(header: string | undefined, input: MacInput): boolean {
  if (!header) return false;
  const trimmed = header.trim();
  const given = (trimmed.startsWith(MAC_PREFIX) ? trimmed.slice(MAC_PREFIX.length) : trimmed).toLowerCase();
  return safeEqual(given, zaloMac(input));
}
