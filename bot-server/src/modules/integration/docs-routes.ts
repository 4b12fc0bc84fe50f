import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../../http/env";
import { renderIntegrationDocs } from "./docs-page";
import { buildIntegrationOpenApi } from "./openapi";

/** Where the machine-readable document is served (relative to /api/integration). */
export const OPENAPI_PATH = "/api/integration/openapi.json";

/**
 * The page loads nothing (no script, no font, no image) and styles itself with one <style> element, so
 * its policy is narrower than the Mini App's pages (security-headers.ts keeps a route's own policy).
 */
const DOCS_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * GET /api/integration/openapi.json and GET /api/integration/docs: public (the document holds no secret),
 * built once per server since they depend only on the code and config.publicUrl.
 */
export function integrationDocsRoutes({ config }: AppDeps) {
  const document = buildIntegrationOpenApi(config.publicUrl);
  const page = renderIntegrationDocs(document, OPENAPI_PATH);
  return new Hono<AppEnv>()
    .get("/openapi.json", (c) => c.json(document))
    .get("/docs", (c) => {
      c.header("Content-Security-Policy", DOCS_CSP);
      return c.html(page);
    });
}
