import { createHmac } from "node:crypto";
import { z } from "zod";

/**
 * What we know — and what we only believe — about Zalo's Graph API for Mini App users
 * (shared/reference/zalo-oa.md §3 "Mini App side", zalo-mini-app.md §1.4). [C] = confirmed by several
 * independent code bases, [U] = unconfirmed. Every [U] fact the client relies on lives in this file, so
 * the day Zalo's documentation says otherwise there is one place to change.
 */

export const GRAPH_PATHS = {
  /** [C] GET /v2.0/me?fields=id,name,picture with header access_token. */
  me: "/v2.0/me",
  /** [C] GET /v2.0/me/info with headers access_token, code (the phone token), secret_key (app secret). */
  phone: "/v2.0/me/info",
} as const;

export const ME_FIELDS = "id,name,picture";

/**
 * [U] appsecret_proof = hex HMAC-SHA256(access token, key = App Secret), sent as a header: said to be
 * mandatory since 2024-01-01 (SPEC); the official PHP SDK supports it. We always send it: a server that
 * does not ask for it ignores it, and one that does would otherwise refuse every sign-in.
 */
export const SEND_APPSECRET_PROOF = true;

export function appsecretProof(accessToken: string, appSecret: string): string {
  return createHmac("sha256", appSecret).update(accessToken).digest("hex");
}

/** Zalo's time budget per call: a slow Zalo must not hold a citizen's request (house rule OB-7: 10 s). */
export const GRAPH_TIMEOUT_MS = 10_000;

/**
 * Zalo answers most failures inside an HTTP 200 body: `{"error": -216, "message": "…"}`; 0 is success.
 * [U] `error` is documented as a number; a numeric string is accepted too, and a missing `error` on a
 * body that otherwise looks like a success is read as 0.
 */
const zaloErrorCode = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const graphEnvelopeSchema = z.object({
  error: zaloErrorCode.optional().default(0),
  message: z.string().optional(),
});

/** Zalo ids are numeric strings longer than 2^53: a JSON number here would already have lost digits. */
const zaloIdSchema = z.string().regex(/^\d{1,32}$/);

/**
 * [C] `{"id":"…","name":"…","picture":{"data":{"url":"…"}},"error":0,"message":"Success"}` (flat, no
 * `data` wrapper). [U] name and picture may be missing or empty when the user has not granted
 * scope.userInfo (zmp-sdk ≥ 2.35 exposes only the id by default): they are optional here.
 */
export const meResponseSchema = z.object({
  id: zaloIdSchema,
  name: z.string().max(200).optional(),
  picture: z.object({ data: z.object({ url: z.string().max(2048).optional() }).optional() }).optional(),
});

/** [C] `{"data":{"number":"849123456789"},"error":0,"message":"Success"}`; [U] the exact official format. */
export const phoneResponseSchema = z.object({
  data: z.object({ number: z.string().regex(/^\+?\d{8,15}$/) }),
});

/**
 * Error codes that mean "Zalo is overloaded, try again later" rather than "this token is no good"
 * (zalo-oa.md §7: -32 rate limit). Every other non-zero code is read as a refusal of the token. [U]
 * the Graph host uses the OA API's codes; -216/-220 (invalid/expired token) are the ones seen in code.
 */
export const TRANSIENT_ERROR_CODES: ReadonlySet<number> = new Set([-32]);
