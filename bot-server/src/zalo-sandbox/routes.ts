import { Hono } from "hono";
import type { AppDeps, AppEnv } from "../http/env";
import { validate } from "../http/validate";
import { SANDBOX_PAGE_BUILD_DIR } from "../lib/paths";
import { sandboxBusinessRoutes } from "./business";
import { messagesQuerySchema, receiptsOf, receiptsQuerySchema, sentMessages } from "./chat-messages";
import { sandboxChatRoutes } from "./chat-routes";
import { sandboxCitizenRoutes } from "./citizens";
import { sandboxGraphRoutes } from "./graph";
import { createOaTokenIssuer } from "./oa-token-issuer";
import { sandboxOauthRoutes } from "./oauth";
import { sandboxOpenapiRoutes } from "./openapi";
import { sandboxPageRoutes } from "./page";
import type { MessagesAnswer, ReceiptsAnswer, SandboxInfo } from "./page-contract";
import { createSandboxReceipts, type SandboxReceipts } from "./receipts";
import { recordReceipt } from "./sent-messages-repo";
import { createSandboxUsers } from "./zalo-users-repo";

/**
 * A stand-in for Zalo's APIs, mounted at /sandbox in sandbox mode only (main.ts decides; production
 * never mounts it). It answers the product over HTTP like Zalo would and records what it was sent.
 * /sandbox/graph answers like graph.zalo.me (graph.ts); /sandbox/api/citizens makes pretend Zalo users and
 * their tokens (citizens.ts). /sandbox/openapi, /sandbox/oauth and /sandbox/business answer like
 * openapi.zalo.me, oauth.zaloapp.com and business.openapi.zalo.me (openapi.ts, oauth.ts, business.ts).
 * Messages they accept get Zalo's receipts at the product's webhook a moment later (receipts.ts).
 */

export interface SandboxRoutesOptions {
  /**
   * The receipts sender. Pass one to choose its delays and to stop it at shutdown (`stop()`); by default
   * one with Zalo-like delays whose timers are unref'd (they never hold the process).
   */
  receipts?: SandboxReceipts;
}

/** The receipts sender sandboxRoutes builds when given none. */
export function sandboxReceiptsFor({
  config,
  logger,
  database,
}: Pick<AppDeps, "config" | "logger" | "database">): SandboxReceipts {
  return createSandboxReceipts({
    appId: config.zalo.appId,
    oaId: config.zalo.oaId,
    oaSecretKey: config.zalo.oaSecretKey,
    logger,
    onReceipt: (messageId, receipt) => recordReceipt(database.db, messageId, receipt),
  });
}

export function sandboxRoutes(deps: AppDeps, options: SandboxRoutesOptions = {}) {
  const { database, config, sealer } = deps;
  const receipts = options.receipts ?? sandboxReceiptsFor(deps);
  const users = createSandboxUsers(database.db, sealer);
  const issuer = createOaTokenIssuer({
    db: database.db,
    seedRefreshToken: config.zalo.oaRefreshToken,
  });
  const zaloApp = { issuer, appId: config.zalo.appId, appSecret: config.zalo.appSecret, receipts };
  return (
    new Hono<AppEnv>()
      .route("/graph", sandboxGraphRoutes(users, config.zalo.appSecret))
      .route(
        "/openapi",
        sandboxOpenapiRoutes({ db: database.db, ...zaloApp, ratePerMinute: config.sandbox.oaRatePerMinute }),
      )
      .route("/oauth", sandboxOauthRoutes(zaloApp))
      .route("/business", sandboxBusinessRoutes({ db: database.db, ...zaloApp }))
      .route("/api/citizens", sandboxCitizenRoutes(users))
      .route("/api/chat", sandboxChatRoutes({ database, config, sealer }, users))
      // The chat page itself (page.ts): its own Vite build, never part of the Mini App's.
      .route("/", sandboxPageRoutes(SANDBOX_PAGE_BUILD_DIR))
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
        } satisfies SandboxInfo),
      )
      .get("/api/messages", validate("query", messagesQuerySchema), async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json({
          messages: await sentMessages(database.db, c.req.valid("query")),
        } satisfies MessagesAnswer);
      })
      .get("/api/receipts", validate("query", receiptsQuerySchema), async (c) => {
        c.header("Cache-Control", "no-store");
        return c.json({
          receipts: await receiptsOf(database.db, c.req.valid("query").recipient),
        } satisfies ReceiptsAnswer);
      })
  );
}
