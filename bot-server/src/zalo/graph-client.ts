import { cleanText, type ErrorCode } from "@dvc/shared";
import type { z } from "zod";
import { readCappedJson } from "../lib/capped-json";
import { AppError } from "../lib/errors";
import type { Logger } from "../lib/logger";
import {
  appsecretProof,
  GRAPH_PATHS,
  GRAPH_TIMEOUT_MS,
  graphEnvelopeSchema,
  ME_FIELDS,
  meResponseSchema,
  phoneResponseSchema,
  SEND_APPSECRET_PROOF,
  TRANSIENT_ERROR_CODES,
} from "./graph-contract";

/**
 * Zalo's Graph API for Mini App users: who holds this access token (sign-in), and the phone number behind
 * a getPhoneNumber token. The same client talks to graph.zalo.me in production and to this server's
 * /sandbox/graph in sandbox mode: only the base URL differs (config.zalo.graphBaseUrl).
 */

export interface ZaloUser {
  /** The per-app user id (numeric string). */
  id: string;
  name: string | undefined;
  avatarUrl: string | undefined;
}

export interface GraphClient {
  getMe(accessToken: string): Promise<ZaloUser>;
  /** The phone number as Zalo gives it ("849…"), not yet normalised. */
  getPhoneNumber(accessToken: string, phoneToken: string): Promise<string>;
}

export interface GraphClientOptions {
  baseUrl: string;
  appSecret: string;
  logger: Logger;
  timeoutMs?: number;
  /** Default: the global fetch, looked up on every call (so msw in tests sees it). */
  fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** Zalo busy, down or slow: 503 with Retry-After, told apart from the database being away. */
const ZALO_UNAVAILABLE: ErrorCode = "UPSTREAM_UNAVAILABLE";

export const ZALO_MESSAGES = {
  busy: "Zalo đang bận, vui lòng thử lại sau ít phút. Thông tin của bạn vẫn được giữ.",
  signInRefused:
    "Zalo không xác nhận được tài khoản của bạn. Vui lòng đóng ứng dụng, mở lại rồi đăng nhập lại.",
  phoneRefused:
    "Zalo không xác nhận được số điện thoại. Vui lòng bấm lại nút lấy số điện thoại từ Zalo (mỗi lần bấm chỉ dùng được một lần, trong 2 phút).",
} as const;

/** A failure of a Graph call, already shaped as the answer the citizen gets; `zaloError` is for logs. */
export class ZaloGraphError extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    readonly zaloError: number | undefined,
    cause?: unknown,
  ) {
    super(code, message, { cause });
    this.name = "ZaloGraphError";
  }
}

type Endpoint = keyof typeof GRAPH_PATHS;

/** What fetch accepts in a header value without throwing (RFC 9110 field-value, visible ASCII). */
const HEADER_VALUE = /^[\x21-\x7E]+$/;

export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { baseUrl, appSecret, logger } = options;
  const timeoutMs = options.timeoutMs ?? GRAPH_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));
  const refusal: Record<Endpoint, { code: ErrorCode; message: string }> = {
    me: { code: "UNAUTHENTICATED", message: ZALO_MESSAGES.signInRefused },
    phone: { code: "BAD_REQUEST", message: ZALO_MESSAGES.phoneRefused },
  };

  const busy = (zaloError: number | undefined, cause?: unknown) =>
    new ZaloGraphError(ZALO_UNAVAILABLE, ZALO_MESSAGES.busy, zaloError, cause);

  /** One GET; resolves to the body once the envelope says success, else throws a ZaloGraphError. */
  async function call<T extends z.ZodType>(
    endpoint: Endpoint,
    url: string,
    headers: Record<string, string>,
    schema: T,
  ): Promise<z.infer<T>> {
    // Tokens are checked at the boundary (zaloTokenSchema); a value no header can carry is still Zalo's
    // refusal, never "Zalo is busy": nothing was sent.
    if (!Object.values(headers).every((value) => HEADER_VALUE.test(value))) {
      throw new ZaloGraphError(refusal[endpoint].code, refusal[endpoint].message, undefined);
    }
    let body: unknown;
    try {
      // Tokens travel in headers, never in the URL (ASVS 14.2.1); Zalo never redirects these calls.
      const response = await doFetch(url, {
        headers,
        redirect: "error",
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) {
        logger.warn("zalo graph http error", { endpoint, status: response.status });
        throw busy(undefined);
      }
      body = await readCappedJson(response);
    } catch (error) {
      if (error instanceof ZaloGraphError) throw error;
      logger.warn("zalo graph unreachable", { endpoint, error });
      throw busy(undefined, error);
    }
    const envelope = graphEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      logger.error("zalo graph answered an unknown shape", { endpoint });
      throw busy(undefined);
    }
    const zaloError = envelope.data.error;
    if (zaloError !== 0) {
      if (TRANSIENT_ERROR_CODES.has(zaloError)) {
        logger.warn("zalo graph busy", { endpoint, zaloError });
        throw busy(zaloError);
      }
      // Zalo's message is not logged: it may echo what was sent.
      logger.warn("zalo graph refused", { endpoint, zaloError });
      throw new ZaloGraphError(refusal[endpoint].code, refusal[endpoint].message, zaloError);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      logger.error("zalo graph answered an unknown shape", {
        endpoint,
        paths: parsed.error.issues.map((issue) => issue.path.join(".")),
      });
      throw busy(undefined);
    }
    return parsed.data;
  }

  return {
    async getMe(accessToken) {
      const headers: Record<string, string> = { access_token: accessToken };
      if (SEND_APPSECRET_PROOF) headers.appsecret_proof = appsecretProof(accessToken, appSecret);
      const url = `${baseUrl}${GRAPH_PATHS.me}?fields=${encodeURIComponent(ME_FIELDS)}`;
      const me = await call("me", url, headers, meResponseSchema);
      // A Zalo name is whatever its owner typed: cleaned like any text that enters (a NUL in it was 400).
      const name = me.name === undefined ? undefined : cleanText(me.name).trim();
      const avatarUrl = me.picture?.data?.url?.trim();
      return { id: me.id, name: name || undefined, avatarUrl: avatarUrl || undefined };
    },
    async getPhoneNumber(accessToken, phoneToken) {
      const headers = { access_token: accessToken, code: phoneToken, secret_key: appSecret };
      const answer = await call("phone", `${baseUrl}${GRAPH_PATHS.phone}`, headers, phoneResponseSchema);
      return answer.data.number;
    },
  };
}
