import { INTEGRATION_BASE_PATH } from "@dvc/shared";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { requestId } from "hono/request-id";
import type { AppDeps, AppEnv } from "./http/env";
import { errorHandler, notFoundHandler } from "./http/error-handler";
import { requestLog } from "./http/request-log";
import { sandboxBanner } from "./http/sandbox-banner";
import { noStore, securityHeaders } from "./http/security-headers";
import { skipWhen } from "./http/skip-when";
import { jsonDepthLimit } from "./http/validate";
import { AppError } from "./lib/errors";
import { groupRoutes, NOTICE_IMAGE_PATH, noticeRoutes, publicNoticeRoutes } from "./modules/broadcast";
import { citizenAuthRoutes } from "./modules/citizen-auth/routes";
import { dashboardRoutes } from "./modules/dashboard";
import { dossierRoutes } from "./modules/dossiers/routes";
import { draftRoutes } from "./modules/drafts/routes";
import { filesRoutes } from "./modules/files/routes";
import { healthRoutes } from "./modules/health/routes";
import { integrationRoutes } from "./modules/integration";
import { integrationDocsRoutes } from "./modules/integration/docs-routes";
import { officerRoutes } from "./modules/officer-desk";
import { procedureRoutes } from "./modules/procedures/routes";
import { consentRoutes, profileRoutes } from "./modules/profile/routes";
import { unitsRoutes } from "./modules/units/routes";
import { zaloWebhookRoutes } from "./modules/webhook/routes";

/** JSON bodies are small forms; attachments get their own route and limit. */
export const MAX_JSON_BODY_BYTES = 256 * 1024;
/** An officer's upload of a dossier's result file: multipart, like POST /api/files, with its own limit. */
const RESULT_FILE_PATH = /^\/api\/officer\/dossiers\/[^/]+\/result-file$/;

/** The Zalo Mini App runs at https://h5.zdn.vn/zapps/<id>/ (zbrowser:// inside some Zalo builds). */
const ZALO_MINI_APP_ORIGINS = ["https://h5.zdn.vn", "zbrowser://h5.zdn.vn"];

/** The typed API: every feature sub-app the Mini App calls through `hc<AppType>`. */
function apiRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      .route("/units", unitsRoutes(deps))
      .route("/procedures", procedureRoutes(deps))
      .route("/auth", citizenAuthRoutes(deps))
      .route("/consents", consentRoutes(deps))
      .route("/profile", profileRoutes(deps))
      .route("/drafts", draftRoutes(deps))
      .route("/files", filesRoutes(deps))
      .route("/dossiers", dossierRoutes(deps))
      .route("/notices", publicNoticeRoutes(deps))
      // Before "/officer", beside the officer desk's routes (each its own sub-app).
      .route("/officer/notices", noticeRoutes(deps))
      .route("/officer/groups", groupRoutes(deps))
      .route("/officer/dashboard", dashboardRoutes(deps))
      .route("/officer", officerRoutes(deps))
      // The integration API's OpenAPI document and reference page (public; the API itself is signed).
      .route("/integration", integrationDocsRoutes(deps))
  );
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
  app.onError(errorHandler(deps.logger));
  // First, so it sees every page however it was answered (the sandbox, the Mini App preview).
  if (deps.config.sandboxInProduction) app.use(sandboxBanner());
  // Zalo's servers call it, never a browser: no page headers, no CORS, its own body limit (WH-5).
  // Registered before that middleware, which then never runs for it (ingest is the hot path).
  app.route("/webhooks/zalo", zaloWebhookRoutes(deps));
  // One-stop systems' servers call it, never a browser, and the signature covers the raw body: like the
  // webhook, mounted before CORS, the shared body limit and the JSON depth check (which would read the
  // body first), with its own limit and headers (modules/integration/routes.ts).
  app.route(INTEGRATION_BASE_PATH, integrationRoutes(deps));
  app.use(securityHeaders());
  // CORS is about a browser's cross-origin request, which always carries Origin: without one there is
  // nothing to allow. API answers are never cached (no-store), so their lacking "Vary: Origin" misleads
  // no cache. Worth skipping: hono's cors touches the response before the route answers, and every
  // answer is then rebuilt as a streamed copy (about a fifth of a commune search's CPU).
  const noOrigin = (c: Context) =>
    c.req.header("Origin") === undefined && (c.req.path.startsWith("/api/") || c.req.path === "/healthz");
  app.use(
    skipWhen(
      noOrigin,
      cors({
        origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
        allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
        allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
        exposeHeaders: ["X-Request-Id", "Retry-After", "Idempotent-Replayed"],
        maxAge: 600,
      }),
    ),
  );
  // Before bodyLimit, so a 413 on /api/* is not cacheable either.
  app.use("/api/*", noStore());
  // Every body but an upload is a small form. POST /api/files (multipart, one file up to 5 MB) and an
  // officer's POST /api/officer/dossiers/:code/result-file are excepted here and applies its own limit (modules/files/routes.ts), since a limit set here could
  // only be raised for every route at once. POST /webhooks/zalo is excepted too: it applies its own,
  // smaller 64 KB limit (WH-5, modules/webhook/routes.ts). So are the sandbox's uploads, which answer
  // Zalo's own size refusals (zalo-sandbox/openapi-uploads.ts; the sandbox exists in sandbox mode only).
  const ownBodyLimit = (c: Context) =>
    c.req.method === "POST" &&
    (c.req.path === "/api/files" ||
      RESULT_FILE_PATH.test(c.req.path) ||
      NOTICE_IMAGE_PATH.test(c.req.path) ||
      c.req.path === "/webhooks/zalo" ||
      c.req.path.startsWith("/sandbox/openapi/v2.0/oa/upload/"));
  // A GET or HEAD carries no body any route reads. Asking for one (hono's bodyLimit reads
  // c.req.raw.body) makes @hono/node-server build the full web Request (headers, AbortSignal, body
  // stream) for every read: about a tenth of a commune search's CPU (tests/bench/http-api.bench.ts).
  const noBody = (c: Context) => c.req.method === "GET" || c.req.method === "HEAD";
  app.use(
    skipWhen(
      [ownBodyLimit, noBody],
      bodyLimit({
        maxSize: MAX_JSON_BODY_BYTES,
        onError: () => {
          throw new AppError("PAYLOAD_TOO_LARGE");
        },
      }),
    ),
  );
  // Not on those routes either: reading a body here would bypass their own limit, and leave hono's
  // bodyLimit there a used stream (a chunked JSON body to POST /api/files was a 500).
  app.use(skipWhen(ownBodyLimit, jsonDepthLimit()));
  app.notFound(notFoundHandler);
  const routes = app.route("/healthz", healthRoutes(deps)).route("/api", apiRoutes(deps));
  return routes;
}

/** Imported (as a type only) by the Mini App's RPC client. */
export type AppType = ReturnType<typeof createApp>;
