/**
 * Plain typed fetch for the routes that have no Hono RPC types yet. Built on api.ts (timeout, Vietnamese
 * ApiError); every answer is checked with the shared zod schema, so a changed contract fails loudly
 * instead of putting `undefined` on screen.
 * Signed-in calls carry `Authorization: Bearer <token>`; on a 401 the app signs in again once (silently
 * when it can, see session/session.ts) and repeats the request, so nothing typed is lost.
 */
import type { z } from "zod";
import { ApiError, apiUrl, call, type JsonResponse } from "../api";
import { reauthenticate, sessionToken } from "./session-token";

const BAD_RESPONSE_MESSAGE = "Máy chủ trả lời không đúng định dạng. Vui lòng thử lại sau ít phút.";

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** A JSON body. */
  json?: unknown;
  /** A multipart body (uploads). */
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Send the session token (default true). */
  auth?: boolean;
  /** The answer is a file: resolve with its Blob instead of JSON (errors are still read as JSON). */
  binary?: boolean;
}

/** A fetch Response as api.ts's `call` reads it; an empty body (204) reads as null. */
function asJsonResponse(response: Response, binary: boolean): JsonResponse<unknown> {
  return {
    ok: response.ok,
    status: response.status,
    headers: response.headers,
    json: async () => {
      if (binary && response.ok) return response.blob();
      const text = await response.text();
      return text === "" ? null : JSON.parse(text);
    },
  };
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<unknown> {
  const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.json);
  }
  return call(
    async (init) =>
      asJsonResponse(
        await fetch(apiUrl(path), { ...init, method: options.method ?? "GET", headers, body }),
        options.binary === true,
      ),
    options.signal,
    options.timeoutMs,
  );
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Sends a request and returns its raw JSON (null for an empty body). */
export async function requestRaw(path: string, options: RequestOptions = {}): Promise<unknown> {
  if (options.auth === false) return send(path, options, null);
  const token = sessionToken() ?? (await reauthenticate());
  try {
    return await send(path, options, token);
  } catch (error) {
    if (!isUnauthenticated(error)) throw error;
    return send(path, options, await reauthenticate());
  }
}

/** Sends a request and checks the answer against `schema`. */
export async function request<T>(
  path: string,
  schema: z.ZodType<T>,
  options: RequestOptions = {},
): Promise<T> {
  return parseAnswer(await requestRaw(path, options), schema);
}

export function parseAnswer<T>(body: unknown, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new ApiError("BAD_RESPONSE", BAD_RESPONSE_MESSAGE, null, null, { cause: parsed.error });
}

/** `/api/x?a=1`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? path : `${path}?${text}`;
}

/** Server errors worth retrying later: no answer, a timeout, a 5xx, a rate limit. */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const later: string[] = ["NETWORK", "RATE_LIMITED", "DB_UNAVAILABLE", "UPSTREAM_UNAVAILABLE"];
  if (later.includes(error.code)) return true;
  return error.status !== null && error.status >= 500;
}
