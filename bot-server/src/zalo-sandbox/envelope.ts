import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "../http/env";
import type { ZaloRefusal } from "./zalo-errors";

/**
 * Zalo's answer shapes (zalo-oa.md §2 [C]): `{"error":0,"message":"Success","data":{…}}` on success, and
 * every refusal in an HTTP 200 body — the product must read `error`, never the status.
 */

export function zaloOk(c: Context<AppEnv>, data?: unknown): Response {
  return c.json({ error: 0, message: "Success", ...(data === undefined ? {} : { data }) }, 200);
}

export function zaloRefuse(c: Context<AppEnv>, refusal: ZaloRefusal): Response {
  return c.json({ error: refusal.error, message: refusal.message }, 200);
}

/** The JSON body, or undefined when there is none or it does not parse (the caller answers -201). */
export async function readJson(c: Context<AppEnv>): Promise<unknown> {
  try {
    return (await c.req.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** GET parameters come as one URL-encoded JSON `data=` param (§2 [C]); undefined if absent or broken. */
export function readDataParam(c: Context<AppEnv>): unknown {
  const raw = c.req.query("data");
  if (raw === undefined) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return undefined;
  }
}

/** Answers about tokens and people are never cached on the way. */
export const noStoreAnswers: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header("Cache-Control", "no-store");
};
