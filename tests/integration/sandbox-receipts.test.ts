import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp } from "../../bot-server/src/app";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import type { AppDeps } from "../../bot-server/src/http/env";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createOaClient, type OaClient } from "../../bot-server/src/zalo/oa-client";
import { createOaTokenStore } from "../../bot-server/src/zalo/oa-token-store";
import { createZnsClient, type ZnsClient } from "../../bot-server/src/zalo/zns-client";
import { listOaGroups } from "../../bot-server/src/zalo-sandbox/oa-groups-repo";
import { upsertOaUser } from "../../bot-server/src/zalo-sandbox/oa-users-repo";
import { createSandboxReceipts, type SandboxReceipts } from "../../bot-server/src/zalo-sandbox/receipts";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { sqlRows } from "../support/citizen-client";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";

/**
 * The sandbox sends Zalo's receipts back (zalo-oa.md §0 "Receipts"): after a cs message and a template by
 * user id, `user_received_message` then `user_seen_message`; after a ZNS message, its ZNS
 * `user_received_message` — each signed and POSTed over HTTP to the product's own /webhooks/zalo, which
 * verifies and stores them (inbound_events). Driven by the REAL product clients. Also: the per-user
 * quota's `last_interaction` is the resident's last follow or message on the chat page.
 */

const PHONE = "0987654321";
const TEMPLATE = {
  id: "300001",
  data: { ma_ho_so: "HS-2025-000123", trang_thai: "Đã tiếp nhận", thu_tuc: "Đăng ký khai sinh" },
};

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;
let receipts: SandboxReceipts;
/** Signs with a secret the product does not have: its receipts are refused. */
let forged: SandboxReceipts;
/** Waits a minute before each receipt: stopped before it sends any. */
let slow: SandboxReceipts;
let oa: OaClient;
let zns: ZnsClient;
let forgedOa: OaClient;
let slowOa: OaClient;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  const sealer = createSealer(test.config.dataEncryptionKey);
  const deps: AppDeps = { config: test.config, database: database.handle, logger: test.logger, sealer };
  const { zalo } = test.config;
  const receiptsWith = (oaSecretKey: string, delayMs: number) =>
    createSandboxReceipts({
      appId: zalo.appId,
      oaId: zalo.oaId,
      oaSecretKey,
      logger: test.logger,
      receivedAfterMs: delayMs,
      seenAfterMs: delayMs,
    });
  receipts = receiptsWith(zalo.oaSecretKey, 0);
  forged = receiptsWith("not-the-oa-secret-key", 0);
  slow = receiptsWith(zalo.oaSecretKey, 60_000);
  const app = createApp(deps);
  app.route("/sandbox", sandboxRoutes(deps, { receipts }));
  app.route("/sandbox-forged", sandboxRoutes(deps, { receipts: forged }));
  app.route("/sandbox-slow", sandboxRoutes(deps, { receipts: slow }));
  served = await serveOverHttp(app.fetch);
  const tokens = createOaTokenStore({
    db: database.handle.db,
    sealer,
    logger: test.logger,
    oaId: zalo.oaId,
    appId: zalo.appId,
    appSecret: zalo.appSecret,
    seedRefreshToken: zalo.oaRefreshToken,
    oauthBaseUrl: `${served.baseUrl}/sandbox/oauth`,
  });
  const common = { appSecret: zalo.appSecret, tokens, logger: test.logger };
  oa = createOaClient({ ...common, baseUrl: `${served.baseUrl}/sandbox/openapi` });
  zns = createZnsClient({ ...common, baseUrl: `${served.baseUrl}/sandbox/business` });
  forgedOa = createOaClient({ ...common, baseUrl: `${served.baseUrl}/sandbox-forged/openapi` });
  slowOa = createOaClient({ ...common, baseUrl: `${served.baseUrl}/sandbox-slow/openapi` });
});

afterAll(async () => {
  for (const sender of [receipts, forged, slow]) await sender?.stop();
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

beforeEach(async () => {
  await database.handle.db.execute(sql`delete from inbound_events`);
});

interface StoredEvent {
  event_name: string;
  source: string;
  dedupe_key: string;
  payload: { sender?: { id: string }; recipient?: { id: string }; message?: Record<string, unknown> };
  raw_body_sealed: string | null;
}

/** What the product's webhook stored, oldest first (columns named: the table is the product's). */
async function stored(): Promise<StoredEvent[]> {
  const result = await sqlRows(
    database.handle.db,
    sql`select event_name, source, dedupe_key, payload, raw_body_sealed from inbound_events order by id`,
  );
  return result.rows as unknown as StoredEvent[];
}

/** The body exactly as the sandbox signed and sent it (kept sealed by the webhook). */
function rawBody(row: StoredEvent): Record<string, unknown> {
  if (!row.raw_body_sealed) throw new Error("the raw body was not kept");
  return JSON.parse(test.sealer.open(row.raw_body_sealed, SEALED.inboundRawBody(row.dedupe_key)));
}

const follower = (following = true) =>
  upsertOaUser(database.handle.db, {
    displayName: "Nguyễn Thị Nhận",
    following,
    lastInteractionAt: new Date(),
  });

describe("OA receipts: received, then seen", () => {
  it.each([
    ["a cs message", (userId: string) => oa.sendText(userId, "Hồ sơ của bạn đã được tiếp nhận")],
    ["a template by user id", (userId: string) => oa.sendTemplate(userId, TEMPLATE.id, TEMPLATE.data)],
  ])("%s: both arrive signed at /webhooks/zalo, naming its message id", async (_what, send) => {
    const resident = await follower();
    const { messageId } = await send(resident.id);
    await receipts.idle();
    const rows = await stored();
    expect(rows.map((row) => [row.event_name, row.source])).toEqual([
      ["user_received_message", "oa"],
      ["user_seen_message", "oa"],
    ]);
    const [received, seen] = rows;
    const parties = { sender: { id: test.config.zalo.oaId }, recipient: { id: resident.id } };
    expect(received?.payload).toMatchObject({ ...parties, message: { msg_id: messageId } });
    expect(received?.dedupe_key).toBe(`user_received_message:${messageId}`);
    expect(seen?.payload).toMatchObject({ ...parties, message: { msg_ids: [messageId] } });
    if (!received || !seen) throw new Error("no receipts");
    expect(Number(rawBody(seen).timestamp)).toBeGreaterThanOrEqual(Number(rawBody(received).timestamp));
  });

  it("none for a recipient who does not follow the OA", async () => {
    const resident = await follower(false);
    await oa.sendText(resident.id, "Xin chào");
    await receipts.idle();
    expect(await stored()).toEqual([]);
  });

  it("none for a group message (GMF has no received/seen events, §0)", async () => {
    const { groups } = await listOaGroups(database.handle.db);
    const group = groups[0];
    if (!group) throw new Error("the sandbox seeds two groups");
    const { messageId } = await oa.sendGroupText(group.id, "Lịch tiếp dân tuần này: thứ Ba");
    expect(messageId).toMatch(/^[0-9a-f]{20}$/);
    await receipts.idle();
    expect(await stored()).toEqual([]);
  });
});

describe("ZNS receipt", () => {
  it("one user_received_message (X-ZEvent-Server: ZNS) naming msg_id, tracking_id and the phone as 84…", async () => {
    const sent = await zns.sendTemplate({
      phone: PHONE,
      templateId: TEMPLATE.id,
      templateData: TEMPLATE.data,
      trackingId: "hs000123received",
    });
    expect(sent.quota).toMatchObject({ daily: 500 });
    await receipts.idle();
    const rows = await stored();
    expect(rows.map((row) => [row.event_name, row.source, row.dedupe_key])).toEqual([
      ["user_received_message", "zns", `zns:user_received_message:${sent.messageId}`],
    ]);
    const [receipt] = rows;
    if (!receipt) throw new Error("no receipt");
    const body = rawBody(receipt);
    expect(body).toMatchObject({
      sender: { id: test.config.zalo.oaId },
      recipient: { id: `84${PHONE.slice(1)}` },
      event_name: "user_received_message",
      app_id: test.config.zalo.appId,
      message: { msg_id: sent.messageId, tracking_id: "hs000123received" },
    });
    const message = body.message as { delivery_time: string };
    expect(message.delivery_time).toMatch(/^\d{13}$/);
    expect(test.rawLogs().join("\n")).not.toContain(PHONE.slice(1));
  });
});

describe("never in the way of the API answer", () => {
  it("a receipt the webhook refuses: the message was still accepted; the refusal is logged without ids", async () => {
    const resident = await follower();
    const before = test.rawLogs().length;
    const { messageId } = await forgedOa.sendText(resident.id, "Xin chào");
    expect(messageId).toMatch(/^[0-9a-f]{20}$/);
    await forged.idle();
    expect(await stored()).toEqual([]);
    const lines = test.rawLogs().slice(before);
    const refusals = lines.filter((line) => line.includes("sandbox receipt refused by the webhook"));
    expect(refusals).toHaveLength(2);
    expect(refusals[0]).toContain('"status":401');
    expect(refusals.join("\n")).not.toContain(messageId);
    expect(refusals.join("\n")).not.toContain(resident.id);
  });

  it("answers at once while the receipt waits; stop() cancels it", async () => {
    const resident = await follower();
    const started = Date.now();
    await slowOa.sendText(resident.id, "Xin chào");
    expect(Date.now() - started).toBeLessThan(5_000);
    await slow.stop();
    await slow.idle();
    expect(await stored()).toEqual([]);
  });
});

describe("POST /v3.0/oa/quota/message", () => {
  async function chat(path: string, body: unknown): Promise<Record<string, unknown>> {
    const response = await fetch(`${served.baseUrl}/sandbox/api/chat${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status, path).toBeLessThan(300);
    return (await response.json()) as Record<string, unknown>;
  }

  /** The timestamp of the last event the product stored (the chat page's event, as Zalo sent it). */
  async function lastEventAt(eventName: string): Promise<number> {
    const rows = (await stored()).filter((row) => row.event_name === eventName);
    const last = rows.at(-1);
    if (!last) throw new Error(`no ${eventName} stored`);
    return Number(rawBody(last).timestamp);
  }

  it("answers the resident's last follow or message as last_interaction (epoch ms)", async () => {
    const created = await chat("/residents", { displayName: "Lê Văn Hỏi" });
    const { id } = created.resident as { id: string };
    expect(await oa.getQuota(id)).toEqual({ lastInteraction: undefined });
    await chat(`/residents/${id}/events`, { kind: "follow" });
    expect(await oa.getQuota(id)).toEqual({ lastInteraction: await lastEventAt("follow") });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await chat(`/residents/${id}/events`, { kind: "text", text: "Hồ sơ của tôi đến đâu rồi?" });
    const textAt = await lastEventAt("user_send_text");
    expect(await oa.getQuota(id)).toEqual({ lastInteraction: textAt });
    // An OA message is not the resident's interaction: the quota does not move.
    await oa.sendText(id, "Hồ sơ đang được xử lý");
    await receipts.idle();
    expect(await oa.getQuota(id)).toEqual({ lastInteraction: textAt });
  });
});
