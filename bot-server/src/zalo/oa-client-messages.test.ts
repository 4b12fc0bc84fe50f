import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../lib/logger";
import { createOaClient } from "./oa-client";
import { appsecretProof } from "./oa-contract";
import { OaError } from "./oa-error";
import type { OaTokenStore } from "./oa-token-store";
import { deliveryDecision } from "./zalo-error-codes";

/**
 * The OA client's newer sends against msw, with an in-memory token store: sendTemplate (template by user
 * id, zalo-oa.md §0/§2) and sendGroupText (GMF, §5).
 */

const BASE = "https://openapi.unit.test";
const SECRET = "unit-app-secret";
const USER = "2468458835296197922";
const TEMPLATE_URL = `${BASE}/v3.0/oa/message/template`;
const lines: string[] = [];
const mock = setupServer();

/** Hands out tok-1, then tok-2 once Zalo refused tok-1; records each refresh. */
function tokenStore() {
  const refreshed: string[] = [];
  let current = "tok-1";
  const store: OaTokenStore = {
    getAccessToken: async () => current,
    forceRefresh: async (stale) => {
      refreshed.push(stale);
      current = "tok-2";
      return current;
    },
  };
  return { store, refreshed };
}

let tokens = tokenStore();
const client = (timeoutMs = 200) =>
  createOaClient({
    baseUrl: BASE,
    appSecret: SECRET,
    tokens: tokens.store,
    logger: createLogger("debug", {}, (line) => lines.push(line)),
    timeoutMs,
  });

async function failure(promise: Promise<unknown>): Promise<OaError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OaError);
  return error as OaError;
}

const DATA = { ma_ho_so: "HS-2025-000123", trang_thai: "Đa\u0303 tiếp nhận" };

beforeAll(() => mock.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  tokens = tokenStore();
});
afterEach(() => {
  mock.resetHandlers();
  lines.length = 0;
});
afterAll(() => mock.close());

describe("OA client: sendTemplate", () => {
  it("POSTs {user_id, template_id, template_data} with the token headers; the id stays a string", async () => {
    const seen: { headers: Headers; body: unknown }[] = [];
    mock.use(
      http.post(TEMPLATE_URL, async ({ request }) => {
        seen.push({ headers: request.headers, body: await request.json() });
        return HttpResponse.json({
          error: 0,
          message: "Success",
          data: { message_id: "00000000000000000001", user_id: USER, sent_time: "1626926349402" },
        });
      }),
    );
    expect(await client().sendTemplate(USER, "300001", DATA)).toEqual({ messageId: "00000000000000000001" });
    const [call] = seen;
    expect(call?.body).toEqual({
      user_id: USER,
      template_id: "300001",
      template_data: { ma_ho_so: "HS-2025-000123", trang_thai: "Đã tiếp nhận" },
    });
    expect(call?.headers.get("access_token")).toBe("tok-1");
    expect(call?.headers.get("appsecret_proof")).toBe(appsecretProof("tok-1", SECRET));
    expect(call?.headers.get("content-type")).toBe("application/json");
  });

  it("-216 → refreshes the token once, retries once and succeeds", async () => {
    const used: (string | null)[] = [];
    mock.use(
      http.post(TEMPLATE_URL, ({ request }) => {
        const token = request.headers.get("access_token");
        used.push(token);
        if (token !== "tok-2") return HttpResponse.json({ error: -216, message: "Access token is invalid" });
        return HttpResponse.json({ error: 0, data: { message_id: "abc" } });
      }),
    );
    expect(await client().sendTemplate(USER, "300001", DATA)).toEqual({ messageId: "abc" });
    expect(used).toEqual(["tok-1", "tok-2"]);
    expect(tokens.refreshed).toEqual(["tok-1"]);
  });

  it("a token refused twice is unauthorized (retry later), after one refresh only", async () => {
    mock.use(http.post(TEMPLATE_URL, () => HttpResponse.json({ error: -220, message: "expired" })));
    const error = await failure(client().sendTemplate(USER, "300001", DATA));
    expect([error.kind, error.zaloError]).toEqual(["unauthorized", -220]);
    expect(tokens.refreshed).toHaveLength(1);
  });

  it.each([
    [-32, "rate_limited", "retry"],
    [-213, "not_follower", "next_channel"],
    [-227, "inactive", "next_channel"],
    [-230, "outside_window", "next_channel"],
    [-234, "night_window", "retry"],
    [-201, "rejected", "permanent"],
  ] as const)("Zalo %i → %s → %s, Zalo's message kept out of the logs", async (code, kind, action) => {
    mock.use(
      http.post(TEMPLATE_URL, () =>
        HttpResponse.json({ error: code, message: "Hồ sơ HS-2025-000123 bị từ chối" }),
      ),
    );
    const error = await failure(client().sendTemplate(USER, "300001", DATA));
    expect([error.kind, error.zaloError]).toEqual([kind, code]);
    expect(deliveryDecision(error).action).toBe(action);
    expect(lines.join("\n")).toContain(`"zaloError":${code}`);
    expect(lines.join("\n")).not.toContain("bị từ chối");
  });

  it.each([
    ["no answer within the timeout", async () => delay(2_000).then(() => HttpResponse.json({ error: 0 }))],
    ["HTTP 502", () => new HttpResponse("bad gateway", { status: 502 })],
    ["a network error", () => HttpResponse.error()],
    ["an answer without message_id", () => HttpResponse.json({ error: 0, data: {} })],
  ])("%s → unavailable → retry", async (_what, answer) => {
    mock.use(http.post(TEMPLATE_URL, answer));
    const error = await failure(client().sendTemplate(USER, "300001", DATA));
    expect(error.kind).toBe("unavailable");
    expect(deliveryDecision(error)).toEqual({ action: "retry", slowDown: false });
  });

  it("HTTP 429 → rate_limited → retry, slower", async () => {
    mock.use(http.post(TEMPLATE_URL, () => new HttpResponse("slow down", { status: 429 })));
    const error = await failure(client().sendTemplate(USER, "300001", DATA));
    expect(error.kind).toBe("rate_limited");
    expect(deliveryDecision(error)).toEqual({ action: "retry", slowDown: true });
  });

  it("refuses an empty template id before sending", async () => {
    expect((await failure(client().sendTemplate(USER, " ", DATA))).kind).toBe("invalid");
  });
});

describe("OA client: sendGroupText", () => {
  it("POSTs {recipient: {group_id}, message: {text}} (NFC) and reads message_id", async () => {
    let body: unknown;
    mock.use(
      http.post(`${BASE}/v3.0/oa/group/message`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ error: 0, data: { message_id: "g1", group_id: "df7d5a31765c9f02c64d" } });
      }),
    );
    const sent = await client().sendGroupText("df7d5a31765c9f02c64d", "Li\u0323ch tiếp dân");
    expect(sent).toEqual({ messageId: "g1" });
    expect(body).toEqual({
      recipient: { group_id: "df7d5a31765c9f02c64d" },
      message: { text: "Lịch tiếp dân" },
    });
  });

  it("refuses text over 2,000 characters before sending", async () => {
    expect((await failure(client().sendGroupText("df7d5a31765c9f02c64d", "a".repeat(2_001)))).kind).toBe(
      "invalid",
    );
  });
});
