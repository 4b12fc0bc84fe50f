import { createHmac } from "node:crypto";
import { type Context, Hono } from "hono";
import type { AppEnv } from "../http/env";
import { safeEqual } from "../lib/crypto";
import type { SandboxUsers, SandboxZaloUser } from "./zalo-users-repo";

/**
 * A stand-in for graph.zalo.me, answering with Zalo's shapes and rules (shared/reference/zalo-oa.md §3):
 * ids are strings, and every refusal is an HTTP 200 whose body says `{"error": <negative>, "message"}`.
 *   GET /v2.0/me?fields=id,name,picture   headers access_token, appsecret_proof
 *   GET /v2.0/me/info                     headers access_token, code (phone token), secret_key
 * It is strict where Zalo is said to be strict ([U]: appsecret_proof is required), so a product that
 * passes here does not lean on leniency Zalo may not have.
 */

/**
 * The refusals, in one place. [C] -216 invalid access token, -220 expired (zalo-oa.md §3/§7).
 * [U] -201 "bad parameter" for a wrong proof, secret key or phone token: Zalo's real codes for those
 * are not documented in what we have read.
 */
export const SANDBOX_GRAPH_ERRORS = {
  invalidToken: { error: -216, message: "Access token is invalid" },
  expiredToken: { error: -220, message: "Access token has expired" },
  badProof: { error: -201, message: "Invalid appsecret_proof" },
  badSecretKey: { error: -201, message: "Invalid secret_key" },
  badPhoneToken: { error: -201, message: "Invalid or expired code" },
} as const;

type Refusal = (typeof SANDBOX_GRAPH_ERRORS)[keyof typeof SANDBOX_GRAPH_ERRORS];

export function sandboxGraphRoutes(users: SandboxUsers, appSecret: string) {
  const refuse = (c: Context<AppEnv>, refusal: Refusal) => c.json(refusal, 200);

  async function userOf(
    c: Context<AppEnv>,
  ): Promise<{ refusal: Refusal } | { token: string; user: SandboxZaloUser }> {
    const token = c.req.header("access_token") ?? "";
    if (token === "") return { refusal: SANDBOX_GRAPH_ERRORS.invalidToken };
    const found = await users.userOfAccessToken(token);
    if ("problem" in found) {
      return {
        refusal:
          found.problem === "expired" ? SANDBOX_GRAPH_ERRORS.expiredToken : SANDBOX_GRAPH_ERRORS.invalidToken,
      };
    }
    return { token, user: found.user };
  }

  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    })
    .get("/v2.0/me", async (c) => {
      const found = await userOf(c);
      if ("refusal" in found) return refuse(c, found.refusal);
      const expected = createHmac("sha256", appSecret).update(found.token).digest("hex");
      if (!safeEqual(c.req.header("appsecret_proof") ?? "", expected)) {
        return refuse(c, SANDBOX_GRAPH_ERRORS.badProof);
      }
      const fields = new Set((c.req.query("fields") ?? "id").split(",").map((field) => field.trim()));
      const { user } = found;
      return c.json(
        {
          id: user.id,
          ...(fields.has("name") ? { name: user.name } : {}),
          ...(fields.has("picture") ? { picture: { data: { url: user.avatarUrl ?? "" } } } : {}),
          error: 0,
          message: "Success",
        },
        200,
      );
    })
    .get("/v2.0/me/info", async (c) => {
      if (!safeEqual(c.req.header("secret_key") ?? "", appSecret)) {
        return refuse(c, SANDBOX_GRAPH_ERRORS.badSecretKey);
      }
      const found = await userOf(c);
      if ("refusal" in found) return refuse(c, found.refusal);
      const code = c.req.header("code") ?? "";
      if (code === "" || !(await users.consumePhoneToken(code, found.user.id))) {
        return refuse(c, SANDBOX_GRAPH_ERRORS.badPhoneToken);
      }
      return c.json({ data: { number: found.user.phone }, error: 0, message: "Success" }, 200);
    });
}
