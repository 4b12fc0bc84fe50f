import {
  INTEGRATION_API_KEY_HEADER,
  INTEGRATION_SIGNATURE_HEADER,
  INTEGRATION_TIMESTAMP_HEADER,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { SEALED } from "../../db/sealed-places";
import { countHits } from "../../http/rate-limit";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { findKeyByHashes, touchKey } from "./keys-repo";
import { signatureValid, timestampFresh } from "./signature";

/** The one-stop system a request was signed by. */
export interface IntegrationCaller {
  keyId: string;
  name: string;
  communeCodes: readonly string[];
}

/**
 * One answer for every failed check, so a caller learns nothing about which part was wrong beyond what
 * it can check itself (its clock, its key, its secret).
 */
const UNSIGNED = () =>
  new AppError(
    "UNAUTHENTICATED",
    'Yêu cầu không được xác thực. Kiểm tra X-Api-Key, X-Timestamp (giây Unix, lệch tối đa 5 phút) và X-Signature = hex(HMAC-SHA256(secret, timestamp + "." + nội dung gửi)).',
  );

export interface SignedRequest {
  header: (name: string) => string | undefined;
  /** The body's bytes as they arrived (empty for GET). */
  rawBody: Uint8Array;
}

/**
 * Checks the key (by its keyed hash; unknown or revoked → 401), the timestamp (±5 min → else 401) and the
 * signature over the raw bytes (constant time → else 401), before anything is read or written.
 */
export async function authenticate(
  db: Database,
  sealer: Sealer,
  request: SignedRequest,
  now: Date,
): Promise<IntegrationCaller> {
  const apiKey = request.header(INTEGRATION_API_KEY_HEADER);
  const timestamp = request.header(INTEGRATION_TIMESTAMP_HEADER);
  const signature = request.header(INTEGRATION_SIGNATURE_HEADER);
  if (!apiKey || !timestamp || !signature || apiKey.length > 200 || !/^[0-9a-fA-F]{64}$/.test(signature))
    throw UNSIGNED();
  if (!timestampFresh(timestamp, now)) throw UNSIGNED();
  const key = await findKeyByHashes(db, sealer.lookupHashes(apiKey));
  if (!key || key.revokedAt !== null) throw UNSIGNED();
  const secret = sealer.open(key.secretSealed, SEALED.integrationSecret(key.id));
  if (!signatureValid(secret, timestamp, request.rawBody, signature)) throw UNSIGNED();
  await touchKey(db, key.id, sealer.lookupHash(apiKey), now);
  return { keyId: key.id, name: key.name, communeCodes: key.communeCodes };
}

/**
 * Per key, counted in the shared rate_limits table like every other limit (http/rate-limit.ts): a
 * one-stop system syncing a backlog makes a few requests a second; a loop is stopped.
 */
export const INTEGRATION_RATE_RULES = [
  { name: "integration-1s", limit: 20, windowMs: 1_000 },
  { name: "integration-60s", limit: 600, windowMs: 60_000 },
] as const;

/** Throws RATE_LIMITED (with the seconds to wait) when the key is over a rule. */
export async function limitKey(db: Database, keyId: string, now: Date): Promise<void> {
  const hits = INTEGRATION_RATE_RULES.map((rule) => ({
    key: `${rule.name}|k:${keyId}`,
    windowStart: new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs),
    rule,
  }));
  const counts = await countHits(db, hits);
  let waitMs = 0;
  for (const hit of hits) {
    if ((counts.get(hit.key) ?? 0) <= hit.rule.limit) continue;
    waitMs = Math.max(waitMs, hit.windowStart.getTime() + hit.rule.windowMs - now.getTime());
  }
  if (waitMs > 0) {
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new AppError(
      "RATE_LIMITED",
      `Quá nhiều yêu cầu từ khoá này. Vui lòng đợi ${seconds} giây rồi thử lại.`,
      {
        details: { retryAfterSeconds: seconds },
      },
    );
  }
}
