import { Hono } from "hono";
import type { Database } from "../db/client";
import type { AppEnv } from "../http/env";
import { noStoreAnswers } from "./envelope";
import { oaGuard } from "./oa-auth";
import type { OaTokenIssuer } from "./oa-token-issuer";
import { oaFollowerRoutes } from "./openapi-followers";
import { oaGroupRoutes } from "./openapi-groups";
import { oaMessageRoutes } from "./openapi-messages";
import { oaUploadRoutes } from "./openapi-uploads";
import type { SandboxReceipts } from "./receipts";
import { OA_REFUSALS } from "./zalo-errors";

/**
 * A stand-in for openapi.zalo.me, mounted at /sandbox/openapi (zalo-oa.md §2, §5, §6): Zalo's envelope
 * `{"error":0,"message":"Success","data":{…}}`, every refusal in an HTTP 200 body, ids as strings.
 * Every call passes oaGuard first: the OA access token (-216 / -220), appsecret_proof (-242) and the
 * app's calls per minute (-32). The endpoints themselves live in openapi-*.ts, one concern each.
 */

export interface OpenapiOptions {
  db: Database;
  issuer: OaTokenIssuer;
  appId: string;
  appSecret: string;
  /** config.sandbox.oaRatePerMinute (Zalo: 4,000 [C §6]). */
  ratePerMinute: number;
  /** Sends the receipts of accepted messages to the product's webhook (receipts.ts). */
  receipts: SandboxReceipts;
}

export function sandboxOpenapiRoutes(options: OpenapiOptions) {
  const { db } = options;
  return new Hono<AppEnv>()
    .use(noStoreAnswers)
    .use(
      oaGuard({
        db,
        issuer: options.issuer,
        appId: options.appId,
        appSecret: options.appSecret,
        ratePerMinute: options.ratePerMinute,
        refusals: OA_REFUSALS,
      }),
    )
    .route("/", oaMessageRoutes(db, options.receipts))
    .route("/", oaGroupRoutes(db))
    .route("/", oaFollowerRoutes(db))
    .route("/", oaUploadRoutes(db));
}
