import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../lib/logger";
import { appsecretProof } from "./oa-contract";
import { OaError } from "./oa-error";
import type { OaTokenStore } from "./oa-token-store";
import { deliveryDecision } from "./zalo-error-codes";
import { createZnsClient, type ZnsTemplateMessage, znsPhoneOf } from "./zns-client";

/** The ZNS client (zalo-oa.md §4) against msw, with an in-memory token store. */

const BASE = "https://business.unit.test";
const SECRET = "unit-app-secret";
const SEND_URL = `${BASE}/message/template`;
const PHONE_DIGITS = "987654321";
const lines: string[] = [];
const mock = setupServer();

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
const client = () =>
  createZnsClient({
    baseUrl: BASE,
    appSecret: SECRET,
    tokens: tokens.store,
    logger: createLogger("debug", {}, (line) => lines.push(line)),
    timeoutMs: 200,
  });

const message: ZnsTemplateMessage = {
  phone: `0${PHONE_DIGITS}`,
  templateId: "7895417a7d3f9461cd2e",
  templateData: { ma_ho_so: "HS-2025-000123", trang_thai: "Đã có kết quả" },
  trackingId: "dossier123approved",
};

const success = {
  error: 0,
  message: "Success",
  data: {
    msg_id: "a4d0e6f2b1c3d5e7f9a1",
    sent_time: "1626926349402",
    sending_mode: "1",
    quota: { dailyQuota: "500", remainingQuota: "499" },
  },
};

async function failure(promise: Promise<unknown>): Promise<OaError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OaError);
  return error as OaError;
}

/** No log line may hold the phone number, in any spelling. */
function expectNoPhoneInLogs() {
  expect(lines.join("\n").replace(/\D/g, "")).not.toContain(PHONE_DIGITS);
}

beforeAll(() => mock.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  tokens = tokenStore();
});
afterEach(() => {
  expectNoPhoneInLogs();
  mock.resetHandlers();
  lines.length = 0;
});
afterAll(() => mock.close());

describe("ZNS client: sendTemplate", () => {
  it("POSTs {phone: 84…, template_id, template_data, tracking_id} with the OA token; reads msg_id and quota", async () => {
    const seen: { headers: Headers; body: unknown }[] = [];
    mock.use(
      http.post(SEND_URL, async ({ request }) => {
        seen.push({ headers: request.headers, body: await request.json() });
        return HttpResponse.json(success);
      }),
    );
    expect(await client().sendTemplate(message)).toEqual({
      messageId: "a4d0e6f2b1c3d5e7f9a1",
      quota: { daily: 500, remaining: 499 },
    });
    expect(seen[0]?.body).toEqual({
      phone: `84${PHONE_DIGITS}`,
      template_id: "7895417a7d3f9461cd2e",
      template_data: message.templateData,
      tracking_id: "dossier123approved",
    });
    expect(seen[0]?.headers.get("access_token")).toBe("tok-1");
    expect(seen[0]?.headers.get("appsecret_proof")).toBe(appsecretProof("tok-1", SECRET));
  });

  it("keeps a long numeric msg_id a string, and a sent message without a readable quota is still sent", async () => {
    mock.use(
      http.post(SEND_URL, () =>
        HttpResponse.json({
          error: 0,
          data: { msg_id: "123456789012345678901", quota: { dailyQuota: "x" } },
        }),
      ),
    );
    expect(await client().sendTemplate({ ...message, phone: `+84${PHONE_DIGITS}` })).toEqual({
      messageId: "123456789012345678901",
    });
  });

  it("-124 → refreshes the token once, retries once and succeeds", async () => {
    const used: (string | null)[] = [];
    mock.use(
      http.post(SEND_URL, ({ request }) => {
        const token = request.headers.get("access_token");
        used.push(token);
        return token === "tok-2"
          ? HttpResponse.json(success)
          : HttpResponse.json({ error: -124, message: "Access token is invalid" });
      }),
    );
    expect((await client().sendTemplate(message)).messageId).toBe("a4d0e6f2b1c3d5e7f9a1");
    expect(used).toEqual(["tok-1", "tok-2"]);
    expect(tokens.refreshed).toEqual(["tok-1"]);
  });

  it.each([
    [-32, "rate_limited", "retry"],
    [-108, "bad_phone", "next_channel"],
    [-118, "no_zalo_account", "next_channel"],
    [-114, "cannot_receive", "next_channel"],
    [-119, "cannot_receive", "next_channel"],
    [-115, "quota_exceeded", "retry"],
    [-144, "quota_exceeded", "retry"],
    [-131, "template_not_approved", "permanent"],
    [-133, "night_window", "retry"],
    [-139, "user_refused", "next_channel"],
    [-141, "user_refused", "next_channel"],
    [-122, "rejected", "permanent"],
  ] as const)(
    "Zalo %i → %s → %s; neither Zalo's message nor the phone logged",
    async (code, kind, action) => {
      mock.use(
        http.post(SEND_URL, () =>
          HttpResponse.json({ error: code, message: `Số 0${PHONE_DIGITS} không nhận được tin` }),
        ),
      );
      const error = await failure(client().sendTemplate(message));
      expect([error.kind, error.zaloError]).toEqual([kind, code]);
      expect(deliveryDecision(error).action).toBe(action);
      expect(lines.join("\n")).toContain(`"zaloError":${code}`);
      expect(lines.join("\n")).not.toContain("không nhận được");
    },
  );

  it("-133 at 23:00 in Vietnam: retry not before 06:00", async () => {
    mock.use(http.post(SEND_URL, () => HttpResponse.json({ error: -133, message: "night" })));
    const error = await failure(client().sendTemplate(message));
    expect(deliveryDecision(error, new Date("2026-12-03T23:00:00+07:00"))).toEqual({
      action: "retry",
      slowDown: false,
      notBefore: new Date("2026-12-04T06:00:00+07:00"),
    });
  });

  it.each([
    ["no answer within the timeout", async () => delay(2_000).then(() => HttpResponse.json(success))],
    ["HTTP 500", () => new HttpResponse("oops", { status: 500 })],
    ["a network error", () => HttpResponse.error()],
  ])("%s → unavailable → retry", async (_what, answer) => {
    mock.use(http.post(SEND_URL, answer));
    const error = await failure(client().sendTemplate(message));
    expect(error.kind).toBe("unavailable");
    expect(deliveryDecision(error)).toEqual({ action: "retry", slowDown: false });
  });

  it("refuses before sending: a number that is not a mobile (bad_phone), a tracking id with specials", async () => {
    let calls = 0;
    mock.use(
      http.post(SEND_URL, () => {
        calls++;
        return HttpResponse.json(success);
      }),
    );
    const badPhone = await failure(client().sendTemplate({ ...message, phone: "024 3825 1234" }));
    expect([badPhone.kind, deliveryDecision(badPhone).action]).toEqual(["bad_phone", "next_channel"]);
    for (const trackingId of ["dossier-123", "", "x".repeat(49), "hồsơ"]) {
      expect((await failure(client().sendTemplate({ ...message, trackingId }))).kind).toBe("invalid");
    }
    expect(calls).toBe(0);
    expect(await client().sendTemplate({ ...message, trackingId: "x".repeat(48) })).toMatchObject({
      messageId: "a4d0e6f2b1c3d5e7f9a1",
    });
  });

  it("spells phones as 84… for Zalo", () => {
    expect(znsPhoneOf(`0${PHONE_DIGITS}`)).toBe(`84${PHONE_DIGITS}`);
    expect(znsPhoneOf(`+84 ${PHONE_DIGITS}`)).toBe(`84${PHONE_DIGITS}`);
    expect(znsPhoneOf("0123")).toBeUndefined();
  });
});
