import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps, AppEnv } from "../../http/env";
import { AppError } from "../../lib/errors";
import { acceptZaloEvent } from "./service";

/** WH-5: a Zalo event is small; anything over 64 KB is 413 (app.ts excepts this route from its 256 KB). */
export const MAX_WEBHOOK_BODY_BYTES = 64 * 1024;

/**
 * POST /webhooks/zalo — Zalo OA and ZNS events (zalo-oa.md §1). Verify, store once, answer 200 within
 * Zalo's 2 s (WH-3). Logs carry the event name and whether it was new, never text or user ids.
 */
export function zaloWebhookRoutes({ database, config, logger }: AppDeps) {
  return new Hono<AppEnv>().post(
    "/",
    bodyLimit({
      maxSize: MAX_WEBHOOK_BODY_BYTES,
      onError: () => {
        throw new AppError("PAYLOAD_TOO_LARGE");
      },
    }),
    async (c) => {
      // The raw text, never re-serialised: the signature covers these exact bytes [C].
      const rawBody = await c.req.text();
      const accepted = await acceptZaloEvent(database.db, config, {
        rawBody,
        signature: c.req.header("X-ZEvent-Signature"),
        server: c.req.header("X-ZEvent-Server"),
      });
      logger.info("zalo webhook event", {
        requestId: c.get("requestId"),
        eventName: accepted.eventName,
        source: accepted.source,
        status: accepted.status,
        dedupe: accepted.stored ? "new" : "duplicate",
      });
      return c.json({ ok: true as const }, 200);
    },
  );
}
