import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../bot-server/src/app";
import { type Config, ConfigError, loadConfig } from "../../bot-server/src/config";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createOaClient } from "../../bot-server/src/zalo/oa-client";
import { appsecretProof } from "../../bot-server/src/zalo/oa-contract";
import { OaError } from "../../bot-server/src/zalo/oa-error";
import { createOaTokenStore } from "../../bot-server/src/zalo/oa-token-store";
import {
  listOaUsers,
  recordInteraction,
  setFollowing,
  upsertOaUser,
} from "../../bot-server/src/zalo-sandbox/oa-users-repo";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { sqlRows } from "../support/citizen-client";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";
import { solidPng } from "../support/test-png";

/**
 * The sandbox's OA Open API, OAuth v4 and ZNS hosts, driven over HTTP by the REAL product clients
 * (createOaTokenStore + createOaClient) where they exist, and by plain requests for what has no client
 * yet. Each server "restart" is a new app over the same database.
 */

const DAY = 24 * 60 * 60 * 1000;
let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;
const closers: (() => Promise<void> | void)[] = [];
/** Every answer the product's clients received, raw, in order. */
const answers: { path: string; body: Record<string, unknown> }[] = [];

const db = () => database.handle.db;
const sealer = () => createSealer(test.config.dataEncryptionKey);

async function recordingFetch(input: string, init: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  answers.push({
    path: new URL(input).pathname,
    body: (await response.clone().json()) as Record<string, unknown>,
  });
  return response;
}

/** A sandbox server (createApp + /sandbox, as server.ts mounts it) over the file's database. */
async function startSandbox(config: Config = test.config): Promise<ServedApp> {
  const deps = { config, database: database.handle, logger: test.logger, sealer: sealer() };
  const app = createApp(deps);
  app.route("/sandbox", sandboxRoutes(deps));
  const server = await serveOverHttp(app.fetch);
  closers.push(() => server.close());
  return server;
}

/** The product's token store and OA client, as one server process builds them, pointed at `baseUrl`. */
function product(baseUrl = served.baseUrl) {
  const { zalo } = test.config;
  const tokens = createOaTokenStore({
    db: db(),
    sealer: sealer(),
    logger: test.logger,
    oaId: zalo.oaId,
    appId: zalo.appId,
    appSecret: zalo.appSecret,
    seedRefreshToken: zalo.oaRefreshToken,
    oauthBaseUrl: `${baseUrl}/sandbox/oauth`,
    fetch: recordingFetch,
  });
  const client = createOaClient({
    baseUrl: `${baseUrl}/sandbox/openapi`,
    appSecret: zalo.appSecret,
    tokens,
    logger: test.logger,
    fetch: recordingFetch,
  });
  return { tokens, client };
}

interface CallOptions {
  method?: "GET" | "POST";
  body?: unknown;
  form?: FormData;
  token?: string;
  proof?: string | null;
  baseUrl?: string;
}

/** A plain request to a sandbox host with the product's current OA token; the body of its HTTP 200. */
async function zalo(path: string, options: CallOptions = {}): Promise<Record<string, unknown>> {
  const token = options.token ?? (await product().tokens.getAccessToken());
  const headers: Record<string, string> = { access_token: token };
  const proof =
    options.proof === undefined ? appsecretProof(token, test.config.zalo.appSecret) : options.proof;
  if (proof !== null) headers.appsecret_proof = proof;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(`${options.baseUrl ?? served.baseUrl}/sandbox${path}`, {
    method: options.method ?? (options.body === undefined && !options.form ? "GET" : "POST"),
    headers,
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  expect(response.status, path).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

async function oauth(form: Record<string, string>, secret = test.config.zalo.appSecret) {
  const response = await fetch(`${served.baseUrl}/sandbox/oauth/v4/oa/access_token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", secret_key: secret },
    body: new URLSearchParams(form).toString(),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, unknown>;
}

const refreshForm = (refreshToken: string) => ({
  refresh_token: refreshToken,
  app_id: test.config.zalo.appId,
  grant_type: "refresh_token",
});

async function failure(promise: Promise<unknown>): Promise<OaError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OaError);
  return error as OaError;
}

const resident = (daysAgo: number | null, name = "Nguyễn Văn Cư Dân") =>
  upsertOaUser(db(), {
    displayName: name,
    following: true,
    ...(daysAgo === null ? {} : { lastInteractionAt: new Date(Date.now() - daysAgo * DAY) }),
  });

async function rows(table: "sandbox_sent_messages" | "sandbox_oa_tokens" | "oa_tokens") {
  return (await sqlRows(db(), sql`select * from ${sql.identifier(table)} order by 1`)).rows;
}

const sentTo = async (recipient: string) =>
  (await rows("sandbox_sent_messages")).filter((row) => row.recipient === recipient);

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  test.app.route("/sandbox", sandboxRoutes({ ...depsOf(test), sealer: sealer() }));
  served = await serveOverHttp(test.app.fetch);
  closers.push(() => served.close());
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  for (const close of closers) await close();
  test?.cleanup();
  await database?.drop();
});

function depsOf(app: TestApp) {
  return { config: app.config, database: database.handle, logger: app.logger };
}

describe("OAuth v4 and the OA token", () => {
  it("first call: refreshes with the seeded refresh token, then sends; only hashes are stored", async () => {
    const user = await resident(0);
    const { client } = product();
    const sent = await client.sendText(user.id, "Hồ sơ của bạn đã được tiếp nhận");
    expect(answers.map((answer) => answer.path)).toEqual([
      "/sandbox/oauth/v4/oa/access_token",
      "/sandbox/openapi/v3.0/oa/message/cs",
    ]);
    const [refresh, cs] = answers;
    expect(refresh?.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      expires_in: "90000",
    });
    expect(cs?.body).toEqual({
      error: 0,
      message: "Success",
      data: {
        message_id: sent.messageId,
        user_id: user.id,
        sent_time: expect.stringMatching(/^\d{13}$/),
        quota: { quota_type: "reply", remain: "7", total: "8" },
      },
    });
    expect(await sentTo(user.id)).toEqual([
      expect.objectContaining({
        channel: "oa_cs",
        message_id: sent.messageId,
        payload: { recipient: { user_id: user.id }, message: { text: "Hồ sơ của bạn đã được tiếp nhận" } },
      }),
    ]);
    const stored = JSON.stringify(await rows("sandbox_oa_tokens"));
    for (const token of [
      refresh?.body.access_token,
      refresh?.body.refresh_token,
      test.config.zalo.oaRefreshToken,
    ]) {
      expect(stored).not.toContain(String(token));
    }
    expect(await oauth(refreshForm(test.config.zalo.oaRefreshToken))).toMatchObject({ error: -14014 });
  });

  it("a refresh token works once: the one spent is refused afterwards", async () => {
    const { tokens } = product();
    const [row] = await rows("oa_tokens");
    const spent = sealer().open(String(row?.refresh_token_sealed));
    await tokens.forceRefresh(await tokens.getAccessToken());
    expect(await oauth(refreshForm(spent))).toMatchObject({ error: -14014 });
  });

  it("refuses a wrong secret_key, app_id or grant, in HTTP 200 bodies without tokens", async () => {
    const made = refreshForm("made-up-refresh-token");
    expect(await oauth(made, "wrong-secret")).toMatchObject({ error: -14003 });
    expect(await oauth({ ...made, app_id: "999" })).toMatchObject({ error: -14002 });
    expect(await oauth({ ...made, grant_type: "authorization_code" })).toMatchObject({ error: -14003 });
    expect(await oauth(made)).toEqual(expect.not.objectContaining({ access_token: expect.anything() }));
  });

  it("survives a restart: tokens live in the database, the used seed stays used", async () => {
    const user = await resident(1);
    // A new server over the same database; the old one is gone, as after a real restart.
    await served.close();
    served = await startSandbox();
    const { client, tokens } = product();
    answers.length = 0;
    await client.sendText(user.id, "Sau khi khởi động lại");
    expect(answers.map((answer) => answer.path)).toEqual(["/sandbox/openapi/v3.0/oa/message/cs"]);
    await tokens.forceRefresh(await tokens.getAccessToken());
    await client.sendText(user.id, "Sau khi làm mới token");
    expect(await oauth(refreshForm(test.config.zalo.oaRefreshToken))).toMatchObject({ error: -14014 });
  });

  it("an access token Zalo no longer knows (-216): the client refreshes once and retries", async () => {
    const user = await resident(0);
    await db().execute(sql`delete from sandbox_oa_tokens where kind = 'access'`);
    answers.length = 0;
    await product().client.sendText(user.id, "Thử lại sau -216");
    expect(answers.map((answer) => [answer.path.split("/").pop(), answer.body.error])).toEqual([
      ["cs", -216],
      ["access_token", undefined],
      ["cs", 0],
    ]);
  });

  it("two concurrent refreshes with one refresh token: exactly one gets a pair", async () => {
    const [row] = await rows("oa_tokens");
    const current = sealer().open(String(row?.refresh_token_sealed));
    const answered = await Promise.all([oauth(refreshForm(current)), oauth(refreshForm(current))]);
    const winners = answered.filter((answer) => typeof answer.access_token === "string");
    expect(winners).toHaveLength(1);
    expect(answered.filter((answer) => answer.error === -14014)).toHaveLength(1);
    // Hand the winning pair to the product, as its own refresh would have stored it.
    const [won] = winners;
    await db().execute(sql`update oa_tokens set
      access_token_sealed = ${sealer().seal(String(won?.access_token))},
      refresh_token_sealed = ${sealer().seal(String(won?.refresh_token))},
      access_expires_at = ${new Date(Date.now() + 90_000_000).toISOString()}::timestamptz`);
    await product().client.getQuota((await resident(0)).id);
  });

  it("answers -220 after 25 h, -216 for no token, -242 for a wrong proof; no proof is accepted", async () => {
    const token = await product().tokens.getAccessToken();
    const user = await resident(0);
    const detail = `/openapi/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: user.id }))}`;
    expect(await zalo(detail, { token, proof: null })).toMatchObject({ error: 0 });
    expect(await zalo(detail, { token, proof: appsecretProof(token, "not-the-secret") })).toMatchObject({
      error: -242,
    });
    expect(await zalo(detail, { token: "", proof: null })).toMatchObject({ error: -216 });
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 25 * 60 * 60 * 1000 + 1000);
    expect(await zalo(detail, { token })).toMatchObject({ error: -220, message: "Access token has expired" });
  });
});

describe("consultation messages and the 7-day window", () => {
  it("sends inside 7 days; refuses outside (outside_window) and unknown users (-213), recording nothing", async () => {
    const { client } = product();
    const inside = await resident(6.9);
    await client.sendText(inside.id, "Trong 7 ngày");
    const stale = await resident(7.01);
    const never = await resident(null);
    for (const user of [stale, never]) {
      const error = await failure(client.sendText(user.id, "Ngoài 7 ngày"));
      expect([error.kind, error.zaloError]).toEqual(["outside_window", -230]);
      expect(await sentTo(user.id)).toEqual([]);
    }
    expect((await failure(client.sendText("1234567890123456789", "Ai?"))).zaloError).toBe(-213);
    await recordInteraction(db(), { oaUserId: stale.id, at: new Date() });
    await client.sendText(stale.id, "Đã nhắn lại");
    expect(await sentTo(stale.id)).toHaveLength(1);
  });

  it("checks the body: 2,000 characters at most, known attachments, buttons as the client sends them", async () => {
    const user = await resident(0);
    const cs = (message: unknown) =>
      zalo("/openapi/v3.0/oa/message/cs", { body: { recipient: { user_id: user.id }, message } });
    expect(await cs({ text: "a".repeat(2000) })).toMatchObject({ error: 0 });
    expect(await cs({ text: "a".repeat(2001) })).toMatchObject({ error: -201 });
    expect(await cs({})).toMatchObject({ error: -201 });
    const media = (id: string) => ({
      type: "template",
      payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: id }] },
    });
    expect(await cs({ attachment: media("never-uploaded") })).toMatchObject({ error: -201 });
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(solidPng(4, 4))], { type: "image/png" }), "anh.png");
    const uploaded = await zalo("/openapi/v2.0/oa/upload/image", { form });
    const attachmentId = (uploaded.data as { attachment_id: string }).attachment_id;
    expect(await cs({ text: "Ảnh", attachment: media(attachmentId) })).toMatchObject({ error: 0 });
    const buttons = [{ title: "Tra cứu", type: "oa.query.show" as const, payload: "#tracuu" }];
    await product().client.sendButtons(user.id, "Chọn", buttons);
  });

  it("limits the app's calls per minute (-32 → rate_limited) with X-RateLimit headers", async () => {
    const { baseUrl } = await startSandbox({ ...test.config, sandbox: { oaRatePerMinute: 3 } });
    const user = await resident(0);
    const { client, tokens } = product(baseUrl);
    await tokens.getAccessToken();
    await db().execute(sql`delete from rate_limits where key like 'sandbox-oa|%'`);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000 + 1_000);
    for (let call = 0; call < 3; call++) await client.getQuota(user.id);
    const limited = await failure(client.getQuota(user.id));
    expect([limited.kind, limited.zaloError]).toEqual(["rate_limited", -32]);
    vi.setSystemTime(Date.now() + 60_000);
    const response = await fetch(`${baseUrl}/sandbox/openapi/v2.0/oa/tag/gettagsofoa`, {
      headers: { access_token: await tokens.getAccessToken() },
    });
    expect([response.headers.get("x-ratelimit-limit"), response.headers.get("x-ratelimit-remain")]).toEqual([
      "3",
      "2",
    ]);
  });

  it("reads SANDBOX_OA_RATE_PER_MINUTE (default 4,000; a positive integer)", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "dvc-rate-"));
    closers.push(() => rmSync(dataDir, { recursive: true, force: true }));
    expect(loadConfig({ DATA_DIR: dataDir }).sandbox.oaRatePerMinute).toBe(4000);
    expect(loadConfig({ DATA_DIR: dataDir, SANDBOX_OA_RATE_PER_MINUTE: "12" }).sandbox.oaRatePerMinute).toBe(
      12,
    );
    for (const bad of ["0", "-5", "1.5", "nhiều"]) {
      expect(() => loadConfig({ DATA_DIR: dataDir, SANDBOX_OA_RATE_PER_MINUTE: bad })).toThrow(ConfigError);
    }
  });
});

describe("followers: detail, quota, tags", () => {
  const detailPath = (userId: string) =>
    `/openapi/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: userId }))}`;

  it("user detail and quota answer Zalo's shapes, read by the product's client", async () => {
    const at = new Date(Date.now() - 2 * DAY);
    const user = await upsertOaUser(db(), {
      displayName: "Trần Thị Chi Tiết",
      userIdByApp: "5318479563581384576",
      following: true,
      lastInteractionAt: at,
    });
    const { client } = product();
    expect(await client.getUserDetail(user.id)).toEqual({
      userId: user.id,
      displayName: "Trần Thị Chi Tiết",
      isFollower: true,
    });
    expect(await client.getQuota(user.id)).toEqual({ lastInteraction: at.getTime() });
    const localDate = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh" }).format(at);
    expect((await zalo(detailPath(user.id))).data).toEqual({
      user_id: user.id,
      user_id_by_app: "5318479563581384576",
      display_name: "Trần Thị Chi Tiết",
      avatar: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
      avatars: { "120": expect.any(String), "240": expect.any(String) },
      user_is_follower: true,
      user_last_interaction_date: localDate,
      tags_and_notes_info: { tag_names: [], notes: [] },
    });
    expect(await zalo(detailPath("1234567890123456789"))).toMatchObject({ error: -213 });
    expect(await zalo("/openapi/v3.0/oa/user/detail?data=%7Bbroken")).toMatchObject({ error: -201 });
  });

  it("tags a follower once, lists the OA's tags, removes them", async () => {
    const user = await resident(0);
    const tag = (path: string, body: unknown) => zalo(`/openapi/v2.0/oa/tag/${path}`, { body });
    for (const name of ["phuong-ba-dinh", "phuong-ba-dinh", "to-dan-pho-5"]) {
      expect(await tag("tagfollower", { user_id: user.id, tag_name: name })).toEqual({
        error: 0,
        message: "Success",
      });
    }
    const tagsOf = async () =>
      ((await zalo(detailPath(user.id))).data as { tags_and_notes_info: { tag_names: string[] } })
        .tags_and_notes_info.tag_names;
    expect(await tagsOf()).toEqual(["phuong-ba-dinh", "to-dan-pho-5"]);
    expect((await zalo("/openapi/v2.0/oa/tag/gettagsofoa")).data).toEqual(
      expect.arrayContaining(["phuong-ba-dinh", "to-dan-pho-5"]),
    );
    await tag("rmfollowerfromtag", { user_id: user.id, tag_name: "phuong-ba-dinh" });
    await tag("rmtag", { tag_name: "to-dan-pho-5" });
    expect(await tagsOf()).toEqual([]);
    expect(await tag("tagfollower", { user_id: "1234567890123456789", tag_name: "x" })).toMatchObject({
      error: -213,
    });
    expect(await tag("tagfollower", { user_id: 2468458835296197, tag_name: "x" })).toMatchObject({
      error: -201,
    });
  });
});

describe("groups (GMF), uploads and template messages", () => {
  it("lists two seeded groups, posts to one (recorded), refuses an unknown group, creates one", async () => {
    const listed = await zalo("/openapi/v3.0/oa/group/getgroupsofoa?offset=0&count=5");
    const { groups, total } = listed.data as { groups: { group_id: string; name: string }[]; total: number };
    expect(groups.map((group) => group.name)).toEqual([
      "Cán bộ Phường Ba Đình",
      "Tổ dân phố 5 — Phường Ba Đình",
    ]);
    expect(total).toBe(2);
    const groupId = groups[1]?.group_id ?? "";
    expect(groupId).toMatch(/^[0-9a-f]{20}$/);
    const body = { recipient: { group_id: groupId }, message: { text: "Lịch tiếp dân tuần này: thứ Ba" } };
    const posted = await zalo("/openapi/v3.0/oa/group/message", { body });
    expect(posted.data).toMatchObject({
      message_id: expect.stringMatching(/^[0-9a-f]{20}$/),
      group_id: groupId,
    });
    expect(await sentTo(groupId)).toEqual([expect.objectContaining({ channel: "oa_group", payload: body })]);
    const unknown = { ...body, recipient: { group_id: "ffffffffffffffffffff" } };
    expect(await zalo("/openapi/v3.0/oa/group/message", { body: unknown })).toMatchObject({ error: -201 });
    expect(await sentTo("ffffffffffffffffffff")).toEqual([]);
    const created = await zalo("/openapi/v3.0/oa/group/creategroupwithoa", {
      body: { group_name: "Tổ dân phố 6", asset_id: "asset-1", member_user_ids: [] },
    });
    expect(created.data).toMatchObject({ group_id: expect.any(String), group_link: expect.any(String) });
    const page = `/openapi/v3.0/oa/group/getgroupsofoa?data=${encodeURIComponent('{"offset":2,"count":5}')}`;
    expect((await zalo(page)).data).toMatchObject({ total: 3, groups: [{ name: "Tổ dân phố 6" }] });
  });

  it("uploads by magic bytes within their limits and keeps only metadata", async () => {
    const upload = async (kind: string, bytes: Uint8Array, app?: Hono) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(bytes)]), "tep");
      if (!app) return zalo(`/openapi/v2.0/oa/upload/${kind}`, { form });
      const token = await product().tokens.getAccessToken();
      const response = await app.request(`/sandbox/openapi/v2.0/oa/upload/${kind}`, {
        method: "POST",
        headers: { access_token: token },
        body: form,
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const pdf = new TextEncoder().encode("%PDF-1.7\n%…\n");
    expect((await upload("file", pdf)).data).toEqual({ token: expect.any(String) });
    expect(await upload("image", pdf)).toMatchObject({ error: -201 });
    expect(await upload("file", solidPng(2, 2))).toMatchObject({ error: -201 });
    // Over 1 MB: through a bare mount, since the server's app-wide 256 KB limit would answer first.
    const bare = new Hono().route("/sandbox", sandboxRoutes({ ...depsOf(test), sealer: sealer() }));
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(solidPng(1, 1));
    expect(await upload("image", big, bare)).toMatchObject({ error: -201 });
    const uploads = await sqlRows(db(), sql`select kind, content_type, size from sandbox_oa_uploads`);
    expect(uploads.rows).toEqual(
      expect.arrayContaining([{ kind: "file", content_type: "application/pdf", size: pdf.length }]),
    );
  });

  it("sends a template by user id without the 7-day window, checking template and data", async () => {
    const user = await resident(30);
    const body = {
      user_id: user.id,
      template_id: "300001",
      template_data: { ma_ho_so: "HS-2025-000123", trang_thai: "Đã tiếp nhận", thu_tuc: "Đăng ký khai sinh" },
    };
    const sent = await zalo("/openapi/v3.0/oa/message/template", { body });
    expect(sent.data).toMatchObject({ message_id: expect.any(String), user_id: user.id });
    expect(await sentTo(user.id)).toEqual([
      expect.objectContaining({ channel: "oa_template", payload: body }),
    ]);
    const without = { ...body, template_data: { ma_ho_so: "HS-2025-000123" } };
    expect(await zalo("/openapi/v3.0/oa/message/template", { body: without })).toMatchObject({ error: -201 });
    const unknown = { ...body, template_id: "999999" };
    expect(await zalo("/openapi/v3.0/oa/message/template", { body: unknown })).toMatchObject({ error: -201 });
  });
});

describe("ZNS by phone (/sandbox/business)", () => {
  const send = (body: Record<string, unknown>, options: CallOptions = {}) =>
    zalo("/business/message/template", { ...options, body });
  const valid = {
    phone: "84987654321",
    template_id: "300001",
    template_data: { ma_ho_so: "HS-2025-000123", trang_thai: "Đã có kết quả", thu_tuc: "Cấp bản sao" },
    tracking_id: "hs-000123-done",
  };

  it("describes its templates", async () => {
    const info = await zalo("/business/template/info/v2?template_id=300001");
    expect(info.data).toMatchObject({ template_id: "300001", status: "ENABLE" });
    const names = (info.data as { listParams: { name: string }[] }).listParams.map((param) => param.name);
    expect(names).toEqual(["ma_ho_so", "trang_thai", "thu_tuc"]);
    expect(await zalo("/business/template/info/v2?template_id=1")).toMatchObject({ error: -109 });
  });

  it("sends, counts the daily quota, and never stores the phone number raw", async () => {
    const first = await send(valid);
    expect(first).toEqual({
      error: 0,
      message: "Success",
      data: {
        msg_id: expect.stringMatching(/^[0-9a-f]{20}$/),
        sent_time: expect.stringMatching(/^\d{13}$/),
        sending_mode: "1",
        quota: { dailyQuota: "500", remainingQuota: "499" },
      },
    });
    const second = await send({ ...valid, phone: "+84912345678" });
    expect(second.data).toMatchObject({ quota: { remainingQuota: "498" } });
    const zns = (await rows("sandbox_sent_messages")).filter((row) => row.channel === "zns");
    expect(zns.map((row) => row.recipient)).toEqual(["0987 ••• 321", "0912 ••• 678"]);
    const payload = zns[0]?.payload as { phone: string; phone_sealed: string; tracking_id: string };
    expect(sealer().open(payload.phone_sealed)).toBe("84987654321");
    expect(payload.tracking_id).toBe("hs-000123-done");
    const everything = JSON.stringify((await sqlRows(db(), sql`select * from sandbox_sent_messages`)).rows);
    expect(everything).not.toMatch(/(84|0)(987654321|912345678)/);
  });

  it("refuses a bad phone (-108), tracking id (-122), data (-112), token (-124); then the quota (-144)", async () => {
    for (const phone of ["0987654321", "84112345678", "8498765432"]) {
      expect(await send({ ...valid, phone })).toMatchObject({ error: -108 });
    }
    expect(await send({ ...valid, tracking_id: undefined })).toMatchObject({ error: -122 });
    expect(await send({ ...valid, tracking_id: "x".repeat(49) })).toMatchObject({ error: -122 });
    expect(await send({ ...valid, template_data: { ma_ho_so: "HS" } })).toMatchObject({ error: -112 });
    expect(await send(valid, { token: "made-up", proof: null })).toMatchObject({ error: -124 });
    expect(await send(valid, { proof: "00" })).toMatchObject({ error: -124 });
    await db().execute(sql`insert into sandbox_sent_messages (channel, recipient, message_id, payload)
      select 'zns', '•••', 'filler' || n, '{}'::jsonb from generate_series(1, 498) as n`);
    expect(await send(valid)).toMatchObject({ error: -144 });
    await db().execute(sql`delete from sandbox_sent_messages where message_id like 'filler%'`);
  });
});

describe("the followers repo the chat page uses", () => {
  it("upserts, records interactions forwards only, follows and unfollows", async () => {
    const created = await upsertOaUser(db(), { displayName: "Lê Văn Mới" });
    expect(created).toMatchObject({ following: false, lastInteractionAt: null, tags: [] });
    expect(created.id).toMatch(/^[1-9]\d{18}$/);
    const renamed = await upsertOaUser(db(), { id: created.id, displayName: "Lê Văn Đổi Tên" });
    expect(renamed).toMatchObject({ id: created.id, displayName: "Lê Văn Đổi Tên", following: false });
    const now = new Date();
    await recordInteraction(db(), { oaUserId: created.id, at: now });
    const late = await recordInteraction(db(), { oaUserId: created.id, at: new Date(now.getTime() - DAY) });
    expect(late?.lastInteractionAt?.getTime()).toBe(now.getTime());
    const later = new Date(now.getTime() + 1000);
    expect(await setFollowing(db(), { oaUserId: created.id, following: true, at: later })).toMatchObject({
      following: true,
      lastInteractionAt: later,
    });
    const unfollowed = await setFollowing(db(), { oaUserId: created.id, following: false, at: new Date() });
    expect(unfollowed).toMatchObject({ following: false, lastInteractionAt: later });
    expect((await listOaUsers(db())).map((user) => user.id)).toContain(created.id);
    expect(await recordInteraction(db(), { oaUserId: "1", at: now })).toBeUndefined();
  });
});
