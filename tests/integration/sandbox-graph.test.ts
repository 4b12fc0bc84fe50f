import { createHmac } from "node:crypto";
import type { ErrorBody } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createGraphClient, ZaloGraphError } from "../../bot-server/src/zalo/graph-client";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { call, sqlRows } from "../support/citizen-client";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * The sandbox's Graph API and its pretend Zalo users, in process: Zalo's shapes and rules, and the
 * production Graph client working against it unchanged.
 */

interface SandboxCitizen {
  id: string;
  name: string;
  avatarUrl: string | null;
  phone: string;
}

let database: FreshDatabase;
let test: TestApp;
let appSecret: string;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  appSecret = test.config.zalo.appSecret;
  const deps = { config: test.config, database: database.handle, logger: test.logger };
  test.app.route("/sandbox", sandboxRoutes({ ...deps, sealer: createSealer(test.config.dataEncryptionKey) }));
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});

async function createCitizen(body: { name: string; phone?: string }): Promise<SandboxCitizen> {
  const result = await call<{ citizen: SandboxCitizen }>(test.app, "POST", "/sandbox/api/citizens", { body });
  expect(result.status).toBe(201);
  return result.body.citizen;
}

async function accessTokenFor(id: string): Promise<string> {
  const result = await call<{ accessToken: string; expiresIn: number }>(
    test.app,
    "POST",
    `/sandbox/api/citizens/${id}/access-token`,
  );
  expect(result.status).toBe(200);
  expect(result.body.expiresIn).toBe(3600);
  return result.body.accessToken;
}

async function phoneTokenFor(id: string): Promise<string> {
  const result = await call<{ token: string }>(test.app, "POST", `/sandbox/api/citizens/${id}/phone-token`);
  expect(result.status).toBe(200);
  return result.body.token;
}

const proof = (token: string) => createHmac("sha256", appSecret).update(token).digest("hex");

async function graphGet(path: string, headers: Record<string, string>) {
  const response = await test.app.request(`/sandbox/graph${path}`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

describe("sandbox citizens", () => {
  it("creates Zalo-like users: 19-digit string ids, a picture, a phone (masked when listed)", async () => {
    const chosen = await createCitizen({ name: "Nguyễn Thị Sandbox", phone: "0912 345 678" });
    expect(chosen).toMatchObject({ name: "Nguyễn Thị Sandbox", phone: "0912 ••• 678" });
    expect(chosen.id).toMatch(/^[1-9]\d{18}$/);
    expect(chosen.avatarUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const random = await createCitizen({ name: "Trần Văn Ngẫu Nhiên" });
    expect(random.phone).toMatch(/^098\d ••• \d{3}$/);
    const list = await call<{ citizens: SandboxCitizen[] }>(test.app, "GET", "/sandbox/api/citizens");
    expect(list.body.citizens.map((c) => c.id)).toEqual(expect.arrayContaining([chosen.id, random.id]));
    const raw = await sqlRows(database.handle.db, sql`select * from sandbox_zalo_users`);
    expect(JSON.stringify(raw.rows)).not.toContain("912345678");
  });

  it("refuses a bad phone or a missing name in Vietnamese, and an unknown user with 404", async () => {
    const bad = await call<ErrorBody>(test.app, "POST", "/sandbox/api/citizens", {
      body: { name: "A", phone: "0112345678" },
    });
    expect(bad.body.fields?.phone).toBe("Đầu số 011 không phải đầu số di động Việt Nam");
    const unnamed = await call<ErrorBody>(test.app, "POST", "/sandbox/api/citizens", { body: { name: " " } });
    expect(unnamed.body.fields?.name).toBe("Vui lòng nhập tên");
    const unknown = await call<ErrorBody>(test.app, "POST", "/sandbox/api/citizens/123/access-token");
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/tạo người dùng trước/);
  });
});

describe("GET /sandbox/graph/v2.0/me", () => {
  it("answers like Zalo: flat, string id, requested fields, error 0", async () => {
    const citizen = await createCitizen({ name: "Lê Văn Graph" });
    const token = await accessTokenFor(citizen.id);
    const me = await graphGet("/v2.0/me?fields=id,name,picture", {
      access_token: token,
      appsecret_proof: proof(token),
    });
    expect(me).toEqual({
      id: citizen.id,
      name: "Lê Văn Graph",
      picture: { data: { url: citizen.avatarUrl } },
      error: 0,
      message: "Success",
    });
    const idOnly = await graphGet("/v2.0/me?fields=id", {
      access_token: token,
      appsecret_proof: proof(token),
    });
    expect(idOnly).toEqual({ id: citizen.id, error: 0, message: "Success" });
    const stored = await sqlRows(database.handle.db, sql`select token_hash from sandbox_zalo_tokens`);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
  });

  it("refuses inside HTTP 200: missing or wrong proof, unknown token, expired token", async () => {
    const citizen = await createCitizen({ name: "Phạm Thị Từ Chối" });
    const token = await accessTokenFor(citizen.id);
    expect(await graphGet("/v2.0/me", { access_token: token })).toMatchObject({ error: -201 });
    expect(
      await graphGet("/v2.0/me", { access_token: token, appsecret_proof: proof(`${token}x`) }),
    ).toMatchObject({
      error: -201,
    });
    expect(
      await graphGet("/v2.0/me", { access_token: "made-up", appsecret_proof: proof("made-up") }),
    ).toMatchObject({
      error: -216,
    });
    expect(await graphGet("/v2.0/me", {})).toMatchObject({ error: -216 });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3601 * 1000);
    expect(await graphGet("/v2.0/me", { access_token: token, appsecret_proof: proof(token) })).toMatchObject({
      error: -220,
    });
  });
});

describe("GET /sandbox/graph/v2.0/me/info", () => {
  it("gives the number once per phone token, only with the app secret, only to its own user", async () => {
    const citizen = await createCitizen({ name: "Đặng Văn Số", phone: "0987 654 321" });
    const other = await createCitizen({ name: "Người Khác" });
    const token = await accessTokenFor(citizen.id);
    const code = await phoneTokenFor(citizen.id);
    const headers = { access_token: token, code, secret_key: appSecret };
    expect(await graphGet("/v2.0/me/info", { ...headers, secret_key: "wrong" })).toMatchObject({
      error: -201,
    });
    expect(await graphGet("/v2.0/me/info", headers)).toEqual({
      data: { number: "84987654321" },
      error: 0,
      message: "Success",
    });
    expect(await graphGet("/v2.0/me/info", headers)).toMatchObject({ error: -201 });
    const othersCode = await phoneTokenFor(other.id);
    expect(await graphGet("/v2.0/me/info", { ...headers, code: othersCode })).toMatchObject({ error: -201 });
  });

  it("lets a phone token expire after 2 minutes", async () => {
    const citizen = await createCitizen({ name: "Vũ Thị Hết Hạn" });
    const token = await accessTokenFor(citizen.id);
    const code = await phoneTokenFor(citizen.id);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 121 * 1000);
    expect(
      await graphGet("/v2.0/me/info", { access_token: token, code, secret_key: appSecret }),
    ).toMatchObject({
      error: -201,
    });
  });
});

describe("the production Graph client against the sandbox", () => {
  const client = () =>
    createGraphClient({
      baseUrl: "http://sandbox.local/sandbox/graph",
      appSecret,
      logger: test.logger,
      fetch: async (url, init) => test.app.request(url, init),
    });

  it("reads the user and the phone number", async () => {
    const citizen = await createCitizen({ name: "Hoàng Văn Hợp Đồng", phone: "0901234567" });
    const token = await accessTokenFor(citizen.id);
    expect(await client().getMe(token)).toEqual({
      id: citizen.id,
      name: "Hoàng Văn Hợp Đồng",
      avatarUrl: citizen.avatarUrl,
    });
    expect(await client().getPhoneNumber(token, await phoneTokenFor(citizen.id))).toBe("84901234567");
  });

  it("turns the sandbox's refusals into 401 (sign-in) and 400 (phone)", async () => {
    const signIn = await client()
      .getMe("made-up-token")
      .catch((error: unknown) => error);
    expect(signIn).toBeInstanceOf(ZaloGraphError);
    expect(signIn).toMatchObject({ code: "UNAUTHENTICATED", zaloError: -216 });
    const citizen = await createCitizen({ name: "Ngô Thị Sai Mã" });
    const token = await accessTokenFor(citizen.id);
    const phone = await client()
      .getPhoneNumber(token, "not-a-phone-token")
      .catch((error: unknown) => error);
    expect(phone).toMatchObject({ code: "BAD_REQUEST", zaloError: -201 });
  });
});
