import type { Config } from "../config";
import type { Database } from "../db/client";
import type { Sealer } from "../lib/crypto";
import type { Logger } from "../lib/logger";
import { createOaClient, type OaClient } from "./oa-client";
import { createOaTokenStore } from "./oa-token-store";
import { createZnsClient, type ZnsClient } from "./zns-client";

/**
 * The Zalo clients the product uses, wired from config: Zalo's hosts in production, this server's
 * /sandbox in sandbox mode (the same code path over HTTP either way).
 */

export interface ZaloClientDeps {
  config: Config;
  db: Database;
  sealer: Sealer;
  logger: Logger;
}

/** The OA client (openapi) and the ZNS client (business host), sharing one OA token store. */
export function createConfiguredZaloClients(deps: ZaloClientDeps): { oa: OaClient; zns: ZnsClient } {
  const { config, db, sealer, logger } = deps;
  const tokens = createOaTokenStore({
    db,
    sealer,
    logger,
    oaId: config.zalo.oaId,
    appId: config.zalo.appId,
    appSecret: config.zalo.appSecret,
    seedRefreshToken: config.zalo.oaRefreshToken,
    oauthBaseUrl: config.zalo.oauthBaseUrl,
  });
  const common = { appSecret: config.zalo.appSecret, tokens, logger };
  return {
    oa: createOaClient({ ...common, baseUrl: config.zalo.apiBaseUrl }),
    zns: createZnsClient({ ...common, baseUrl: config.zalo.businessBaseUrl }),
  };
}

export function createConfiguredOaClient(deps: ZaloClientDeps): OaClient {
  return createConfiguredZaloClients(deps).oa;
}
