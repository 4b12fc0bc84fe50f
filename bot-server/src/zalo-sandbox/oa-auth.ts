import { createHmac } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Database } from "../db/client";
import type { AppEnv } from "../http/env";
import { safeEqual } from "../lib/crypto";
import { zaloRefuse } from "./envelope";
import { countOaCall } from "./oa-rate-limit";
import type { OaTokenIssuer } from "./oa-token-issuer";
import type { ZaloRefusal } from "./zalo-errors";

/**
 * The checks in front of every sandbox OA and ZNS endpoint, in the order a caller meets them:
 * 1. header `access_token` (not Bearer, §2 [C]) must be one the sandbox's OAuth issued and not past its
 *    25 h (§3 [C]): missing/unknown and expired get the host's refusals (OA: -216 / -220);
 * 2. header `appsecret_proof`, when present, must be hex HMAC-SHA256(token, key = App Secret) (§2 [C]);
 *    an absent one is accepted, since Zalo documents the header as optional (§2 [C], open question 7);
 * 3. the app's calls this minute (§6 [C], OA host only): -32 beyond the limit. Refused tokens are not
 *    counted: Zalo can only attribute a call to an app through its token.
 * The proof is computed here, not imported from the product's zalo/oa-contract.ts, so the two can
 * disagree and a test notices.
 */

export interface OaGuardRefusals {
  invalidToken: ZaloRefusal;
  expiredToken: ZaloRefusal;
  badProof: ZaloRefusal;
  rateLimited?: ZaloRefusal;
}

export interface OaGuardOptions {
  db: Database;
  issuer: OaTokenIssuer;
  appId: string;
  appSecret: string;
  refusals: OaGuardRefusals;
  /** Calls per minute per app; undefined: this host is not rate limited here. */
  ratePerMinute?: number;
}

export function oaGuard(options: OaGuardOptions): MiddlewareHandler<AppEnv> {
  const { db, issuer, appId, appSecret, refusals, ratePerMinute } = options;
  return async function sandboxOaGuard(c, next) {
    const token = c.req.header("access_token") ?? "";
    const check = await issuer.checkAccess(token);
    if (check === "unknown") return zaloRefuse(c, refusals.invalidToken);
    if (check === "expired") return zaloRefuse(c, refusals.expiredToken);
    const proof = c.req.header("appsecret_proof");
    if (proof !== undefined) {
      const expected = createHmac("sha256", appSecret).update(token).digest("hex");
      if (!safeEqual(proof, expected)) return zaloRefuse(c, refusals.badProof);
    }
    if (ratePerMinute !== undefined) {
      const rate = await countOaCall(db, appId, ratePerMinute);
      c.header("X-RateLimit-Limit", String(rate.limit));
      c.header("X-RateLimit-Remain", String(rate.remaining));
      if (rate.limited && refusals.rateLimited) return zaloRefuse(c, refusals.rateLimited);
    }
    await next();
  };
}
