import { createHmac, randomBytes } from "node:crypto";
import { HttpResponse, http } from "msw";

/**
 * A fake graph.zalo.me for msw, answering like Zalo (string ids, refusals inside HTTP 200 bodies), and
 * the production-mode environment that points the server at it. Independent of the sandbox's code, so
 * the two can disagree and a test notices.
 *
 *   const graph = createFakeGraph();
 *   const mock = setupServer(...graph.handlers);
 *   const app = buildTestApp(db.handle, PRODUCTION_TEST_ENV);
 *   const accessToken = graph.addUser({ id: "5318479563581384576", name: "Nguyễn Văn An" });
 */

export const FAKE_GRAPH_BASE_URL = "https://graph.test";
export const TEST_APP_SECRET = "test-app-secret-0123456789";

/** Production mode (ZALO_APP_ID set) with every Zalo host overridable and the Graph API at the fake. */
export const PRODUCTION_TEST_ENV: Record<string, string> = {
  ZALO_APP_ID: "1234567890123456789",
  ZALO_APP_SECRET: TEST_APP_SECRET,
  ZALO_OA_ID: "9876543210",
  ZALO_OA_SECRET_KEY: "oa-secret-key",
  ZALO_OA_REFRESH_TOKEN: "refresh-token",
  ZALO_MINI_APP_ID: "5555555555",
  SESSION_SECRET: "s".repeat(48),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  ZALO_GRAPH_BASE_URL: FAKE_GRAPH_BASE_URL,
};

export interface FakeZaloUser {
  id: string;
  name?: string;
  avatarUrl?: string;
  /** "84…" as Zalo gives it. */
  phone?: string;
}

export interface GraphCall {
  path: string;
  search: string;
  headers: Record<string, string>;
}

export function createFakeGraph(appSecret = TEST_APP_SECRET, baseUrl = FAKE_GRAPH_BASE_URL) {
  const accessTokens = new Map<string, FakeZaloUser>();
  const phoneTokens = new Map<string, { userId: string; used: boolean }>();
  const calls: GraphCall[] = [];

  const record = (request: Request) => {
    const url = new URL(request.url);
    calls.push({ path: url.pathname, search: url.search, headers: Object.fromEntries(request.headers) });
  };
  const refuse = (error: number, message: string) => HttpResponse.json({ error, message });

  const handlers = [
    http.get(`${baseUrl}/v2.0/me`, ({ request }) => {
      record(request);
      const token = request.headers.get("access_token") ?? "";
      const user = accessTokens.get(token);
      if (!user) return refuse(-216, "Access token is invalid");
      const proof = createHmac("sha256", appSecret).update(token).digest("hex");
      if (request.headers.get("appsecret_proof") !== proof) return refuse(-201, "Invalid appsecret_proof");
      return HttpResponse.json({
        id: user.id,
        ...(user.name !== undefined ? { name: user.name } : {}),
        ...(user.avatarUrl !== undefined ? { picture: { data: { url: user.avatarUrl } } } : {}),
        error: 0,
        message: "Success",
      });
    }),
    http.get(`${baseUrl}/v2.0/me/info`, ({ request }) => {
      record(request);
      if (request.headers.get("secret_key") !== appSecret) return refuse(-201, "Invalid secret_key");
      const user = accessTokens.get(request.headers.get("access_token") ?? "");
      if (!user) return refuse(-216, "Access token is invalid");
      const phoneToken = phoneTokens.get(request.headers.get("code") ?? "");
      if (!phoneToken || phoneToken.used || phoneToken.userId !== user.id || !user.phone) {
        return refuse(-201, "Invalid code");
      }
      phoneToken.used = true;
      return HttpResponse.json({ data: { number: user.phone }, error: 0, message: "Success" });
    }),
  ];

  return {
    handlers,
    calls,
    /** Registers a Zalo user and returns a new access token for them. */
    addUser(user: FakeZaloUser): string {
      const token = randomBytes(24).toString("base64url");
      accessTokens.set(token, user);
      return token;
    },
    /** A single-use phone token, as getPhoneNumber would give the Mini App. */
    phoneToken(userId: string): string {
      const token = randomBytes(16).toString("hex");
      phoneTokens.set(token, { userId, used: false });
      return token;
    },
  };
}

export type FakeGraph = ReturnType<typeof createFakeGraph>;

/** A random 19-digit id, like Zalo's per-app user ids. */
export function zaloId(): string {
  return `5${Array.from({ length: 18 }, () => Math.floor(Math.random() * 10)).join("")}`;
}
