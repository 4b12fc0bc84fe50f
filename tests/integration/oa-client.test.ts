import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { delay, HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Config, loadConfig } from "../../bot-server/src/config";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createLogger } from "../../bot-server/src/lib/logger";
import { createOaClient, type OaClient } from "../../bot-server/src/zalo/oa-client";
import { OaError } from "../../bot-server/src/zalo/oa-error";
import { createOaTokenStore, type OaTokenStore } from "../../bot-server/src/zalo/oa-token-store";
import { sqlRows } from "../support/citizen-client";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { PRODUCTION_TEST_ENV, TEST_APP_SECRET } from "../support/fake-zalo-graph";
import { createFakeOa, FAKE_OA_API_BASE_URL, FAKE_OAUTH_BASE_URL } from "../support/fake-zalo-oa";

/** The OA client and its token store against msw fakes of Zalo, over a real test database. */

const USER = "2468458835296197922";
const dataDir = mkdtempSync(join(tmpdir(), "dvc-oa-"));
const config: Config = loadConfig({
  DATA_DIR: dataDir,
  ...PRODUCTION_TEST_ENV,
  ZALO_API_BASE_URL: FAKE_OA_API_BASE_URL,
  ZALO_OAUTH_BASE_URL: FAKE_OAUTH_BASE_URL,
});
const sealer = createSealer(config.dataEncryptionKey);
const logger = createLogger("warn", {}, () => {});
let fake = createFakeOa({ appSecret: TEST_APP_SECRET, seedRefreshToken: config.zalo.oaRefreshToken });
const mock = setupServer();
let database: FreshDatabase;

/** A store and client as one server process would build them. */
function build(timeoutMs?: number): { tokens: OaTokenStore; client: OaClient } {
  const tokens = createOaTokenStore({
    db: database.handle.db,
    sealer,
    logger,
    oaId: config.zalo.oaId,
    appId: config.zalo.appId,
    appSecret: config.zalo.appSecret,
    seedRefreshToken: config.zalo.oaRefreshToken,
    oauthBaseUrl: config.zalo.oauthBaseUrl,
  });
  const client = createOaClient({
    baseUrl: config.zalo.apiBaseUrl,
    appSecret: config.zalo.appSecret,
    tokens,
    logger,
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });
  return { tokens, client };
}

async function tokenRow() {
  const result = await sqlRows(database.handle.db, sql`select * from oa_tokens`);
  return result.rows;
}

async function failure(promise: Promise<unknown>): Promise<OaError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OaError);
  return error as OaError;
}

beforeAll(async () => {
  mock.listen({ onUnhandledRequest: "error" });
  database = await freshDatabase();
});
beforeEach(async () => {
  await database.handle.db.execute(sql`delete from oa_tokens`);
  fake = createFakeOa({ appSecret: TEST_APP_SECRET, seedRefreshToken: config.zalo.oaRefreshToken });
  mock.resetHandlers(...fake.handlers);
});
afterEach(() => mock.resetHandlers());
afterAll(async () => {
  mock.close();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("OA token store", () => {
  it("refreshes with the seeded refresh token on first use and stores the new pair sealed", async () => {
    const { client } = build();
    const sent = await client.sendText(USER, "Hồ sơ của bạn đã được tiếp nhận");
    expect(sent.messageId).toMatch(/^[0-9a-f]{20}$/);
    expect(fake.refreshes).toHaveLength(1);
    const [refresh] = fake.refreshes;
    expect(refresh).toMatchObject({
      refreshToken: "refresh-token",
      appId: config.zalo.appId,
      grantType: "refresh_token",
      secretKey: TEST_APP_SECRET,
    });
    const [cs] = fake.csCalls;
    expect(cs?.body).toEqual({
      recipient: { user_id: USER },
      message: { text: "Hồ sơ của bạn đã được tiếp nhận" },
    });
    const rows = await tokenRow();
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain(cs?.token);
    expect(raw).not.toContain(refresh?.issued);
    expect(raw).not.toContain("refresh-token");
    const row = rows[0] as { access_token_sealed: string; refresh_token_sealed: string; oa_id: string };
    expect(row.oa_id).toBe(config.zalo.oaId);
    expect(sealer.open(row.access_token_sealed, SEALED.oaAccessToken(row.oa_id))).toBe(cs?.token);
    expect(sealer.open(row.refresh_token_sealed, SEALED.oaRefreshToken(row.oa_id))).toBe(refresh?.issued);
  });

  it("on -216 refreshes once with the rotated refresh token, retries once and succeeds", async () => {
    const { client } = build();
    await client.sendText(USER, "lần một");
    fake.revokeAccessTokens();
    const sent = await client.sendText(USER, "lần hai");
    expect(sent.messageId).toBeTruthy();
    expect(fake.refreshes).toHaveLength(2);
    expect(fake.refreshes[1]?.refreshToken).toBe(fake.refreshes[0]?.issued);
    expect(fake.refreshes[1]?.issued).toBeTruthy();
    expect(fake.csCalls).toHaveLength(3);
  });

  it("ten concurrent getAccessToken() calls over two processes with an expired token: one refresh", async () => {
    await build().tokens.getAccessToken();
    await database.handle.db.execute(
      sql`update oa_tokens set access_expires_at = now() - interval '1 minute'`,
    );
    fake.setRefreshDelay(100);
    const before = fake.refreshes.length;
    const [first, second] = [build(), build()];
    const tokens = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? first : second).tokens.getAccessToken()),
    );
    expect(fake.refreshes.length - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    const row = (await tokenRow())[0] as { access_token_sealed: string };
    expect(sealer.open(row.access_token_sealed, SEALED.oaAccessToken(config.zalo.oaId))).toBe(tokens[0]);
  });
});

describe("OA client errors", () => {
  const answer = (body: Record<string, unknown>) =>
    mock.use(http.post(`${FAKE_OA_API_BASE_URL}/v3.0/oa/message/cs`, () => HttpResponse.json(body)));

  it("-230 → outside_window, without a retry or a refresh", async () => {
    const { client, tokens } = build();
    await tokens.getAccessToken();
    let calls = 0;
    mock.use(
      http.post(`${FAKE_OA_API_BASE_URL}/v3.0/oa/message/cs`, () => {
        calls++;
        return HttpResponse.json({ error: -230, message: "User has not interacted in 7 days" });
      }),
    );
    const error = await failure(client.sendText(USER, "xin chào"));
    expect(error.kind).toBe("outside_window");
    expect(error.zaloError).toBe(-230);
    expect(calls).toBe(1);
    expect(fake.refreshes).toHaveLength(1);
  });

  it("-32 → rate_limited, -227 → inactive, another code → rejected", async () => {
    const { client } = build();
    for (const [code, kind] of [
      [-32, "rate_limited"],
      [-227, "inactive"],
      [-201, "rejected"],
    ] as const) {
      answer({ error: code, message: "refused" });
      expect((await failure(client.sendText(USER, "xin chào"))).kind).toBe(kind);
    }
  });

  it("a timeout, a 5xx or a network failure → unavailable", async () => {
    const { client, tokens } = build(200);
    await tokens.getAccessToken();
    mock.use(
      http.post(`${FAKE_OA_API_BASE_URL}/v3.0/oa/message/cs`, async () => {
        await delay(2_000);
        return HttpResponse.json({ error: 0, data: { message_id: "x" } });
      }),
    );
    expect((await failure(client.sendText(USER, "xin chào"))).kind).toBe("unavailable");
    mock.use(
      http.post(`${FAKE_OA_API_BASE_URL}/v3.0/oa/message/cs`, () => new HttpResponse("bad", { status: 502 })),
    );
    expect((await failure(client.sendText(USER, "xin chào"))).kind).toBe("unavailable");
    mock.use(http.post(`${FAKE_OA_API_BASE_URL}/v3.0/oa/message/cs`, () => HttpResponse.error()));
    expect((await failure(client.sendText(USER, "xin chào"))).kind).toBe("unavailable");
  });

  it("refuses text over 2,000 characters before sending, and NFC-normalises", async () => {
    const { client } = build();
    expect((await failure(client.sendText(USER, "a".repeat(2_001)))).kind).toBe("invalid");
    expect(fake.csCalls).toHaveLength(0);
    await client.sendText(USER, "Nguye\u0302\u0303n");
    expect(fake.csCalls[0]?.body).toMatchObject({ message: { text: "Nguyễn" } });
  });
});
