import { type OfficerSignInResponse, officerSignInRequestSchema } from "@dvc/shared";
import { Hono } from "hono";
import { clientAddress, trustedProxyList } from "../../http/client-address";
import type { AppDeps, AppEnv } from "../../http/env";
import { respondWithError } from "../../http/error-handler";
import { validate } from "../../http/validate";
import { AppError } from "../../lib/errors";
import { bearerToken } from "../citizen-auth/session";
import { signInOfficer } from "./service";
import { endOfficerSession, type OfficerEnv, requireOfficer } from "./session";

/** /api/officer/session: sign in (username + password), who am I, sign out. */
export function officerSessionRoutes(deps: AppDeps) {
  const { database, logger, sealer } = deps;
  const db = database.db;
  const trusted = trustedProxyList(deps.config.trustedProxies);
  const signedIn = new Hono<OfficerEnv>()
    .get("/", requireOfficer(db), (c) => c.json({ officer: c.var.officer }, 200))
    .delete("/", requireOfficer(db), async (c) => {
      const token = bearerToken(c.req.header("Authorization"));
      if (token) await endOfficerSession(db, token);
      logger.info("officer signed out", { requestId: c.get("requestId"), officerId: c.var.officer.id });
      return c.body(null, 204);
    });
  return new Hono<AppEnv>()
    .post("/", validate("json", officerSignInRequestSchema), async (c) => {
      const { username, password } = c.req.valid("json");
      const addressHash = sealer.lookupHash(clientAddress(c, trusted));
      let result: OfficerSignInResponse;
      try {
        result = await signInOfficer(db, { username, password, addressHash });
      } catch (error) {
        const seconds = error instanceof AppError ? error.details?.retryAfterSeconds : undefined;
        if (!(error instanceof AppError) || typeof seconds !== "number") throw error;
        const response = respondWithError(c, error);
        response.headers.set("Retry-After", String(seconds));
        return response;
      }
      logger.info("officer signed in", { requestId: c.get("requestId"), officerId: result.officer.id });
      return c.json(result, 200);
    })
    .route("/", signedIn);
}
