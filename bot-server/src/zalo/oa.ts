import type { Config } from "../config";
import type { Database } from "../db/client";
import type { Sealer } from "../lib/crypto";
import type { Logger } from "../lib/logger";
import { createOaClient, type OaClient } from "./oa-client";
import { createOaTokenStore } from "./oa-token-store";

/**
 * The OA client the product uses, wired from config: Zalo's hosts in production, this server's
 * /sandbox in sandbox mode (the same code path over HTTP either way).
 */
export function createConfiguredOaClient(deps: {
  config: Config;
  db: Database;
  sealer: Sealer;
  logger: Logger;
}): OaClient {
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
  return createOaClient({
    baseUrl: config.zalo.apiBaseUrl,
    appSecret: config.zalo.appSecret,
    tokens,
    logger,
  });
}
