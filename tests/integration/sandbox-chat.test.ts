import { errorBodySchema } from "@dvc/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inboundEvents, sandboxOaUsers, sandboxSentMessages } from "../../bot-server/src/db/schema";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { envelopeOf } from "../../bot-server/src/modules/webhook/envelope";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";

/**
 * The /sandbox chat page's API: each resident action becomes a Zalo webhook event that the sandbox signs
 * and POSTs over real HTTP to this server's own /webhooks/zalo (the product's route, unchanged). Checked
 * on what the product stored (inbound_events) and on the sandbox's own follower record.
 * A second sandbox, mounted at /sandbox-wrong-secret, signs with a secret the product does not have.
 */

interface Resident {
  id: string;
  userIdByApp: string | null;
  displayName: string;
  following: boolean;
  lastInteractionAt: string | null;
  miniAppUser: { id: string; name: string } | null;
}

interface EventAnswer {
  webhookStatus: number;
  accepted: boolean;
  refusal: string | null;
  msgId: string | null;
  event: { kind: string; text: string | null; at: number };
  resident: Resident;
}

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  const deps = {
    config: test.config,
    database: database.handle,
    logger: test.logger,
    sealer: createSealer(test.config.dataEncryptionKey),
  };
  test.app.route("/sandbox", sandboxRoutes(deps));
  const wrongSecret = { ...test.config.zalo, oaSecretKey: "not-the-oa-secret-key" };
  test.app.route(
    "/sandbox-wrong-secret",
    sandboxRoutes({ ...deps, config: { ...test.config, zalo: wrongSecret } }),
  );
  served = await serveOverHttp(test.app.fetch);
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

beforeEach(async () => {
  await database.handle.db.delete(inboundEvents);
  await database.handle.db.delete(sandboxSentMessages);
});

async function request<T>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${served.baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

async function createResident(body: {
  displayName: string;
  linkToSandboxUserId?: string;
}): Promise<Resident> {
  const created = await request<{ resident: Resident }>("POST", "/sandbox/api/chat/residents", body);
  expect(created.status).toBe(201);
  return created.body.resident;
}

async function send(resident: Resident, body: { kind: string; text?: string }, base = "/sandbox") {
  const answer = await request<EventAnswer>("POST", `${base}/api/chat/residents/${resident.id}/events`, body);
  expect(answer.status).toBe(200);
  return answer.body;
}

const stored = () => database.handle.db.select().from(inboundEvents).orderBy(inboundEvents.id);

/** The event as the sandbox signed and sent it: the stored row keeps it sealed (webhook/service.ts). */
function sent(row: typeof inboundEvents.$inferSelect): Record<string, unknown> {
  if (!row.rawBodySealed) throw new Error("the raw body was not kept");
  const raw = test.sealer.open(row.rawBodySealed, SEALED.inboundRawBody(row.dedupeKey));
  return JSON.parse(raw) as Record<string, unknown>;
}

async function follower(id: string) {
  const [row] = await database.handle.db.select().from(sandboxOaUsers).where(eq(sandboxOaUsers.id, id));
  if (!row) throw new Error(`no sandbox follower ${id}`);
  return row;
}

describe("residents", () => {
  it("creates an OA follower with Zalo-like string ids, not following yet", async () => {
    const resident = await createResident({ displayName: "  Trần Thị Bình " });
    expect(resident).toMatchObject({ displayName: "Trần Thị Bình", following: false, miniAppUser: null });
    expect(resident.id).toMatch(/^[1-9]\d{18}$/);
    expect(resident.userIdByApp).toMatch(/^[1-9]\d{18}$/);
    const list = await request<{ residents: Resident[] }>("GET", "/sandbox/api/chat/residents");
    expect(list.body.residents.map((r) => r.id)).toContain(resident.id);
  });

  it("links a resident to a sandbox Mini App user through user_id_by_app", async () => {
    const citizen = await request<{ citizen: { id: string } }>("POST", "/sandbox/api/citizens", {
      name: "Nguyễn Văn An",
    });
    const users = await request<{ users: { id: string; name: string }[] }>(
      "GET",
      "/sandbox/api/chat/mini-app-users",
    );
    expect(users.body.users).toContainEqual({ id: citizen.body.citizen.id, name: "Nguyễn Văn An" });
    const resident = await createResident({
      displayName: "An",
      linkToSandboxUserId: citizen.body.citizen.id,
    });
    expect(resident.userIdByApp).toBe(citizen.body.citizen.id);
    expect(resident.miniAppUser).toEqual({ id: citizen.body.citizen.id, name: "Nguyễn Văn An" });

    const text = await send(resident, { kind: "text", text: "hồ sơ của tôi" });
    expect(text.accepted).toBe(true);
    const [row] = await stored();
    expect(row?.payload).toMatchObject({ user_id_by_app: citizen.body.citizen.id });
  });

  it("refuses a missing name or an unknown Mini App user, in Vietnamese", async () => {
    const blank = await request<unknown>("POST", "/sandbox/api/chat/residents", { displayName: " " });
    expect(blank.status).toBe(400);
    expect(errorBodySchema.parse(blank.body).fields).toEqual({ displayName: "Vui lòng nhập tên cư dân" });
    const unknown = await request<unknown>("POST", "/sandbox/api/chat/residents", {
      displayName: "Ai đó",
      linkToSandboxUserId: "1234567890123456789",
    });
    expect(unknown.status).toBe(404);
    expect(errorBodySchema.parse(unknown.body).message).toMatch(/Không có người dùng Mini App sandbox/);
  });
});

describe("a text message becomes a signed user_send_text delivered over HTTP", () => {
  it("is accepted (200), stored with Zalo's shape, and opens the sandbox's 7-day window", async () => {
    const resident = await createResident({ displayName: "Lê Văn Cường" });
    const before = Date.now();
    const answer = await send(resident, { kind: "text", text: "làm giấy khai sinh cần những gì" });
    expect(answer).toMatchObject({ webhookStatus: 200, accepted: true, refusal: null });
    expect(answer.msgId).toMatch(/^[0-9a-f]{20}$/);

    const [row, ...others] = await stored();
    expect(others).toHaveLength(0);
    if (!row) throw new Error("the webhook stored nothing");
    expect(row).toMatchObject({
      eventName: "user_send_text",
      source: "oa",
      status: "pending",
      appId: test.config.zalo.appId,
      dedupeKey: `user_send_text:${answer.msgId}`,
    });
    expect(sent(row)).toEqual({
      app_id: test.config.zalo.appId,
      user_id_by_app: resident.userIdByApp,
      event_name: "user_send_text",
      timestamp: row.eventTimestamp,
      sender: { id: resident.id },
      recipient: { id: test.config.zalo.oaId },
      message: { msg_id: answer.msgId, text: "làm giấy khai sinh cần những gì" },
    });
    expect(row.eventTimestamp).toMatch(/^\d{13}$/);
    // The resident's words are kept only sealed; in plain sight, the envelope without them.
    expect(row.rawBody).toBeNull();
    expect(row.payload).toEqual(envelopeOf(sent(row)));
    expect(JSON.stringify(row.payload)).not.toContain("giấy khai sinh");

    const record = await follower(resident.id);
    expect(record.lastInteractionAt?.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(record.lastInteractionAt?.getTime()).toBeLessThanOrEqual(Date.now());
    expect(record.following).toBe(false);
    expect(answer.resident.lastInteractionAt).toBe(record.lastInteractionAt?.toISOString());
  });

  it("sends the text exactly as typed (Vietnamese, 2,000 characters)", async () => {
    const resident = await createResident({ displayName: "Phạm Thu" });
    const long = "Đ".repeat(2_000);
    await send(resident, { kind: "text", text: long });
    const [row] = await stored();
    expect(row && sent(row)).toMatchObject({ message: { text: long } });
  });

  it("refuses an empty or too long text and an unknown kind, sending nothing", async () => {
    const resident = await createResident({ displayName: "Vũ Hà" });
    const path = `/sandbox/api/chat/residents/${resident.id}/events`;
    const empty = await request<unknown>("POST", path, { kind: "text", text: "   " });
    expect(empty.status).toBe(400);
    expect(errorBodySchema.parse(empty.body).fields).toEqual({ text: "Vui lòng nhập tin nhắn" });
    const long = await request<unknown>("POST", path, { kind: "text", text: "a".repeat(2_001) });
    expect(errorBodySchema.parse(long.body).fields?.text).toMatch(/dài quá 2\.000 ký tự/);
    const odd = await request<unknown>("POST", path, { kind: "user_send_gif" });
    expect(errorBodySchema.parse(odd.body).fields).toEqual({ kind: "Loại sự kiện không hợp lệ" });
    const nobody = await request<unknown>("POST", "/sandbox/api/chat/residents/1234/events", {
      kind: "image",
    });
    expect(nobody.status).toBe(404);
    expect(await stored()).toHaveLength(0);
    expect((await follower(resident.id)).lastInteractionAt).toBeNull();
  });
});

describe("follow and unfollow", () => {
  it("delivers Zalo's follow/unfollow shapes and keeps the sandbox's following state", async () => {
    const resident = await createResident({ displayName: "Đỗ Minh" });
    const followed = await send(resident, { kind: "follow" });
    expect(followed).toMatchObject({ accepted: true, msgId: null, resident: { following: true } });
    const again = await request<unknown>("POST", `/sandbox/api/chat/residents/${resident.id}/events`, {
      kind: "follow",
    });
    expect(again.status).toBe(409);
    expect(errorBodySchema.parse(again.body).message).toBe("Cư dân này đang quan tâm OA rồi.");
    expect((await follower(resident.id)).lastInteractionAt).not.toBeNull();

    const unfollowed = await send(resident, { kind: "unfollow" });
    expect(unfollowed.resident.following).toBe(false);
    expect((await follower(resident.id)).following).toBe(false);

    const rows = await stored();
    expect(rows.map((row) => row.eventName)).toEqual(["follow", "unfollow"]);
    for (const row of rows) {
      expect(sent(row)).toEqual({
        oa_id: test.config.zalo.oaId,
        follower: { id: resident.id },
        user_id_by_app: resident.userIdByApp,
        event_name: row.eventName,
        source: "oa_profile",
        app_id: test.config.zalo.appId,
        timestamp: row.eventTimestamp,
      });
      expect(row.dedupeKey).toBe(`${row.eventName}:${resident.id}:${row.eventTimestamp}`);
      expect(row.status).toBe("pending");
    }
  });
});

describe("image, sticker and location", () => {
  it("carry one attachment each; the sample media are served by the sandbox", async () => {
    const resident = await createResident({ displayName: "Hoàng Lan" });
    for (const kind of ["image", "sticker", "location"])
      expect((await send(resident, { kind })).accepted).toBe(true);
    const rows = await stored();
    expect(rows.map((row) => row.eventName)).toEqual([
      "user_send_image",
      "user_send_sticker",
      "user_send_location",
    ]);
    const attachments = rows.map(
      (row) =>
        (sent(row) as { message: { attachments: { type: string; payload: Record<string, unknown> }[] } })
          .message.attachments,
    );
    expect(attachments[0]).toEqual([
      {
        type: "image",
        payload: {
          thumbnail: `${served.baseUrl}/sandbox/api/chat/media/photo.svg`,
          url: `${served.baseUrl}/sandbox/api/chat/media/photo.svg`,
        },
      },
    ]);
    expect(attachments[1]).toMatchObject([
      { type: "sticker", payload: { url: `${served.baseUrl}/sandbox/api/chat/media/sticker.svg` } },
    ]);
    expect(attachments[1]?.[0]?.payload.id).toMatch(/^[0-9a-f]{20}$/);
    expect(attachments[2]).toEqual([
      { type: "location", payload: { coordinates: { latitude: "21.0368", longitude: "105.8347" } } },
    ]);
    for (const file of ["photo.svg", "sticker.svg"]) {
      const media = await fetch(`${served.baseUrl}/sandbox/api/chat/media/${file}`);
      expect(media.status).toBe(200);
      expect(media.headers.get("Content-Type")).toBe("image/svg+xml");
    }
    expect((await follower(resident.id)).lastInteractionAt).not.toBeNull();

    const history = await request<{ events: { kind: string; imageUrl: string | null }[] }>(
      "GET",
      `/sandbox/api/chat/residents/${resident.id}/events`,
    );
    expect(history.body.events.map((event) => event.kind)).toEqual(["image", "sticker", "location"]);
  });
});

describe("a signature the product does not accept", () => {
  it("is reported with the webhook's status and message, and nothing is stored", async () => {
    const resident = await createResident({ displayName: "Ngô Sai Khóa" });
    const answer = await send(resident, { kind: "text", text: "xin chào" }, "/sandbox-wrong-secret");
    expect(answer).toMatchObject({
      webhookStatus: 401,
      accepted: false,
      refusal: "Chữ ký webhook Zalo không hợp lệ.",
    });
    expect(await stored()).toHaveLength(0);
  });
});

describe("GET /sandbox/api/messages filters (the page's cheap poll)", () => {
  it("filters by recipient and channel, and pages oldest-first after a cursor", async () => {
    const { db } = database.handle;
    const rows = await db
      .insert(sandboxSentMessages)
      .values([
        { channel: "oa_cs", recipient: "111", messageId: "a1", payload: { message: { text: "một" } } },
        { channel: "oa_cs", recipient: "222", messageId: "b1", payload: { message: { text: "khác" } } },
        { channel: "oa_template", recipient: "111", messageId: "a2", payload: { template_id: "300001" } },
        { channel: "oa_group", recipient: "g1", messageId: "g1", payload: { message: { text: "nhóm" } } },
        { channel: "zns", recipient: "0912 ••• 678", messageId: "z1", payload: { template_id: "300001" } },
      ])
      .returning({ id: sandboxSentMessages.id });
    const ids = rows.map((row) => row.id);
    type Listed = { messages: { id: number; messageId: string }[] };
    const first = await request<Listed>("GET", "/sandbox/api/messages?recipient=111&after=0");
    expect(first.body.messages.map((m) => m.messageId)).toEqual(["a1", "a2"]);
    const next = await request<Listed>(`GET`, `/sandbox/api/messages?recipient=111&after=${ids[0]}`);
    expect(next.body.messages.map((m) => m.messageId)).toEqual(["a2"]);
    const none = await request<Listed>("GET", `/sandbox/api/messages?recipient=111&after=${ids[2]}`);
    expect(none.body.messages).toEqual([]);
    const feed = await request<Listed>("GET", "/sandbox/api/messages?channel=oa_group,zns&after=0");
    expect(feed.body.messages.map((m) => m.messageId)).toEqual(["g1", "z1"]);
    const newest = await request<Listed>("GET", "/sandbox/api/messages");
    expect(newest.body.messages.map((m) => m.messageId)).toEqual(["z1", "g1", "a2", "b1", "a1"]);
    const bad = await request<unknown>("GET", "/sandbox/api/messages?after=abc");
    expect(bad.status).toBe(400);
    expect(errorBodySchema.parse(bad.body).fields?.after).toMatch(/after/);
  });
});
