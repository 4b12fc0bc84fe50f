import { desc } from "drizzle-orm";
import { Hono } from "hono";
import { sandboxSentMessages } from "../db/schema";
import type { AppDeps, AppEnv } from "../http/env";
import { sandboxCitizenRoutes } from "./citizens";
import { sandboxGraphRoutes } from "./graph";
import { SANDBOX_PAGE_HTML, SANDBOX_PAGE_SCRIPT } from "./page";
import { createSandboxUsers } from "./zalo-users-repo";

const RECENT_MESSAGES = 200;

/**
 * A stand-in for Zalo's APIs, mounted at /sandbox in sandbox mode only (main.ts decides; production
 * never mounts it). It answers the product over HTTP like Zalo would and records what it was sent.
 * /sandbox/graph answers like graph.zalo.me (graph.ts); /sandbox/api/citizens makes pretend Zalo users and
 * their tokens (citizens.ts). Later issues add the OA, OAuth and ZNS endpoints under
 * /sandbox/{openapi,oauth,business}.
 */
export function sandboxRoutes({ database, config, sealer }: AppDeps) {
  const users = createSandboxUsers(database.db, sealer);
  return new Hono<AppEnv>()
    .route("/graph", sandboxGraphRoutes(users, config.zalo.appSecret))
    .route("/api/citizens", sandboxCitizenRoutes(users))
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
    .get("/api/messages", async (c) => {
      c.header("Cache-Control", "no-store");
      const messages = await database.db
        .select()
        .from(sandboxSentMessages)
        .orderBy(desc(sandboxSentMessages.id))
        .limit(RECENT_MESSAGES);
      return c.json({ messages });
    });
}
