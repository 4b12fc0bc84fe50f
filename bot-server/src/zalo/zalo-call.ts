import type { z } from "zod";
import { readCappedJson } from "../lib/capped-json";
import type { Logger } from "../lib/logger";
import { appsecretProof, OA_TIMEOUT_MS, oaEnvelopeSchema } from "./oa-contract";
import { OaError } from "./oa-error";
import type { OaTokenStore } from "./oa-token-store";
import { isTokenRefusal, kindOfZaloError } from "./zalo-error-codes";

/**
 * One authenticated call to a Zalo host that takes the OA access token — openapi.zalo.me and
 * business.openapi.zalo.me (zalo-oa.md §2, §4 [C]): header `access_token` (not Bearer) and
 * `appsecret_proof`; errors inside HTTP 200 bodies become an OaError of the kind zalo-error-codes.ts
 * gives; a refused token (-216/-220, ZNS -124) is refreshed once and the call retried once. Network
 * failures, timeouts and HTTP 5xx are `unavailable`, HTTP 429 `rate_limited`. Zalo's `message` is never
 * logged (it may echo what was sent), nor the body, nor anything but the path and codes.
 */

export type ZaloFetch = (input: string, init: RequestInit) => Promise<Response>;

export interface ZaloCallerOptions {
  baseUrl: string;
  appSecret: string;
  tokens: OaTokenStore;
  logger: Logger;
  /** Names the host in log lines ("zalo oa", "zalo zns"). */
  logName: string;
  timeoutMs?: number;
  fetch?: ZaloFetch;
}

/** POSTs `body` (JSON, or multipart for a FormData; GET when undefined) and reads the answer with `schema`. */
export type ZaloCall = <T extends z.ZodType>(path: string, body: unknown, schema: T) => Promise<z.infer<T>>;

export function createZaloCaller(options: ZaloCallerOptions): ZaloCall {
  const { baseUrl, appSecret, tokens, logger, logName } = options;
  const timeoutMs = options.timeoutMs ?? OA_TIMEOUT_MS;
  const doFetch: ZaloFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function send(path: string, token: string, body: unknown): Promise<unknown> {
    const headers: Record<string, string> = {
      access_token: token,
      appsecret_proof: appsecretProof(token, appSecret),
    };
    // FormData sets its own multipart content type (with the boundary).
    const multipart = body instanceof FormData;
    if (body !== undefined && !multipart) headers["content-type"] = "application/json";
    try {
      const response = await doFetch(`${baseUrl}${path}`, {
        method: body === undefined ? "GET" : "POST",
        headers,
        ...(body === undefined ? {} : { body: multipart ? body : JSON.stringify(body) }),
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        logger.warn(`${logName} http error`, { path, status: response.status });
        throw new OaError(response.status === 429 ? "rate_limited" : "unavailable", undefined);
      }
      return await readCappedJson(response);
    } catch (error) {
      if (error instanceof OaError) throw error;
      logger.warn(`${logName} unreachable`, { path, error });
      throw new OaError("unavailable", undefined, error);
    }
  }

  return async function call<T extends z.ZodType>(path: string, body: unknown, schema: T) {
    let token = await tokens.getAccessToken();
    let answer = await send(path, token, body);
    let envelope = oaEnvelopeSchema.safeParse(answer);
    if (envelope.success && isTokenRefusal(envelope.data.error)) {
      logger.warn(`${logName} token refused, refreshing once`, { path, zaloError: envelope.data.error });
      token = await tokens.forceRefresh(token);
      answer = await send(path, token, body);
      envelope = oaEnvelopeSchema.safeParse(answer);
    }
    if (!envelope.success) {
      logger.error(`${logName} answered an unknown shape`, { path });
      throw new OaError("unavailable", undefined);
    }
    const zaloError = envelope.data.error;
    if (zaloError !== 0) {
      const kind = kindOfZaloError(zaloError);
      // Zalo's message is not logged: it may echo what was sent.
      logger.warn(`${logName} refused`, { path, zaloError, kind });
      throw new OaError(kind, zaloError);
    }
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      logger.error(`${logName} answered an unknown shape`, {
        path,
        paths: parsed.error.issues.map((issue) => issue.path.join(".")),
      });
      throw new OaError("unavailable", undefined);
    }
    return parsed.data;
  };
}
