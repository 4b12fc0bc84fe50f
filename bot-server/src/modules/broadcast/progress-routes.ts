import { type Context, Hono } from "hono";
import { z } from "zod";
import { clientAddress, trustedProxyList } from "../../http/client-address";
import type { AppDeps } from "../../http/env";
import { validate } from "../../http/validate";
import type { OfficerEnv } from "../officer-auth";
import { noticeProgress, noticeReport, resendFailed } from "./progress";

const idParam = z.object({ id: z.uuid({ error: "Mã thông báo không hợp lệ." }) });

/**
 * A notice's delivery for the officer area, under /api/officer/notices (mounted by the notices router):
 *   GET  /:id/progress       the live counts (the view polls it)
 *   GET  /:id/report         the counts and the failures with their reasons
 *   POST /:id/resend-failed  the failed rows back to the queue → {requeued}
 * Every role; the notice's commune scopes it (another commune's notice is a 404). Mounted only inside
 * the notices router, whose sign-in check and rate limit already ran: guarding again here would count
 * each request twice against the officer's limit.
 */
export function noticeProgressRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const trusted = trustedProxyList(deps.config.trustedProxies);
  const askerOf = (c: Context<OfficerEnv>) => ({
    officer: c.var.officer,
    addressHash: deps.sealer.lookupHash(clientAddress(c, trusted)),
  });
  return new Hono<OfficerEnv>()
    .get("/:id/progress", validate("param", idParam), async (c) =>
      c.json(await noticeProgress(db, c.var.officer, c.req.valid("param").id), 200),
    )
    .get("/:id/report", validate("param", idParam), async (c) =>
      c.json(await noticeReport(db, c.var.officer, c.req.valid("param").id), 200),
    )
    .post("/:id/resend-failed", validate("param", idParam), async (c) =>
      c.json(await resendFailed(db, askerOf(c), c.req.valid("param").id), 200),
    );
}
