import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/env";
import { validate } from "../http/validate";
import { sandboxBusinessRoutes } from "./business";
import { messagesQuerySchema, sentMessages } from "./chat-messages";
import { sandboxChatRoutes } from "./chat-routes";
import { sandboxCitizenRoutes } from "./citizens";
import { sandboxGraphRoutes } from "./graph";
import { createOaTokenIssuer } from "./oa-token-issuer";
import { sandboxOauthRoutes } from "./oauth";
import { sandboxOpenapiRoutes } from "./openapi";
import { SANDBOX_PAGE_HTML, SANDBOX_PAGE_SCRIPT } from "./page";
import { createSandboxUsers } from "./zalo-users-repo";

/**
 * A stand-in for Zalo's APIs, mounted at /sandbox in sandbox mode only (main.ts decides; production
 * never mounts it). It answers the product over HTTP like Zalo would and records what it was sent.
 * /sandbox/graph answers like graph.zalo.me (graph.ts); /sandbox/api/citizens makes pretend Zalo users and
 * their tokens (citizens.ts). /sandbox/openapi, /sandbox/oauth and /sandbox/business answer like
 * openapi.zalo.me, oauth.zaloapp.com and business.openapi.zalo.me (openapi.ts, oauth.ts, business.ts).
 */
export function sandboxRoutes({ database, config, sealer }: AppDeps) {
  const users = createSandboxUsers(database.db, sealer);
  const issuer = createOaTokenIssuer({
    db: database.db,
    seedRefreshToken: config.zalo.oaRefreshToken,
  });
  const zaloApp = { issuer, appId: config.zalo.appId, appSecret: config.zalo.appSecret };
  return new Hono<AppEnv>()
    .route("/graph", sandboxGraphRoutes(users, config.zalo.appSecret))
    .route(
      "/openapi",
      sandboxOpenapiRoutes({ db: database.db, ...zaloApp, ratePerMinute: config.sandbox.oaRatePerMinute }),
    )
    .route("/oauth", sandboxOauthRoutes(zaloApp))
    .route("/business", sandboxBusinessRoutes({ db: database.db, ...zaloApp }))
    .route("/api/citizens", sandboxCitizenRoutes(users))
    .route("/api/chat", sandboxChatRoutes({ database, config, sealer }, users))
    .get("/", (c) => c.html(SANDBOX_PAGE_HTML))
    .get("/sandbox.js", (c) => {
      c.header("Content-Type", "text/javascript; charset=utf-8");
      return c.body(SANDBOX_PAGE_SCRIPT);
    })
    .get("/api/info", (c) =>
      c.json({
        mode: config.mode,
        appId: config.zalo.appId,
        oaId: config.zalo.oaId,
        miniAppId: config.zalo.miniAppId,
        baseUrls: {
          api: config.zalo.apiBaseUrl,
          oauth: config.zalo.oauthBaseUrl,
          graph: config.zalo.graphBaseUrl,
          business: config.zalo.businessBaseUrl,
        },
      }),
    )
    .get("/api/messages", validate("query", messagesQuerySchema), async (c) => {
      c.header("Cache-Control", "no-store");
      return c.json({ messages: await sentMessages(database.db, c.req.valid("query")) });
    });
}
