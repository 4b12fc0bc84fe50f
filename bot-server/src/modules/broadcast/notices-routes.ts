import {
  noticeAudienceQuerySchema,
  noticeDraftInputSchema,
  noticeReturnInputSchema,
  noticeUpdateInputSchema,
  noticeVersionInputSchema,
} from "@dvc/shared";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { clientAddress, trustedProxyList } from "../../http/client-address";
import type { AppDeps } from "../../http/env";
import { officerApiRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { AppError } from "../../lib/errors";
import { type OfficerEnv, requireOfficer } from "../officer-auth";
import { previewAudience } from "./audience";
import {
  NOTICE_IMAGE_BODY_BYTES,
  NOTICE_IMAGE_TOO_LARGE,
  readOfficerNoticeImage,
  removeNoticeImage,
  setNoticeImage,
} from "./notice-image";
import { approveNotice, cancelNotice, returnNotice } from "./notice-review";
import {
  createNotice,
  getOfficerNotice,
  listOfficerNotices,
  type NoticeAsker,
  type NoticeDeps,
  submitNotice,
  updateNoticeContent,
} from "./notices-service";
import { noticeProgressRoutes } from "./progress-routes";

const idParam = z.object({ id: z.uuid({ error: "Mã thông báo không hợp lệ." }) });
const imageForm = z.object({
  file: z.instanceof(File, { error: "Vui lòng chọn một ảnh JPEG hoặc PNG để tải lên." }),
});

/** The image upload's path: app.ts lets it past the 256 KB JSON limit, this router applies its own. */
export const NOTICE_IMAGE_PATH = /^\/api\/officer\/notices\/[^/]+\/image$/;

/**
 * /api/officer/notices: a notice's life in the officer area (every role; each scoped to the officer's
 * commune, another commune's notice is a 404). The delivery views (progress, report, resend) are
 * composed in from progress-routes.ts.
 */
export function noticeRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const notices: NoticeDeps = {
    db,
    miniAppId: deps.config.zalo.miniAppId,
    followerTemplate: deps.config.zalo.templates.follower_notice,
  };
  const trusted = trustedProxyList(deps.config.trustedProxies);
  const askerOf = (c: Context<OfficerEnv>): NoticeAsker => ({
    officer: c.var.officer,
    addressHash: deps.sealer.lookupHash(clientAddress(c, trusted)),
  });
  return (
    new Hono<OfficerEnv>()
      .use(requireOfficer(db), officerApiRateLimit(deps))
      .get("/", async (c) => c.json(await listOfficerNotices(notices, c.var.officer), 200))
      .post("/", validate("json", noticeDraftInputSchema), async (c) =>
        c.json(await createNotice(notices, askerOf(c), c.req.valid("json")), 201),
      )
      .get("/audience", validate("query", noticeAudienceQuerySchema), async (c) =>
        c.json(await previewAudience(notices, c.var.officer, c.req.valid("query")), 200),
      )
      .get("/:id", validate("param", idParam), async (c) =>
        c.json(await getOfficerNotice(notices, c.var.officer, c.req.valid("param").id), 200),
      )
      .put("/:id", validate("param", idParam), validate("json", noticeUpdateInputSchema), async (c) =>
        c.json(
          await updateNoticeContent(notices, askerOf(c), {
            id: c.req.valid("param").id,
            input: c.req.valid("json"),
          }),
          200,
        ),
      )
      .post(
        "/:id/image",
        bodyLimit({
          maxSize: NOTICE_IMAGE_BODY_BYTES,
          onError: () => {
            throw new AppError("PAYLOAD_TOO_LARGE", NOTICE_IMAGE_TOO_LARGE);
          },
        }),
        validate("param", idParam),
        validate("form", imageForm),
        async (c) =>
          c.json(
            await setNoticeImage(notices, askerOf(c), {
              id: c.req.valid("param").id,
              file: c.req.valid("form").file,
            }),
            200,
          ),
      )
      .get("/:id/image", validate("param", idParam), async (c) => {
        const image = await readOfficerNoticeImage(notices, c.var.officer, c.req.valid("param").id);
        return c.body(new Uint8Array(image.bytes), 200, { "Content-Type": image.contentType });
      })
      .delete("/:id/image", validate("param", idParam), async (c) =>
        c.json(await removeNoticeImage(notices, askerOf(c), c.req.valid("param").id), 200),
      )
      .post(
        "/:id/submit",
        validate("param", idParam),
        validate("json", noticeVersionInputSchema),
        async (c) =>
          c.json(
            await submitNotice(notices, askerOf(c), c.req.valid("param").id, c.req.valid("json").version),
            200,
          ),
      )
      .post(
        "/:id/approve",
        validate("param", idParam),
        validate("json", noticeVersionInputSchema),
        async (c) =>
          c.json(
            await approveNotice(notices, askerOf(c), c.req.valid("param").id, c.req.valid("json").version),
            200,
          ),
      )
      .post("/:id/return", validate("param", idParam), validate("json", noticeReturnInputSchema), async (c) =>
        c.json(
          await returnNotice(notices, askerOf(c), { id: c.req.valid("param").id, ...c.req.valid("json") }),
          200,
        ),
      )
      .post(
        "/:id/cancel",
        validate("param", idParam),
        validate("json", noticeVersionInputSchema),
        async (c) =>
          c.json(
            await cancelNotice(notices, askerOf(c), c.req.valid("param").id, c.req.valid("json").version),
            200,
          ),
      )
      // Progress, report and send-again: behind the same sign-in and rate limit as the routes above.
      .route("/", noticeProgressRoutes(deps))
  );
}
