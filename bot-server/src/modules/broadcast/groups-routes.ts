import { oaGroupAssignInputSchema, oaGroupCreateInputSchema, oaGroupIdSchema } from "@dvc/shared";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { clientAddress, trustedProxyList } from "../../http/client-address";
import type { AppDeps } from "../../http/env";
import { officerApiRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { AppError } from "../../lib/errors";
import { createConfiguredOaClient } from "../../zalo/oa";
import { type OfficerEnv, requireOfficer } from "../officer-auth";
import { createGroupsService, type GroupsService, type GroupsZalo } from "./groups-service";

const groupParam = z.object({ groupId: oaGroupIdSchema });

/**
 * /api/officer/groups: the OA's Zalo groups.
 *   GET /                   the groups this officer may send to (an admin: all) and the GMF quota, read from Zalo now
 *   POST /                  create a group at Zalo on one GMF asset (every role; for their commune)
 *   POST /sync              read Zalo's list again (admin)
 *   PUT /:groupId/commune   assign a group to a commune (admin)
 */
export function groupRoutes(deps: AppDeps, options: { oa?: GroupsZalo; service?: GroupsService } = {}) {
  const db = deps.database.db;
  const service =
    options.service ??
    createGroupsService({
      db,
      logger: deps.logger,
      oa:
        options.oa ??
        createConfiguredOaClient({ config: deps.config, db, sealer: deps.sealer, logger: deps.logger }),
    });
  const trusted = trustedProxyList(deps.config.trustedProxies);
  const askerOf = (c: Context<OfficerEnv>) => ({
    officer: c.var.officer,
    addressHash: deps.sealer.lookupHash(clientAddress(c, trusted)),
  });
  // Province-wide changes: an admin only (the session is already checked by requireOfficer below).
  const adminOnly: MiddlewareHandler<OfficerEnv> = async (c, next) => {
    if (c.var.officer.role !== "admin")
      throw new AppError("FORBIDDEN", "Chỉ quản trị viên tỉnh được làm việc này.");
    await next();
  };
  return new Hono<OfficerEnv>()
    .use(requireOfficer(db), officerApiRateLimit(deps))
    .get("/", async (c) => c.json(await service.list(c.var.officer), 200))
    .post("/", validate("json", oaGroupCreateInputSchema), async (c) =>
      c.json(await service.create(askerOf(c), c.req.valid("json")), 201),
    )
    .post("/sync", adminOnly, async (c) => c.json(await service.sync(askerOf(c)), 200))
    .put(
      "/:groupId/commune",
      adminOnly,
      validate("param", groupParam),
      validate("json", oaGroupAssignInputSchema),
      async (c) =>
        c.json(
          await service.assign(askerOf(c), c.req.valid("param").groupId, c.req.valid("json").communeCode),
          200,
        ),
    );
}
