import { createHmac, randomBytes } from "node:crypto";
import { HttpResponse, http } from "msw";

/**
 * A fake openapi.zalo.me (cs messages) and oauth.zaloapp.com (v4 refresh) for msw, answering like Zalo:
 * refusals inside HTTP 200 bodies, single-use refresh tokens, `expires_in` as a string.
 */

export const FAKE_OA_API_BASE_URL = "https://openapi.test";
export const FAKE_OAUTH_BASE_URL = "https://oauth.test";

export interface RefreshCall {
  refreshToken: string;
  appId: string | null;
  grantType: string | null;
  secretKey: string | null;
  /** The refresh token this call handed out. */
  issued: string | undefined;
}

export function createFakeOa(options: { appSecret: string; seedRefreshToken: string }) {
  const accessTokens = new Set<string>();
  let liveRefreshToken = options.seedRefreshToken;
  const refreshes: RefreshCall[] = [];
  const csCalls: { token: string; body: unknown }[] = [];
  let refreshDelayMs = 0;

  const handlers = [
    http.post(`${FAKE_OAUTH_BASE_URL}/v4/oa/access_token`, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const call: RefreshCall = {
        refreshToken: form.get("refresh_token") ?? "",
        appId: form.get("app_id"),
        grantType: form.get("grant_type"),
        secretKey: request.headers.get("secret_key"),
        issued: undefined,
      };
      refreshes.push(call);
      if (refreshDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, refreshDelayMs));
      if (call.refreshToken !== liveRefreshToken || call.secretKey !== options.appSecret) {
        return HttpResponse.json({ error: -14014, error_name: "Invalid refresh token" });
      }
      const accessToken = `at-${randomBytes(12).toString("hex")}`;
      liveRefreshToken = `rt-${randomBytes(12).toString("hex")}`;
      call.issued = liveRefreshToken;
      accessTokens.add(accessToken);
      return HttpResponse.json({
        access_token: accessToken,
        refresh_token: liveRefreshToken,
        expires_in: "90000",
      });
    }),
    http.post(`${FAKE_OA_API_BASE_URL}/v3.0/oa/message/cs`, async ({ request }) => {
      const token = request.headers.get("access_token") ?? "";
      csCalls.push({ token, body: await request.json() });
      if (!accessTokens.has(token))
        return HttpResponse.json({ error: -216, message: "Access token is invalid" });
      const proof = createHmac("sha256", options.appSecret).update(token).digest("hex");
      if (request.headers.get("appsecret_proof") !== proof) {
        return HttpResponse.json({ error: -242, message: "Invalid appsecret_proof" });
      }
      return HttpResponse.json({
        data: { message_id: randomBytes(10).toString("hex"), user_id: "2468458835296197922" },
        error: 0,
        message: "Success",
      });
    }),
  ];

  return {
    handlers,
    refreshes,
    csCalls,
    /** Zalo forgets every access token handed out so far (as if expired or revoked). */
    revokeAccessTokens: () => accessTokens.clear(),
    setRefreshDelay: (ms: number) => {
      refreshDelayMs = ms;
    },
  };
}
