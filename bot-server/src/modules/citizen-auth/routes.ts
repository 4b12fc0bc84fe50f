import { zaloSignInRequestSchema } from "@dvc/shared";
import { Hono } from "hono";
import type { AppDeps } from "../../http/env";
import { citizenApiRateLimit, signInRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { createGraphClient } from "../../zalo/graph-client";
import { describeCitizen, signIn } from "./service";
import { bearerToken, type CitizenEnv, deleteSession, requireCitizen } from "./session";

/**
 * /api/auth: sign in with a Zalo access token, who am I, sign out. The Graph client is the production
 * one in every mode; in sandbox mode config.zalo.graphBaseUrl simply points at /sandbox/graph.
 */
export function citizenAuthRoutes(deps: AppDeps) {
  const { database, config, logger } = deps;
  const db = database.db;
  const graph = createGraphClient({
    baseUrl: config.zalo.graphBaseUrl,
    appSecret: config.zalo.appSecret,
    logger,
  });
  return new Hono<CitizenEnv>()
    .post("/zalo", signInRateLimit(deps), validate("json", zaloSignInRequestSchema), async (c) => {
      const result = await signIn(db, graph, c.req.valid("json").accessToken);
      logger.info("citizen signed in", { requestId: c.get("requestId"), citizenId: result.citizen.id });
      return c.json(result, 200);
    })
    .get("/me", requireCitizen(db), citizenApiRateLimit(deps), async (c) =>
      c.json(await describeCitizen(db, c.var.citizenId), 200),
    )
    .delete("/session", requireCitizen(db), citizenApiRateLimit(deps), async (c) => {
      const token = bearerToken(c.req.header("Authorization"));
      if (token) await deleteSession(db, token);
      logger.info("citizen signed out", { requestId: c.get("requestId"), citizenId: c.var.citizenId });
      return c.body(null, 204);
    });
}
