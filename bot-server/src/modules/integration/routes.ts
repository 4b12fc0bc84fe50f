import { pullQuerySchema, statusEventBodySchema } from "@dvc/shared";
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { clientAddress, trustedProxyList } from "../../http/client-address";
import type { AppDeps, AppEnv } from "../../http/env";
import { rateLimit } from "../../http/rate-limit";
import { parseJsonTruncated } from "../../lib/bounded-json";
import { AppError } from "../../lib/errors";
import { authenticate, type IntegrationCaller, limitKey } from "./auth";
import { pullDossiers } from "./pull";
import { applyStatusEvent } from "./service";

/** A status event is a few hundred bytes; a note is at most 2,000 characters. */
export const MAX_INTEGRATION_BODY_BYTES = 16 * 1024;

/**
 * Mounted by app.ts before the browser-facing middleware (like /webhooks/zalo): one-stop systems call it
 * from their servers, and the signature covers the raw bytes, which must be read before anything parses
 * them. So its answers carry what a JSON API answer needs, set here.
 */
const ANSWER_HEADERS = {
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
} as const;

type IntegrationEnv = AppEnv & { Variables: { caller: IntegrationCaller; rawBody: string } };

function fieldsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[], target: string) {
  const fields: Record<string, string> = {};
  for (const issue of issues) fields[issue.path.map(String).join(".") || target] ??= issue.message;
  return fields;
}

/**
 * /api/integration/v1 (issue 14). Every request: an address limit (before the key is known, so guessing
 * keys costs), the signature check on the raw body, then the key's own limit.
 */
export function integrationRoutes(deps: AppDeps) {
  const db = deps.database.db;
  const trusted = trustedProxyList(deps.config.trustedProxies);
  const addressHash = (c: Context) => deps.sealer.lookupHash(clientAddress(c, trusted));
  const signed: MiddlewareHandler<IntegrationEnv> = async (c, next) => {
    const bytes =
      c.req.method === "GET" || c.req.method === "HEAD"
        ? new Uint8Array()
        : new Uint8Array(await c.req.arrayBuffer());
    const now = new Date();
    const caller = await authenticate(
      db,
      deps.sealer,
      { header: (name) => c.req.header(name), rawBody: bytes },
      now,
    );
    await limitKey(db, caller.keyId, now);
    const rawBody = utf8(bytes);
    c.set("caller", caller);
    c.set("rawBody", rawBody);
    await next();
  };
  const tooLarge = () => {
    throw new AppError("PAYLOAD_TOO_LARGE");
  };
  return new Hono<IntegrationEnv>()
    .use(async (c, next) => {
      // Set first, so error answers (the app's error handler answers through this context) carry them.
      for (const [name, value] of Object.entries(ANSWER_HEADERS)) c.header(name, value);
      await next();
    })
    .use(
      rateLimit(deps, {
        rules: [{ name: "integration-ip-60s", limit: 1_200, windowMs: 60_000 }],
        subjects: ["ip"],
      }),
    )
    .post(
      "/dossiers/:code/status",
      bodyLimit({ maxSize: MAX_INTEGRATION_BODY_BYTES, onError: tooLarge }),
      signed,
      async (c) => {
        let json: unknown;
        try {
          json = parseJsonTruncated(c.var.rawBody);
        } catch {
          throw new AppError("MALFORMED_JSON");
        }
        const body = statusEventBodySchema.safeParse(json);
        if (!body.success)
          throw new AppError("VALIDATION_FAILED", undefined, { fields: fieldsOf(body.error.issues, "body") });
        const code = c.req.param("code");
        if (code.length > 40) throw new AppError("NOT_FOUND");
        const answer = await applyStatusEvent(db, c.var.caller, {
          code,
          body: body.data,
          addressHash: addressHash(c),
          now: new Date(),
        });
        return c.json(answer, 200);
      },
    )
    .get("/dossiers", signed, async (c) => {
      const query = pullQuerySchema.safeParse(c.req.query());
      if (!query.success)
        throw new AppError("VALIDATION_FAILED", undefined, { fields: fieldsOf(query.error.issues, "query") });
      const page = await pullDossiers(db, deps.sealer, c.var.caller, {
        query: query.data,
        addressHash: addressHash(c),
        now: new Date(),
      });
      return c.json(page, 200);
    });
}

/** A signed body that is not UTF-8 cannot be JSON (RFC 8259 §8.1): a 400, after the signature passed. */
function utf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("MALFORMED_JSON");
  }
}
