import type { Health } from "@dvc/shared";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../http/env";

/** Liveness and database reachability, for load balancers and the README's first check. */
export function healthRoutes({ database, logger }: AppDeps) {
  return new Hono<AppEnv>().get("/", async (c) => {
    c.header("Cache-Control", "no-store");
    try {
      await database.ping();
      return c.json({ status: "ok", db: "ok" } satisfies Health, 200);
    } catch (error) {
      logger.warn("health check: database down", { error });
      return c.json({ status: "degraded", db: "down" } satisfies Health, 503);
    }
  });
}
