import type { SignInResponse } from "@dvc/shared";
import type { SQL } from "drizzle-orm";
import type { Database } from "../../bot-server/src/db/client";
import type { TestApp } from "./in-process-app";

/**
 * Calls into an in-process app as the Mini App would: JSON bodies, a bearer session token, and a
 * socket address (what getConnInfo reads, so per-address rate limits can be exercised without HTTP).
 */

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** The client's address as the socket would report it (default 203.0.113.10). */
  ip?: string;
  headers?: Record<string, string>;
}

export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export const DEFAULT_TEST_IP = "203.0.113.10";

/** A random documentation-range address (RFC 5737), so per-address counters of tests stay apart. */
export function randomTestIp(): string {
  return `198.51.100.${Math.floor(Math.random() * 254) + 1}`;
}

export async function call<T = unknown>(
  app: TestApp["app"],
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await app.request(
    path,
    {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    },
    { incoming: { socket: { remoteAddress: options.ip ?? DEFAULT_TEST_IP } } },
  );
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T, headers: response.headers };
}

/**
 * `call`, but a 429 is waited out (its Retry-After, in seconds) and asked again, as the officer area
 * does: for suites that make more requests per second as one officer than a person could, where the
 * rate limit is not what they test.
 */
export async function callPatiently<T = unknown>(
  app: TestApp["app"],
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult<T>> {
  for (let attempt = 1; ; attempt += 1) {
    const result = await call<T>(app, method, path, options);
    if (result.status !== 429 || attempt === 5) return result;
    const seconds = Number(result.headers.get("Retry-After") ?? "1");
    await new Promise((resolve) => setTimeout(resolve, (Number.isFinite(seconds) ? seconds : 1) * 1_000));
  }
}

/** POST /api/auth/zalo; throws unless it answers 200. */
export async function signIn(app: TestApp["app"], accessToken: string, ip?: string): Promise<SignInResponse> {
  const result = await call<SignInResponse>(app, "POST", "/api/auth/zalo", {
    body: { accessToken },
    ...(ip ? { ip } : {}),
  });
  if (result.status !== 200)
    throw new Error(`sign-in answered ${result.status}: ${JSON.stringify(result.body)}`);
  return result.body;
}

/** A raw query's rows: every driver's execute() answers {rows}; the generic PgDatabase type does not say so. */
export async function sqlRows(db: Database, query: SQL): Promise<{ rows: Record<string, unknown>[] }> {
  return (await db.execute(query)) as { rows: Record<string, unknown>[] };
}
