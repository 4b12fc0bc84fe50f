import {
  dossierCodeSchema,
  idempotencyKeySchema,
  officerApologySchema,
  officerAuditQuerySchema,
  officerInboxQuerySchema,
  officerReplySchema,
  officerStatusChangeSchema,
} from "@dvc/shared";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { clientAddress, trustedProxyList } from "../../http/client-address";
import type { AppDeps } from "../../http/env";
import { officerApiRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { AppError } from "../../lib/errors";
import { defaultFileStorage } from "../../storage";
import { MAX_UPLOAD_BODY_BYTES } from "../files/routes";
import { type OfficerEnv, officerSessionRoutes, requireOfficer } from "../officer-auth";
import { readAttachment } from "./attachments";
import { communeAuditLog } from "./audit-log";
import { handBack, listConversations, replyToConversation, viewConversation } from "./conversations";
import { uploadResultFile } from "./result-file";
import { type Asker, apologizeForDelay, changeStatus, inbox, viewDossier } from "./service";

const codeParam = z.object({ code: dossierCodeSchema });
const fileParam = z.object({ code: dossierCodeSchema, id: z.uuid({ error: "Không tìm thấy tệp này." }) });
const resultFileForm = z.object({
  file: z.instanceof(File, { error: "Vui lòng chọn tệp kết quả (PDF hoặc ảnh) để tải lên." }),
});
const idParam = z.object({ id: z.uuid({ error: "Mã cuộc trò chuyện không hợp lệ." }) });
const headerSchema = z.object({
  "idempotency-key": z
    .string({ error: "Thiếu mã chống gửi trùng (Idempotency-Key). Vui lòng tải lại trang rồi thử lại." })
    .pipe(idempotencyKeySchema),
});

/**
 * /api/officer: the officer area's API. Sessions for every role; dossiers for the commune roles
 * (officer, leader), each query scoped to the officer's commune (another commune's dossier is a 404).
 */
export function officerRoutes(deps: AppDeps) {
  const { database, sealer } = deps;
  const db = database.db;
  const desk = { db, sealer, officerReplyTemplate: deps.config.zalo.templates.officer_reply };
  const files = { ...desk, storage: defaultFileStorage({ db, dataDir: deps.config.dataDir }) };
  const trusted = trustedProxyList(deps.config.trustedProxies);
  const askerOf = (c: Context<OfficerEnv>): Asker => ({
    officer: c.var.officer,
    addressHash: sealer.lookupHash(clientAddress(c, trusted)),
  });
  const dossierRoutes = new Hono<OfficerEnv>()
    .use(requireOfficer(db, ["officer", "leader"]), officerApiRateLimit(deps))
    .get("/", validate("query", officerInboxQuerySchema), async (c) =>
      c.json(await inbox(desk, c.var.officer, c.req.valid("query")), 200),
    )
    .get("/:code", validate("param", codeParam), async (c) =>
      c.json(await viewDossier(desk, askerOf(c), c.req.valid("param").code), 200),
    )
    .get("/:code/files/:id", validate("param", fileParam), async (c) => {
      const { code, id } = c.req.valid("param");
      const { bytes, headers } = await readAttachment(files, askerOf(c), code, id);
      return c.body(bytes, 200, headers);
    })
    .post(
      "/:code/result-file",
      bodyLimit({
        maxSize: MAX_UPLOAD_BODY_BYTES,
        onError: () => {
          throw new AppError(
            "PAYLOAD_TOO_LARGE",
            "Tệp lớn hơn 5 MB. Vui lòng nén tệp PDF hoặc ảnh rồi tải lên lại.",
          );
        },
      }),
      validate("param", codeParam),
      validate("form", resultFileForm),
      async (c) => {
        const { code } = c.req.valid("param");
        const uploaded = await uploadResultFile(files, askerOf(c), { code, file: c.req.valid("form").file });
        return c.json(uploaded, 201);
      },
    )
    .post(
      "/:code/status",
      validate("param", codeParam),
      validate("header", headerSchema),
      validate("json", officerStatusChangeSchema),
      async (c) => {
        const outcome = await changeStatus(desk, askerOf(c), {
          code: c.req.valid("param").code,
          change: c.req.valid("json"),
          idempotencyKey: c.req.valid("header")["idempotency-key"],
        });
        if (outcome.replayed) c.header("Idempotent-Replayed", "true");
        return c.json(outcome.dossier, 200);
      },
    )
    .post(
      "/:code/apology",
      validate("param", codeParam),
      validate("header", headerSchema),
      validate("json", officerApologySchema),
      async (c) => {
        const outcome = await apologizeForDelay(desk, askerOf(c), {
          code: c.req.valid("param").code,
          apology: c.req.valid("json"),
          idempotencyKey: c.req.valid("header")["idempotency-key"],
        });
        if (outcome.replayed) c.header("Idempotent-Replayed", "true");
        return c.json(outcome.dossier, 200);
      },
    );
  // Every role: commune officers and leaders their commune's queue, admins the province's.
  const conversationRoutes = new Hono<OfficerEnv>()
    .use(requireOfficer(db), officerApiRateLimit(deps))
    .get("/", async (c) => c.json(await listConversations(desk, c.var.officer), 200))
    .get("/:id", validate("param", idParam), async (c) =>
      c.json(await viewConversation(desk, askerOf(c), c.req.valid("param").id), 200),
    )
    .post("/:id/messages", validate("param", idParam), validate("json", officerReplySchema), async (c) =>
      c.json(
        await replyToConversation(desk, askerOf(c), {
          id: c.req.valid("param").id,
          text: c.req.valid("json").text,
        }),
        200,
      ),
    )
    .post("/:id/hand-back", validate("param", idParam), async (c) => {
      await handBack(desk, askerOf(c), c.req.valid("param").id);
      return c.body(null, 204);
    });
  // Leaders read their commune's log (issue 11 §4).
  const auditRoutes = new Hono<OfficerEnv>()
    .use(requireOfficer(db, ["leader"]), officerApiRateLimit(deps))
    .get("/", validate("query", officerAuditQuerySchema), async (c) =>
      c.json(await communeAuditLog(db, c.var.officer.communeCode ?? "", c.req.valid("query")), 200),
    );
  return new Hono<OfficerEnv>()
    .route("/session", officerSessionRoutes(deps))
    .route("/audit", auditRoutes)
    .route("/dossiers", dossierRoutes)
    .route("/conversations", conversationRoutes);
}
