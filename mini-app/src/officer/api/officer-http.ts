/**
 * Requests to /api/officer/*, on the house helper (api/http.ts: timeout, Vietnamese ApiError, zod
 * check of every answer) but with the officer's token instead of the citizen's: `auth: false` keeps the
 * citizen's silent re-sign-in out of it, and the officer's own header is sent instead. A 401 ends the
 * officer's session (the area then asks to sign in again over the open page) and still rejects, so the
 * screen that asked keeps what was typed and can say the request did not go through.
 */
import type { z } from "zod";
import { ApiError } from "../../api";
import { parseAnswer, type RequestOptions, requestRaw } from "../../api/http";
import { expireOfficerSession, getOfficerSession, SESSION_EXPIRED_MESSAGE } from "../session/officer-session";

export type OfficerRequestOptions = Omit<RequestOptions, "auth" | "binary">;

export async function officerRequestRaw(path: string, options: OfficerRequestOptions = {}): Promise<unknown> {
  const session = getOfficerSession();
  if (session === null) throw new ApiError("UNAUTHENTICATED", SESSION_EXPIRED_MESSAGE, 401);
  try {
    return await requestRaw(path, {
      ...options,
      auth: false,
      headers: { ...options.headers, Authorization: `Bearer ${session.token}` },
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) expireOfficerSession(session.token);
    throw error;
  }
}

export async function officerRequest<T>(
  path: string,
  schema: z.ZodType<T>,
  options: OfficerRequestOptions = {},
): Promise<T> {
  return parseAnswer(await officerRequestRaw(path, options), schema);
}

/** By shape, not `instanceof`: fetch's Blob and the page's may be different classes (tests, polyfills). */
function isBlob(value: unknown): value is Blob {
  return typeof value === "object" && value !== null && "size" in value && "arrayBuffer" in value;
}

/** A file the officer may open (an attachment), as a Blob; errors are read like any other answer. */
export async function officerFile(path: string, signal?: AbortSignal): Promise<Blob> {
  const session = getOfficerSession();
  if (session === null) throw new ApiError("UNAUTHENTICATED", SESSION_EXPIRED_MESSAGE, 401);
  try {
    const answer = await requestRaw(path, {
      auth: false,
      binary: true,
      ...(signal ? { signal } : {}),
      headers: { Authorization: `Bearer ${session.token}` },
    });
    if (!isBlob(answer)) throw new ApiError("BAD_RESPONSE", "Không mở được tệp. Vui lòng thử lại.");
    return answer;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) expireOfficerSession(session.token);
    throw error;
  }
}

/** Per-field messages of a 400 (`{fields: {"supplement.message": "…"}}`), empty for any other error. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || typeof error.body !== "object" || error.body === null) return {};
  const fields: unknown = (error.body as { fields?: unknown }).fields;
  if (typeof fields !== "object" || fields === null) return {};
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
