import { createHash } from "node:crypto";
import { AppError } from "../lib/errors";
import type { ZEventServer } from "./receipt-payloads";

/**
 * The sandbox's side of Zalo's webhook delivery: sign a body and POST it to the product's webhook URL,
 * with the headers Zalo sends (zalo-oa.md §1 "Headers" and "Signature").
 */

/** OB-7: no outbound call may hold a request longer than 10 s (Zalo itself gives the webhook 2 s). */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/** How much of a refusal's body is read back to show on the page. */
const MAX_REFUSAL_CHARS = 1_000;

/**
 * `mac=` + hex(sha256(app_id + rawBody + timestamp + OA secret key)), a plain SHA-256, not an HMAC [C].
 * Written out here rather than imported from the webhook module: a signer that reused the verifier's
 * function would agree with any mistake in it, and the sandbox is meant to catch such mistakes.
 */
export function signLikeZalo(input: {
  appId: string;
  rawBody: string;
  timestamp: string;
  oaSecretKey: string;
}): string {
  const data = `${input.appId}${input.rawBody}${input.timestamp}${input.oaSecretKey}`;
  return `mac=${createHash("sha256").update(data, "utf8").digest("hex")}`;
}

export interface WebhookDelivery {
  /** The webhook's HTTP status. */
  status: number;
  /** The webhook's `message` when it refused the event (its error envelope), for the page to show. */
  refusal: string | null;
}

/**
 * Serialises `event` once, signs exactly those bytes and POSTs them to `webhookUrl`. A network failure
 * or timeout is UPSTREAM_UNAVAILABLE; any HTTP answer, refusals included, is returned as it is.
 * `server` is the `X-ZEvent-Server` header: "ZNS" for ZNS receipts, "OA OpenAPI" otherwise (§1 [C]).
 */
export async function deliverZaloEvent(
  webhookUrl: URL,
  event: { app_id: string; timestamp: string },
  oaSecretKey: string,
  fetchImpl: typeof fetch = fetch,
  server: ZEventServer = "OA OpenAPI",
): Promise<WebhookDelivery> {
  const rawBody = JSON.stringify(event);
  const signature = signLikeZalo({ appId: event.app_id, rawBody, timestamp: event.timestamp, oaSecretKey });
  let response: Response;
  try {
    response = await fetchImpl(webhookUrl, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-ZEvent-Signature": signature,
        "X-ZEvent-Server": server,
        "User-Agent": "ZaloWebhook",
      },
      body: rawBody,
      redirect: "manual",
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
  } catch (error) {
    throw new AppError(
      "UPSTREAM_UNAVAILABLE",
      "Không gửi được sự kiện tới /webhooks/zalo của máy chủ. Vui lòng thử lại sau giây lát.",
      { cause: error },
    );
  }
  const body = (await response.text().catch(() => "")).slice(0, MAX_REFUSAL_CHARS);
  return { status: response.status, refusal: response.ok ? null : refusalMessage(body) };
}

/** The `message` of the server's error envelope, else the body's start (an unexpected answer). */
function refusalMessage(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && "message" in parsed) {
      const { message } = parsed;
      if (typeof message === "string") return message;
    }
  } catch {
    // Not JSON: fall through to the raw text.
  }
  return body.slice(0, 200);
}
