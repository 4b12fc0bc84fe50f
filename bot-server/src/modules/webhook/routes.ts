import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../../http/env";
import { AppError } from "../../lib/errors";
import { inboundEventStore } from "./repo";
import { acceptZaloEvent } from "./service";

/**
 * The route sits before the browser-facing middleware (app.ts): its answer goes to Zalo's servers, so it
 * carries only what a JSON answer needs, set here at once rather than by rewriting every response.
 */
const WEBHOOK_ANSWER_HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
} as const;

/** WH-5: a Zalo event is small; anything over 64 KB is 413 (app.ts excepts this route from its 256 KB). */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

/**
 * WH-5's limit, cheap for the usual delivery. hono's bodyLimit first reads `c.req.raw.body`, which on
 * Node makes @hono/node-server build a full WHATWG Request and body stream for every event (in the
 * bench's ingest row that was about a fifth of the server's CPU per event). A body with a Content-Length cannot be longer than that (Node's
 * HTTP parser frames the body by it), so the header alone decides, and `c.req.text()` then reads the
 * socket through the adapter's direct path. A chunked body (no length) still goes through bodyLimit,
 * which counts bytes as they stream and stops at the limit.
 */
function webhookBodyLimit(): MiddlewareHandler<AppEnv> {
  const tooLarge = () => {
    throw new AppError("PAYLOAD_TOO_LARGE");
  };
  const streaming = bodyLimit({ maxSize: MAX_WEBHOOK_BODY_BYTES, onError: tooLarge });
  return async function webhookBodyLimitMiddleware(c, next) {
    const declared = c.req.header("Content-Length");
    if (
      declared === undefined ||
      !/^\d+$/.test(declared) ||
      c.req.header("Transfer-Encoding") !== undefined
    ) {
      return streaming(c, next);
    }
    if (Number(declared) > MAX_WEBHOOK_BODY_BYTES) tooLarge();
    await next();
  };
}

/**
 * POST /webhooks/zalo — Zalo OA and ZNS events (zalo-oa.md §1). Verify, store once, answer 200 within
 * Zalo's 2 s (WH-3). Logs carry the event name and whether it was new, never text or user ids.
 */
export function zaloWebhookRoutes({ database, config, logger, sealer }: AppDeps) {
  // One batcher per database handle (group commit of inserts): built with the routes, never global.
  const storeEvent = inboundEventStore(database.db);
  return new Hono<AppEnv>().post("/", webhookBodyLimit(), async (c) => {
    // The raw text, never re-serialised: the signature covers these exact bytes [C].
    const rawBody = await c.req.text();
    const accepted = await acceptZaloEvent(
      { store: storeEvent, config, sealer },
      {
        rawBody,
        signature: c.req.header("X-ZEvent-Signature"),
        server: c.req.header("X-ZEvent-Server"),
      },
    );
    logger.info("zalo webhook event", {
      requestId: c.get("requestId"),
      eventName: accepted.eventName,
      source: accepted.source,
      status: accepted.status,
      dedupe: accepted.stored ? "new" : "duplicate",
    });
    return c.json({ ok: true as const }, 200, WEBHOOK_ANSWER_HEADERS);
  });
}
