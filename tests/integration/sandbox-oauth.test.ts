import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { ConfigError, loadConfig } from "../../bot-server/src/config";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { appsecretProof } from "../../bot-server/src/zalo/oa-contract";
import { recordInteraction } from "../../bot-server/src/zalo-sandbox/oa-users-repo";
import { useSandboxOaHarness } from "../support/sandbox-oa-harness";
import { solidPng } from "../support/test-png";

/**
 * The sandbox's OAuth v4 host and its consultation messages, driven over HTTP by the REAL product clients
 * (createOaTokenStore + createOaClient): the OA token's life (seed, refresh, restart, -216/-220/-242) and
 * the cs endpoint's 7-day window, body checks and per-minute rate limit. The tests run in order over
 * one database: the first call is the first refresh.
 */

const {
  answers,
  db,
  sealer,
  config,
  startSandbox,
  restart,
  product,
  zalo,
  oauth,
  refreshForm,
  failure,
  resident,
  rows,
  sentTo,
  onClose,
} = useSandboxOaHarness();

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
      config().zalo.oaRefreshToken,
    ]) {
      expect(stored).not.toContain(String(token));
    }
    expect(await oauth(refreshForm(config().zalo.oaRefreshToken))).toMatchObject({ error: -14014 });
  });

  it("a refresh token works once: the one spent is refused afterwards", async () => {
    const { tokens } = product();
    const [row] = await rows("oa_tokens");
    const spent = sealer().open(String(row?.refresh_token_sealed), SEALED.oaRefreshToken(String(row?.oa_id)));
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
    await restart();
    const { client, tokens } = product();
    answers.length = 0;
    await client.sendText(user.id, "Sau khi khởi động lại");
    expect(answers.map((answer) => answer.path)).toEqual(["/sandbox/openapi/v3.0/oa/message/cs"]);
    await tokens.forceRefresh(await tokens.getAccessToken());
    await client.sendText(user.id, "Sau khi làm mới token");
    expect(await oauth(refreshForm(config().zalo.oaRefreshToken))).toMatchObject({ error: -14014 });
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
    const current = sealer().open(
      String(row?.refresh_token_sealed),
      SEALED.oaRefreshToken(String(row?.oa_id)),
    );
    const answered = await Promise.all([oauth(refreshForm(current)), oauth(refreshForm(current))]);
    const winners = answered.filter((answer) => typeof answer.access_token === "string");
    expect(winners).toHaveLength(1);
    expect(answered.filter((answer) => answer.error === -14014)).toHaveLength(1);
    // Hand the winning pair to the product, as its own refresh would have stored it.
    const [won] = winners;
    await db().execute(sql`update oa_tokens set
      access_token_sealed = ${sealer().seal(String(won?.access_token), SEALED.oaAccessToken(String(row?.oa_id)))},
      refresh_token_sealed = ${sealer().seal(String(won?.refresh_token), SEALED.oaRefreshToken(String(row?.oa_id)))},
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
    const { baseUrl } = await startSandbox({ ...config(), sandbox: { oaRatePerMinute: 3 } });
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
    onClose(() => rmSync(dataDir, { recursive: true, force: true }));
    expect(loadConfig({ DATA_DIR: dataDir }).sandbox.oaRatePerMinute).toBe(4000);
    expect(loadConfig({ DATA_DIR: dataDir, SANDBOX_OA_RATE_PER_MINUTE: "12" }).sandbox.oaRatePerMinute).toBe(
      12,
    );
    for (const bad of ["0", "-5", "1.5", "nhiều"]) {
      expect(() => loadConfig({ DATA_DIR: dataDir, SANDBOX_OA_RATE_PER_MINUTE: bad })).toThrow(ConfigError);
    }
  });
});
