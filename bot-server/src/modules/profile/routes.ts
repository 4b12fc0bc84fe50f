import {
  CONSENT_NOTICE_VERSION,
  consentRequestSchema,
  phoneTokenRequestSchema,
  profileUpdateSchema,
} from "@dvc/shared";
import { Hono } from "hono";
import type { AppDeps } from "../../http/env";
import { citizenApiRateLimit, sensitiveRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { defaultFileStorage, type FileStorage } from "../../storage";
import { createGraphClient } from "../../zalo/graph-client";
import { type CitizenEnv, requireCitizen } from "../citizen-auth/session";
import { deleteCitizenData, exportCitizenData } from "./citizen-data";
import { listConsents, recordConsent } from "./consent-repo";
import { readProfile } from "./profile-repo";
import { storePhoneFromZalo, updateProfile, withdrawAndErase } from "./profile-service";

/** /api/consents: give, list and withdraw consent to the personal-data notice (Nghị định 13/2023 Art. 11). */
export function consentRoutes(app: AppDeps) {
  const { database, sealer } = app;
  const db = database.db;
  const list = async (citizenId: string) => ({
    noticeVersion: CONSENT_NOTICE_VERSION,
    consents: await listConsents(db, citizenId),
  });
  return new Hono<CitizenEnv>()
    .use(requireCitizen(db), citizenApiRateLimit(app))
    .post("/", validate("json", consentRequestSchema), async (c) => {
      const { purposes, noticeVersion } = c.req.valid("json");
      return c.json({ consent: await recordConsent(db, c.var.citizenId, purposes, noticeVersion) }, 201);
    })
    .get("/", async (c) => c.json(await list(c.var.citizenId), 200))
    .delete("/", async (c) => {
      await withdrawAndErase({ db, sealer }, c.var.citizenId);
      return c.json(await list(c.var.citizenId), 200);
    });
}

/** /api/profile: the owner's profile (full values), the phone from Zalo, a copy of everything, deletion. */
export function profileRoutes(
  deps: AppDeps,
  storage: FileStorage = defaultFileStorage({ db: deps.database.db, dataDir: deps.config.dataDir }),
) {
  const { database, sealer, config, logger } = deps;
  const db = database.db;
  const graph = createGraphClient({
    baseUrl: config.zalo.graphBaseUrl,
    appSecret: config.zalo.appSecret,
    logger,
  });
  return new Hono<CitizenEnv>()
    .use(requireCitizen(db), citizenApiRateLimit(deps))
    .get("/", async (c) => c.json(await readProfile(db, sealer, c.var.citizenId), 200))
    .put("/", validate("json", profileUpdateSchema), async (c) =>
      c.json(await updateProfile({ db, sealer }, c.var.citizenId, c.req.valid("json")), 200),
    )
    .post(
      "/phone",
      sensitiveRateLimit(deps, "zalo-phone"),
      validate("json", phoneTokenRequestSchema),
      async (c) =>
        c.json(await storePhoneFromZalo({ db, sealer, graph }, c.var.citizenId, c.req.valid("json")), 200),
    )
    .get("/export", async (c) => {
      const data = await exportCitizenData({ db, sealer, citizenId: c.var.citizenId });
      const day = data.exportedAt.slice(0, 10);
      // A download, not a page (ASVS 5.4.1): the name is ours, never built from input.
      c.header("Content-Disposition", `attachment; filename="du-lieu-cua-toi-${day}.json"`);
      return c.json(data, 200);
    })
    .delete("/", async (c) => {
      await deleteCitizenData({ db, sealer, storage, citizenId: c.var.citizenId });
      // The audit trail of a deletion request (PDP-4): who and when, nothing of what was deleted.
      logger.info("citizen data deleted", { requestId: c.get("requestId"), citizenId: c.var.citizenId });
      return c.body(null, 204);
    });
}
