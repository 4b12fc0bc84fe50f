/**
 * The typed client for the bot-server. Types come from the server's routes (`AppType`, a type-only
 * import: no server code is bundled), so a renamed route or field fails `tsc` here.
 * Every call resolves with the typed body or rejects with an `ApiError` whose message is Vietnamese
 * and fit to show as is.
 */
import type { AppType } from "@dvc/bot-server/app";
import type { CommuneDetail, CommuneSummary, ErrorCode } from "@dvc/shared";
import { hc } from "hono/client";

/** Long enough for a slow 3G answer, short enough that a dead connection does not spin forever. */
export const REQUEST_TIMEOUT_MS = 15_000;

export const NETWORK_ERROR_MESSAGE = "Không kết nối được máy chủ. Vui lòng kiểm tra mạng và thử lại.";
const BAD_RESPONSE_MESSAGE = "Máy chủ đang bận hoặc gặp sự cố. Vui lòng thử lại sau ít phút.";

/** The server's codes, plus the two failures that happen before a usable answer arrives. */
export type ApiErrorCode = ErrorCode | "NETWORK" | "BAD_RESPONSE";

export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    /** HTTP status, or null when no answer arrived. */
    readonly status: number | null = null,
    /** The server's request id, to quote when reporting a problem. */
    readonly requestId: string | null = null,
    options?: { cause?: unknown; body?: unknown },
  ) {
    super(message, options);
    this.body = options?.body ?? null;
  }

  /** The whole error body, for codes that carry more than a message (a 409's `current` draft). */
  readonly body: unknown;
}

/**
 * Same origin by default (the web preview is served by the bot-server). Inside Zalo the page comes from
 * h5.zdn.vn, so the build sets VITE_API_BASE_URL to the server's absolute URL.
 */
export function apiBaseUrl(): string {
  return import.meta.env.VITE_API_BASE_URL || window.location.origin;
}

export const client = hc<AppType>(apiBaseUrl());

/** An absolute URL on the bot-server for a path like "/api/drafts". */
export function apiUrl(path: string): string {
  return new URL(path, apiBaseUrl()).toString();
}

/** What `call` needs from a response: a Hono client response, or a plain fetch one (api/http.ts). */
export interface JsonResponse<T> {
  ok: boolean;
  status: number;
  headers: Headers;
  json(): Promise<T>;
}

/**
 * Sends one request with a timeout covering the headers and the body, forwarding the caller's
 * cancellation. A cancelled call rejects with the fetch AbortError (callers ignore it); every other
 * failure becomes an ApiError.
 */
export async function call<T>(
  send: (init: RequestInit) => Promise<JsonResponse<T>>,
  signal: AbortSignal | undefined,
  timeoutMs: number = REQUEST_TIMEOUT_MS,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const forwardAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  signal?.addEventListener("abort", forwardAbort);
  try {
    let response: JsonResponse<T>;
    try {
      response = await send({ signal: controller.signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError("NETWORK", NETWORK_ERROR_MESSAGE, null, null, { cause: error });
    }
    if (!response.ok) throw await serverError(response);
    try {
      return await response.json();
    } catch (error) {
      if (signal?.aborted) throw error;
      // Timed out while reading the body: the connection failed. Otherwise the answer was not JSON.
      throw controller.signal.aborted
        ? new ApiError("NETWORK", NETWORK_ERROR_MESSAGE, null, null, { cause: error })
        : new ApiError("BAD_RESPONSE", BAD_RESPONSE_MESSAGE, response.status, null, { cause: error });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", forwardAbort);
  }
}

/** Reads the `{code, message, requestId}` envelope; a proxy's HTML error page gets a generic message. */
async function serverError(response: JsonResponse<unknown>): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  const headerRequestId = response.headers.get("X-Request-Id");
  if (isErrorBody(body)) {
    return new ApiError(body.code, body.message, response.status, body.requestId ?? headerRequestId, {
      body,
    });
  }
  return new ApiError("BAD_RESPONSE", BAD_RESPONSE_MESSAGE, response.status, headerRequestId);
}

/** A structural check, not the shared zod schema: a runtime import of @dvc/shared would bundle zod for one shape. */
function isErrorBody(body: unknown): body is { code: ErrorCode; message: string; requestId?: string } {
  return (
    typeof body === "object" &&
    body !== null &&
    "code" in body &&
    typeof body.code === "string" &&
    "message" in body &&
    typeof body.message === "string" &&
    body.message !== ""
  );
}

/**
 * Communes of a province (Hà Nội, the server's default, when none is given) whose new or pre-2025 name
 * matches `query`, diacritics optional; all of them when the query is empty.
 */
export async function searchCommunes(
  query: string,
  signal?: AbortSignal,
  province?: string,
): Promise<CommuneSummary[]> {
  const q = query.trim();
  const body = await call(
    (init) =>
      client.api.units.communes.$get(
        { query: { ...(q === "" ? {} : { q }), ...(province ? { province } : {}) } },
        { init },
      ),
    signal,
  );
  return body.communes;
}

export function getCommune(code: string, signal?: AbortSignal): Promise<CommuneDetail> {
  return call((init) => client.api.units.communes[":code"].$get({ param: { code } }, { init }), signal);
}
