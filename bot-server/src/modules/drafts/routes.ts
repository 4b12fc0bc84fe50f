import {
  createDraftRequestSchema,
  draftIdSchema,
  saveDraftRequestSchema,
  validateStepRequestSchema,
} from "@dvc/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps, AppEnv } from "../../http/env";
import { citizenApiRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { defaultFileStorage, type FileStorage } from "../../storage";
import { requireCitizen } from "../citizen-auth/session";
import { createDraft, deleteDraft, getDraft, listDrafts, saveDraft, validateDraftStep } from "./service";

const idParam = z.object({ id: draftIdSchema });

/** Drafts: autosaved on every change, versioned; a stale save answers 409 with the stored draft. */
export function draftRoutes(
  app: AppDeps,
  storage: FileStorage = defaultFileStorage({ db: app.database.db, dataDir: app.config.dataDir }),
) {
  const { database, sealer } = app;
  const deps = { db: database.db, sealer };
  return new Hono<AppEnv>()
    .use(requireCitizen(database.db), citizenApiRateLimit(app))
    .post("/", validate("json", createDraftRequestSchema), async (c) => {
      const { draft, created } = await createDraft(deps, c.var.citizenId, c.req.valid("json"));
      return c.json(draft, created ? 201 : 200);
    })
    .get("/", async (c) => c.json({ drafts: await listDrafts(deps, c.var.citizenId) }))
    .get("/:id", validate("param", idParam), async (c) =>
      c.json(await getDraft(deps, c.var.citizenId, c.req.valid("param").id)),
    )
    .put("/:id", validate("param", idParam), validate("json", saveDraftRequestSchema), async (c) =>
      c.json(await saveDraft(deps, c.var.citizenId, c.req.valid("param").id, c.req.valid("json"))),
    )
    .delete("/:id", validate("param", idParam), async (c) => {
      await deleteDraft({ ...deps, storage }, c.var.citizenId, c.req.valid("param").id);
      return c.body(null, 204);
    })
    .post(
      "/:id/validate-step",
      validate("param", idParam),
      validate("json", validateStepRequestSchema),
      async (c) =>
        c.json(
          await validateDraftStep(deps, c.var.citizenId, c.req.valid("param").id, c.req.valid("json").stepId),
        ),
    );
}
