import { createHmac } from "node:crypto";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../lib/logger";
import { createGraphClient, ZaloGraphError } from "./graph-client";

const BASE = "https://graph.unit.test";
const SECRET = "unit-app-secret";
const lines: string[] = [];
const client = createGraphClient({
  baseUrl: BASE,
  appSecret: SECRET,
  logger: createLogger("debug", {}, (line) => lines.push(line)),
  timeoutMs: 200,
});
const mock = setupServer();

beforeAll(() => mock.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  mock.resetHandlers();
  lines.length = 0;
});
afterAll(() => mock.close());

const me = (answer: () => Response | Promise<Response>) => mock.use(http.get(`${BASE}/v2.0/me`, answer));
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

describe("getMe", () => {
  it("sends the token and appsecret_proof in headers and reads the flat answer", async () => {
    let seen: Request | undefined;
    me(() =>
      HttpResponse.json({
        id: "5318479563581384576",
        name: " An ",
        picture: { data: { url: "https://a/b.jpg" } },
        error: 0,
        message: "Success",
      }),
    );
    mock.events.on("request:start", ({ request }) => {
      seen = request.clone();
    });
    expect(await client.getMe("tok-1")).toEqual({
      id: "5318479563581384576",
      name: "An",
      avatarUrl: "https://a/b.jpg",
    });
    expect(seen?.headers.get("access_token")).toBe("tok-1");
    expect(seen?.headers.get("appsecret_proof")).toBe(
      createHmac("sha256", SECRET).update("tok-1").digest("hex"),
    );
    expect(new URL(seen?.url ?? "").searchParams.get("fields")).toBe("id,name,picture");
    mock.events.removeAllListeners();
  });

  it("cleans the name the user typed on Zalo: NUL and half an emoji dropped, NFC", async () => {
    me(() => HttpResponse.json({ id: "7", name: "Nguye\u0302\u0303n\u0000 An \ud83d", error: 0 }));
    expect((await client.getMe("tok")).name).toBe("Nguyễn An");
  });

  it("accepts an answer with only the id, and a numeric-string error code", async () => {
    me(() => HttpResponse.json({ id: "42", error: "0" }));
    expect(await client.getMe("tok")).toEqual({ id: "42", name: undefined, avatarUrl: undefined });
  });

  it("maps a refusal inside HTTP 200 to 401, logging the code but not Zalo's message or the token", async () => {
    me(() => HttpResponse.json({ error: -216, message: "Access token is invalid tok-secret" }));
    const error = await failure(client.getMe("tok-secret"));
    expect(error).toBeInstanceOf(ZaloGraphError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", zaloError: -216, status: 401 });
    expect(lines.join("\n")).toContain('"zaloError":-216');
    expect(lines.join("\n")).not.toContain("tok-secret");
  });

  it.each([
    ["a rate limit (-32)", () => HttpResponse.json({ error: -32, message: "Exceeded" })],
    ["HTTP 500", () => new HttpResponse("oops", { status: 500 })],
    ["a network error", () => HttpResponse.error()],
    ["a body that is not JSON", () => new HttpResponse("<html>", { status: 200 })],
    ["an id as a JSON number", () => HttpResponse.json({ id: 5318479563581385000, error: 0 })],
    [
      "a redirect",
      () => new HttpResponse(null, { status: 302, headers: { Location: "https://evil.test/" } }),
    ],
    [
      "no answer within the timeout",
      async () => {
        await delay(1_000);
        return HttpResponse.json({ id: "1", error: 0 });
      },
    ],
  ])("maps %s to 503 'Zalo đang bận'", async (_what, answer) => {
    me(answer);
    const error = await failure(client.getMe("tok"));
    expect(error).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", status: 503 });
    expect((error as Error).message).toMatch(/^Zalo đang bận, vui lòng thử lại/);
  });
});

describe("getPhoneNumber", () => {
  it("sends access_token, code and secret_key, and returns data.number", async () => {
    let headers: Headers | undefined;
    mock.use(
      http.get(`${BASE}/v2.0/me/info`, ({ request }) => {
        headers = request.headers;
        return HttpResponse.json({ data: { number: "84912345678" }, error: 0, message: "Success" });
      }),
    );
    expect(await client.getPhoneNumber("tok", "phone-tok")).toBe("84912345678");
    expect(headers?.get("access_token")).toBe("tok");
    expect(headers?.get("code")).toBe("phone-tok");
    expect(headers?.get("secret_key")).toBe(SECRET);
  });

  it("maps a refused phone token to 400 telling the citizen to tap again", async () => {
    mock.use(
      http.get(`${BASE}/v2.0/me/info`, () => HttpResponse.json({ error: -201, message: "Invalid code" })),
    );
    const error = await failure(client.getPhoneNumber("tok", "used"));
    expect(error).toMatchObject({ code: "BAD_REQUEST", zaloError: -201 });
    expect((error as Error).message).toMatch(/bấm lại nút lấy số điện thoại/);
  });
});
