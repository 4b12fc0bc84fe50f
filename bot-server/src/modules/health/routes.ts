import type { Health } from "@dvc/shared";
import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../http/env";
import { createReadiness } from "./readiness";

/**
 * Liveness and database reachability, for load balancers and the README's first check. Checks share
 * pings, and a good answer stands for a tenth of a second (readiness.ts).
 */
export function healthRoutes({ database, logger }: AppDeps) {
  const readiness = createReadiness(() => database.ping());
  return new Hono<AppEnv>().get("/", async (c) => {
    c.header("Cache-Control", "no-store");
    try {
      await readiness.check();
      return c.json({ status: "ok", db: "ok" } satisfies Health, 200);
    } catch (error) {
      logger.warn("health check: database down", { error });
      return c.json({ status: "degraded", db: "down" } satisfies Health, 503);
    }
  });
}
