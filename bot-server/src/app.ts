import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { AppDeps, AppEnv } from "./http/env";
import { errorHandler, notFoundHandler } from "./http/error-handler";
import { requestLog } from "./http/request-log";
import { noStore, securityHeaders } from "./http/security-headers";
import { AppError } from "./lib/errors";
import { healthRoutes } from "./modules/health/routes";
import { procedureRoutes } from "./modules/procedures/routes";
import { unitsRoutes } from "./modules/units/routes";

/** JSON bodies are small forms; attachments get their own route and limit. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;

/** The Zalo Mini App runs at https://h5.zdn.vn/zapps/<id>/ (zbrowser:// inside some Zalo builds). */
const ZALO_MINI_APP_ORIGINS = ["https://h5.zdn.vn", "zbrowser://h5.zdn.vn"];

/** The typed API: every feature sub-app the Mini App calls through `hc<AppType>`. */
function apiRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().route("/units", unitsRoutes(deps)).route("/procedures", procedureRoutes(deps));
}

/**
 * Composes the server from feature sub-apps. Pages (the Mini App preview, the sandbox) are mounted by
 * main.ts after this, so tests can build the API alone over their own database.
 */
export function createApp(deps: AppDeps) {
  const allowedOrigins = new Set([...ZALO_MINI_APP_ORIGINS, new URL(deps.config.publicUrl).origin]);
  const app = new Hono<AppEnv>();
  app.use(requestId({ headerName: "X-Request-Id" }));
  app.use(requestLog(deps.logger));
  app.use(securityHeaders());
  app.use(
    cors({
      origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      exposeHeaders: ["X-Request-Id", "Retry-After"],
      maxAge: 600,
    }),
  );
  // Before bodyLimit, so a 413 on /api/* is not cacheable either.
  app.use("/api/*", noStore());
  app.use(
    bodyLimit({
      maxSize: MAX_JSON_BODY_BYTES,
      onError: () => {
        throw new AppError("PAYLOAD_TOO_LARGE");
      },
    }),
  );
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  const routes = app.route("/healthz", healthRoutes(deps)).route("/api", apiRoutes(deps));
  return routes;
}

/** Imported (as a type only) by the Mini App's RPC client. */
export type AppType = ReturnType<typeof createApp>;
