import { createHmac } from "node:crypto";
import type { CitizenMeResponse, ErrorBody, SignInResponse } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../bot-server/src/modules/citizen-auth/session";
import { call, signIn, sqlRows } from "../support/citizen-client";
import { type FreshDatabase, freshDatabase } from "../support/database";
import {
  createFakeGraph,
  FAKE_GRAPH_BASE_URL,
  PRODUCTION_TEST_ENV,
  TEST_APP_SECRET,
  zaloId,
} from "../support/fake-zalo-graph";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/** Sign-in with a Zalo access token verified against the Graph API (msw), sessions, sign-out. */

const graph = createFakeGraph();
const mock = setupServer(...graph.handlers);
let database: FreshDatabase;
let test: TestApp;

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: "error" });
  database = await freshDatabase();
  test = buildTestApp(database.handle, PRODUCTION_TEST_ENV);
});
afterEach(() => {
  mock.resetHandlers();
  vi.useRealTimers();
});
afterAll(async () => {
  mock.close();
  test?.cleanup();
  await database?.drop();
});

async function count(table: "citizens" | "citizen_sessions"): Promise<number> {
  const result = await sqlRows(
    database.handle.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return Number((result.rows[0] as { n: number }).n);
}

describe("POST /api/auth/zalo", () => {
  it("signs in with a token the Graph API accepts, and the session works on /api/auth/me", async () => {
    const id = zaloId();
    const accessToken = graph.addUser({
      id,
      name: "Nguyễn Thị Lan",
      avatarUrl: "https://s120.zadn.vn/a.jpg",
    });
    const result = await signIn(test.app, accessToken);
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(result.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    expect(result.citizen).toMatchObject({ name: "Nguyễn Thị Lan", avatarUrl: "https://s120.zadn.vn/a.jpg" });
    expect(result.citizen.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.consentGiven).toBe(false);

    const me = await call<CitizenMeResponse>(test.app, "GET", "/api/auth/me", { token: result.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ citizen: result.citizen, consentGiven: false });
    expect(me.headers.get("Cache-Control")).toBe("no-store");
  });

  it("calls /v2.0/me with the token in a header and appsecret_proof = HMAC-SHA256(token, app secret)", async () => {
    const accessToken = graph.addUser({ id: zaloId(), name: "Trần Văn Bình" });
    const before = graph.calls.length;
    await signIn(test.app, accessToken);
    const [sent] = graph.calls.slice(before);
    expect(sent?.path).toBe("/v2.0/me");
    expect(new URLSearchParams(sent?.search).get("fields")).toBe("id,name,picture");
    expect(sent?.headers.access_token).toBe(accessToken);
    expect(sent?.headers.appsecret_proof).toBe(
      createHmac("sha256", TEST_APP_SECRET).update(accessToken).digest("hex"),
    );
  });

  it("answers 401 to a token the Graph API refuses, and stores nothing", async () => {
    const [citizensBefore, sessionsBefore] = [await count("citizens"), await count("citizen_sessions")];
    const result = await call<ErrorBody>(test.app, "POST", "/api/auth/zalo", {
      body: { accessToken: "forged-token-123" },
    });
    expect(result.status).toBe(401);
    expect(result.body.code).toBe("UNAUTHENTICATED");
    expect(result.body.message).toMatch(/đăng nhập lại/);
    expect(await count("citizens")).toBe(citizensBefore);
    expect(await count("citizen_sessions")).toBe(sessionsBefore);
  });

  it("ignores any user id the client sends: only the Graph API's answer counts", async () => {
    const victim = zaloId();
    await signIn(test.app, graph.addUser({ id: victim, name: "Người bị mạo danh" }));
    const attacker = zaloId();
    const accessToken = graph.addUser({ id: attacker, name: "Kẻ mạo danh" });
    const result = await call<SignInResponse>(test.app, "POST", "/api/auth/zalo", {
      body: { accessToken, id: victim, zaloUserId: victim, userId: victim },
    });
    expect(result.status).toBe(200);
    const rows = await sqlRows(
      database.handle.db,
      sql`select zalo_user_id from citizens where id = ${result.body.citizen.id}`,
    );
    expect(rows.rows).toEqual([{ zalo_user_id: attacker }]);
  });

  it("keeps one citizen per Zalo id, refreshes the name, keeps it when Zalo sends none, and rotates sessions", async () => {
    const id = zaloId();
    const first = await signIn(test.app, graph.addUser({ id, name: "Lê Văn Cũ" }));
    const second = await signIn(test.app, graph.addUser({ id, name: "Lê Văn Mới" }));
    const third = await signIn(test.app, graph.addUser({ id }));
    expect(second.citizen.id).toBe(first.citizen.id);
    expect(second.citizen.name).toBe("Lê Văn Mới");
    expect(third.citizen.name).toBe("Lê Văn Mới");
    expect(new Set([first.token, second.token, third.token]).size).toBe(3);
  });

  it("rejects a body without a token with a Vietnamese field message", async () => {
    const result = await call<ErrorBody>(test.app, "POST", "/api/auth/zalo", { body: { accessToken: " " } });
    expect(result.status).toBe(400);
    expect(result.body.fields?.accessToken).toBe(
      "Thiếu mã Zalo. Vui lòng đóng ứng dụng, mở lại rồi thử lại.",
    );
  });

  it("answers 503 'Zalo đang bận' when Zalo fails, times out at HTTP level or is unreachable", async () => {
    const accessToken = graph.addUser({ id: zaloId(), name: "Phạm Thị Dung" });
    for (const failure of [
      () => new HttpResponse("bad gateway", { status: 502 }),
      () => HttpResponse.error(),
      () => HttpResponse.json({ error: -32, message: "Exceeded rate limit" }),
      () => HttpResponse.json({ id: 5318479563581385000, name: "số, không phải chuỗi", error: 0 }),
    ]) {
      mock.use(http.get(`${FAKE_GRAPH_BASE_URL}/v2.0/me`, failure));
      const result = await call<ErrorBody>(test.app, "POST", "/api/auth/zalo", { body: { accessToken } });
      expect(result.status).toBe(503);
      expect(result.body.message).toMatch(/^Zalo đang bận, vui lòng thử lại/);
      expect(result.headers.get("Retry-After")).toBe("5");
    }
  });

  it("never logs the Zalo access token or the session token", async () => {
    const accessToken = graph.addUser({ id: zaloId(), name: "Võ Văn Em" });
    const { token } = await signIn(test.app, accessToken);
    await call(test.app, "GET", "/api/auth/me", { token });
    const logs = test.rawLogs().join("\n");
    expect(logs).toContain("citizen signed in");
    expect(logs).not.toContain(accessToken);
    expect(logs).not.toContain(token);
  });
});

describe("sessions", () => {
  it("answers 401 without a token, with a malformed one, or with an unknown one", async () => {
    for (const token of [undefined, "short", "x".repeat(43)]) {
      const result = await call<ErrorBody>(test.app, "GET", "/api/auth/me", token ? { token } : {});
      expect(result.status).toBe(401);
      expect(result.body.code).toBe("UNAUTHENTICATED");
    }
  });

  it("DELETE /api/auth/session signs out that session only; the token then answers 401", async () => {
    const accessToken = graph.addUser({ id: zaloId(), name: "Đỗ Thị Giang" });
    const phone = await signIn(test.app, accessToken);
    const tablet = await signIn(test.app, accessToken);
    const out = await call(test.app, "DELETE", "/api/auth/session", { token: phone.token });
    expect(out.status).toBe(204);
    expect((await call(test.app, "GET", "/api/auth/me", { token: phone.token })).status).toBe(401);
    expect((await call(test.app, "DELETE", "/api/auth/session", { token: phone.token })).status).toBe(401);
    expect((await call(test.app, "GET", "/api/auth/me", { token: tablet.token })).status).toBe(200);
  });

  it("ends a session unused for longer than the idle limit", async () => {
    const { token } = await signIn(test.app, graph.addUser({ id: zaloId(), name: "Hồ Văn Hải" }));
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + SESSION_IDLE_MS - 60_000);
    expect((await call(test.app, "GET", "/api/auth/me", { token })).status).toBe(200);
    vi.setSystemTime(Date.now() + SESSION_IDLE_MS + 60_000);
    expect((await call(test.app, "GET", "/api/auth/me", { token })).status).toBe(401);
  });

  it("ends a session at its absolute limit even when used every few days", async () => {
    const started = Date.now();
    const { token } = await signIn(test.app, graph.addUser({ id: zaloId(), name: "Mai Thị Kim" }));
    vi.useFakeTimers({ toFake: ["Date"] });
    for (const day of [6, 12, 18, 24, 29]) {
      vi.setSystemTime(started + day * 24 * 3600 * 1000);
      expect((await call(test.app, "GET", "/api/auth/me", { token })).status, `day ${day}`).toBe(200);
    }
    vi.setSystemTime(started + SESSION_ABSOLUTE_MS + 60_000);
    expect((await call(test.app, "GET", "/api/auth/me", { token })).status).toBe(401);
  });
});
