import { publicNoticeQuerySchema } from "@dvc/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../http/env";
import { validate } from "../../http/validate";
import { AppError } from "../../lib/errors";
import { readImage } from "./notices-repo";
import { findPublicNotice, listPublicNotices } from "./public-notices";
import { subscriptionRoutes } from "./subscription-routes";

const idParam = z.object({ id: z.string().max(64) });
const NOT_PUBLISHED = "Không tìm thấy thông báo này, hoặc thông báo đã hết hạn.";

/**
 * /api/notices: what residents see without signing in (the Mini App's "Thông báo" tab, the board):
 * published notices' public text and images only. /subscription (a signed-in citizen's commune for
 * notices on Zalo) comes first, so it is never read as a notice id.
 */
export function publicNoticeRoutes(deps: AppDeps) {
  const db = deps.database.db;
  return new Hono<AppEnv>()
    .route("/subscription", subscriptionRoutes(deps))
    .get("/", validate("query", publicNoticeQuerySchema), async (c) => {
      const { communeCode } = c.req.valid("query");
      return c.json({ communeCode, notices: await listPublicNotices(db, communeCode, new Date()) }, 200);
    })
    .get("/:id", validate("param", idParam), async (c) => {
      const notice = await findPublicNotice(db, c.req.valid("param").id, new Date());
      if (!notice) throw new AppError("NOT_FOUND", NOT_PUBLISHED);
      return c.json(notice, 200);
    })
    .get("/:id/image", validate("param", idParam), async (c) => {
      const notice = await findPublicNotice(db, c.req.valid("param").id, new Date());
      const image = notice?.hasImage ? await readImage(db, notice.id) : undefined;
      if (!image) throw new AppError("NOT_FOUND", NOT_PUBLISHED);
      return c.body(new Uint8Array(image.bytes), 200, { "Content-Type": image.contentType });
    });
}
