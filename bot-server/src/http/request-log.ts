import type { MiddlewareHandler } from "hono";
import type { Logger } from "../lib/logger";
import type { AppEnv } from "./env";

/**
 * One log line per request: method, the matched route pattern (never the raw URL, which may carry
 * personal data in its query), status and duration.
 */
export function requestLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLogMiddleware(c, next) {
    const started = performance.now();
    await next();
    logger.info("request", {
      requestId: c.get("requestId"),
      method: c.req.method,
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}
