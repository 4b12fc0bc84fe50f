import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../http/env";
import { safeEqual } from "../lib/crypto";
import { noStoreAnswers } from "./envelope";
import type { OaTokenIssuer } from "./oa-token-issuer";
import { OAUTH_REFUSALS } from "./zalo-errors";

/**
 * A stand-in for oauth.zaloapp.com's OA token endpoint (zalo-oa.md §3 [C]):
 *   POST /v4/oa/access_token   form-urlencoded `refresh_token, app_id, grant_type=refresh_token`,
 *                              header `secret_key: <App Secret>`
 *   → top level, no `data`: `{"access_token","refresh_token","expires_in":"90000"}` (a STRING of seconds)
 * Refresh tokens are single-use: the one spent dies, a reused one is refused (HTTP 200, `error` -14014).
 * Only grant_type=refresh_token: the sandbox has no OA admin consent page to mint a code from, and its
 * first refresh token is ZALO_OA_REFRESH_TOKEN, seeded once (idempotent across restarts; oa-token-issuer.ts).
 */

export interface OauthOptions {
  /** Knows the refresh tokens, including the seeded config.zalo.oaRefreshToken (oa-token-issuer.ts). */
  issuer: OaTokenIssuer;
  appId: string;
  appSecret: string;
}

const refreshForm = z.object({
  refresh_token: z.string().min(1).max(2048),
  app_id: z.string().regex(/^\d{1,32}$/),
  grant_type: z.literal("refresh_token"),
});

export function sandboxOauthRoutes(options: OauthOptions) {
  const { issuer, appId, appSecret } = options;
  return new Hono<AppEnv>().use(noStoreAnswers).post("/v4/oa/access_token", async (c) => {
    const body = await c.req.text();
    const form = refreshForm.safeParse(Object.fromEntries(new URLSearchParams(body)));
    if (!form.success) return c.json(OAUTH_REFUSALS.badParams, 200);
    if (!safeEqual(c.req.header("secret_key") ?? "", appSecret)) return c.json(OAUTH_REFUSALS.badSecret, 200);
    if (form.data.app_id !== appId) return c.json(OAUTH_REFUSALS.badAppId, 200);
    const pair = await issuer.rotate(form.data.refresh_token);
    if (!pair) return c.json(OAUTH_REFUSALS.badRefreshToken, 200);
    return c.json(
      {
        access_token: pair.accessToken,
        refresh_token: pair.refreshToken,
        expires_in: String(pair.expiresInSeconds),
      },
      200,
    );
  });
}
