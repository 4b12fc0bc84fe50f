import {
  dossierCodeSchema,
  idempotencyKeySchema,
  submitDossierRequestSchema,
  supplementRequestSchema,
} from "@dvc/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../http/env";
import { citizenApiRateLimit, submitRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { requireCitizen } from "../citizen-auth/session";
import { submitDossier } from "./submit";
import { answerSupplement } from "./supplement";
import { getDossier, listDossiers } from "./tracking";

const headerSchema = z.object({
  // IDEMPOTENCY_KEY_HEADER as Hono hands headers over: lower-case.
  "idempotency-key": z
    .string({ error: "Thiếu mã chống gửi trùng (Idempotency-Key). Vui lòng cập nhật ứng dụng rồi nộp lại." })
    .pipe(idempotencyKeySchema),
});
const codeParam = z.object({ code: dossierCodeSchema });

/** Submit once, track, answer a supplement request. */
export function dossierRoutes(app: AppDeps) {
  const { database, sealer } = app;
  const deps = { db: database.db, sealer };
  return new Hono<AppEnv>()
    .use(requireCitizen(database.db), citizenApiRateLimit(app))
    .post(
      "/",
      submitRateLimit(app),
      validate("header", headerSchema),
      validate("json", submitDossierRequestSchema),
      async (c) => {
        const outcome = await submitDossier(deps, {
          citizenId: c.var.citizenId,
          draftId: c.req.valid("json").draftId,
          idempotencyKey: c.req.valid("header")["idempotency-key"],
        });
        if (outcome.replayed) c.header("Idempotent-Replayed", "true");
        return c.json(outcome.dossier, outcome.status);
      },
    )
    .get("/", async (c) => c.json({ dossiers: await listDossiers(deps, c.var.citizenId) }))
    .get("/:code", validate("param", codeParam), async (c) =>
      c.json(await getDossier(deps, c.var.citizenId, c.req.valid("param").code)),
    )
    .post(
      "/:code/supplement",
      validate("param", codeParam),
      validate("json", supplementRequestSchema),
      async (c) =>
        c.json(
          await answerSupplement(deps, {
            citizenId: c.var.citizenId,
            code: c.req.valid("param").code,
            answers: c.req.valid("json").answers,
          }),
        ),
    );
}
