import { createHash } from "node:crypto";
import { errorBodySchema } from "@dvc/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inboundEvents } from "../../bot-server/src/db/schema";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { envelopeOf } from "../../bot-server/src/modules/webhook/envelope";
import { MAX_CLOCK_SKEW_MS, MAX_EVENT_AGE_MS } from "../../bot-server/src/modules/webhook/replay-window";
import { MAX_WEBHOOK_BODY_BYTES } from "../../bot-server/src/modules/webhook/routes";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";
import { fixtureTimestamp, signZaloEvent, zaloFixture } from "../support/zalo-webhook";

/**
 * POST /webhooks/zalo (zalo-oa.md §1; house rules WH-1, WH-3..WH-5): verify the signature over the raw
 * body, store once under a dedupe key, answer 200. Real PostgreSQL/PGlite, real HTTP. Sandbox mode: the
 * OA secret is the generated one (test.config.zalo.oaSecretKey), the app id SANDBOX_IDS.appId, which the
 * fixtures carry.
 */

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  served = await serveOverHttp(test.app.fetch);
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

beforeEach(async () => {
  await database.handle.db.delete(inboundEvents);
});

const secret = () => test.config.zalo.oaSecretKey;
const appId = () => test.config.zalo.appId;

function post(rawBody: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${served.baseUrl}/webhooks/zalo`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "User-Agent": "ZaloWebhook", ...headers },
    body: rawBody,
  });
}

function postSigned(rawBody: string, headers: Record<string, string> = {}): Promise<Response> {
  const signature = signZaloEvent(rawBody, { appId: appId(), secret: secret() });
  return post(rawBody, { "X-ZEvent-Signature": signature, ...headers });
}

const rows = () => database.handle.db.select().from(inboundEvents);

async function expectRejected(response: Response, status: number, code: string): Promise<void> {
  expect(response.status).toBe(status);
  expect(errorBodySchema.parse(await response.json()).code).toBe(code);
  expect(await rows()).toHaveLength(0);
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("contract fixtures, signed like Zalo", () => {
  const cases: { name: string; key: (raw: string) => string; status: string; source: string; zns?: true }[] =
    [
      {
        name: "user_send_text",
        key: () => "user_send_text:cb31dff1c39642cc1b83",
        status: "pending",
        source: "oa",
      },
      {
        name: "user_send_image",
        key: () => "user_send_image:9f1b2c3d4e5f60718293",
        status: "pending",
        source: "oa",
      },
      {
        name: "user_send_sticker",
        key: () => "user_send_sticker:a1b2c3d4e5f6a7b8c9d0",
        status: "pending",
        source: "oa",
      },
      {
        name: "user_send_location",
        key: () => "user_send_location:0d9c8b7a6f5e4d3c2b1a",
        status: "pending",
        source: "oa",
      },
      {
        name: "follow",
        key: () => `follow:246845883529197922:${fixtureTimestamp("1543979782740")}`,
        status: "pending",
        source: "oa",
      },
      {
        name: "unfollow",
        key: () => `unfollow:246845883529197922:${fixtureTimestamp("1543989782741")}`,
        status: "pending",
        source: "oa",
      },
      { name: "user_seen_message", key: (raw) => `sha256:${sha256(raw)}`, status: "pending", source: "oa" },
      {
        name: "unknown_event",
        key: () => "user_reacted_message:ffeeddccbbaa99887766",
        status: "ignored",
        source: "oa",
      },
      {
        name: "zns_user_received_message",
        key: () => "zns:user_received_message:15a0cc0bbb13bd4ce403",
        status: "pending",
        source: "zns",
        zns: true,
      },
    ];

  it("keeps an OA receipt and a ZNS receipt with the same msg_id apart", async () => {
    const raw = zaloFixture("zns_user_received_message");
    expect((await postSigned(raw, { "X-ZEvent-Server": "OA OpenAPI" })).status).toBe(200);
    expect((await postSigned(raw, { "X-ZEvent-Server": "ZNS" })).status).toBe(200);
    expect((await rows()).map((row) => row.source).sort()).toEqual(["oa", "zns"]);
  });

  it.each(cases)("$name → 200 {ok:true} and one row ($status, $source)", async (c) => {
    const raw = zaloFixture(c.name);
    const response = await postSigned(
      raw,
      c.zns ? { "X-ZEvent-Server": "ZNS" } : { "X-ZEvent-Server": "OA OpenAPI" },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    const stored = await rows();
    expect(stored).toHaveLength(1);
    const parsed = JSON.parse(raw) as { event_name: string; timestamp: string };
    expect(stored[0]).toMatchObject({
      dedupeKey: c.key(raw),
      eventName: parsed.event_name,
      status: c.status,
      source: c.source,
      appId: appId(),
      rawBody: null,
      eventTimestamp: parsed.timestamp,
      eventAt: new Date(Number(parsed.timestamp)),
      attempts: 0,
      processedAt: null,
    });
    // In plain sight only the envelope (ids, kind, time); the bytes as sent only sealed, in their row.
    // A ZNS receipt's recipient is a phone number: not even that stays in plain sight.
    const { recipient, ...withoutRecipient } = envelopeOf(JSON.parse(raw) as Record<string, unknown>);
    expect(stored[0]?.payload).toEqual(c.zns ? withoutRecipient : { recipient, ...withoutRecipient });
    if (c.zns) expect(JSON.stringify(stored[0]?.payload)).not.toContain("84123456789");
    const sealed = stored[0]?.rawBodySealed ?? "";
    expect(test.sealer.open(sealed, SEALED.inboundRawBody(c.key(raw)))).toBe(raw);
    expect(() => test.sealer.open(sealed, SEALED.inboundRawBody("another-event"))).toThrow();
  });

  it("logs the event name and dedupe result, never message text or user ids", async () => {
    await postSigned(zaloFixture("user_send_text"));
    await postSigned(zaloFixture("user_send_text"));
    const lines = test.logs().filter((line) => line.msg === "zalo webhook event");
    expect(lines.slice(-2).map((line) => line.dedupe)).toEqual(["new", "duplicate"]);
    expect(lines.at(-1)).toMatchObject({ eventName: "user_send_text", status: "pending", source: "oa" });
    const all = test.rawLogs().join("\n");
    for (const secretish of [
      "Chào cán bộ",
      "6142494823117293641",
      "979122185046046317",
      "246845883529197922",
    ]) {
      expect(all).not.toContain(secretish);
    }
  });
});

describe("signature (WH-1)", () => {
  const raw = () => zaloFixture("user_send_text");

  it("accepts a valid signature, with or without the mac= prefix", async () => {
    const accepted = await postSigned(raw());
    expect(accepted.status).toBe(200);
    // Its own answer headers (the route skips the page middleware): JSON that nothing may sniff or cache.
    expect(accepted.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(accepted.headers.get("Cache-Control")).toBe("no-store");
    expect(accepted.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(accepted.headers.get("X-Request-Id")).toBeTruthy();
    await database.handle.db.delete(inboundEvents);
    const bare = signZaloEvent(raw(), { appId: appId(), secret: secret() }).slice("mac=".length);
    expect((await post(raw(), { "X-ZEvent-Signature": bare })).status).toBe(200);
    expect(await rows()).toHaveLength(1);
  });

  it("answers 401 and stores nothing when one byte of the body changed", async () => {
    const signature = signZaloEvent(raw(), { appId: appId(), secret: secret() });
    const tampered = raw().replace("cb31dff1c39642cc1b83", "cb31dff1c39642cc1b84");
    await expectRejected(await post(tampered, { "X-ZEvent-Signature": signature }), 401, "UNAUTHENTICATED");
  });

  it("answers 401 and stores nothing without the header", async () => {
    await expectRejected(await post(raw()), 401, "UNAUTHENTICATED");
  });

  it("answers 401 for a body signed with another secret", async () => {
    const signature = signZaloEvent(raw(), { appId: appId(), secret: `${secret()}x` });
    await expectRejected(await post(raw(), { "X-ZEvent-Signature": signature }), 401, "UNAUTHENTICATED");
  });

  it("answers 401 for another app's event, even correctly signed", async () => {
    const other = raw().replace(`"${appId()}"`, '"3608465248940903967"');
    expect(other).not.toBe(raw());
    const signature = signZaloEvent(other, { secret: secret() });
    await expectRejected(await post(other, { "X-ZEvent-Signature": signature }), 401, "UNAUTHENTICATED");
  });

  it("answers an unsigned {} (the console's probe) with 401 and stores nothing", async () => {
    await expectRejected(await post("{}"), 401, "UNAUTHENTICATED");
  });
});

describe("body (WH-5)", () => {
  /** A signed user_send_text whose padding makes the body exactly `size` bytes. */
  function bodyOfSize(size: number): string {
    const base = JSON.parse(zaloFixture("user_send_text")) as Record<string, unknown>;
    const empty = JSON.stringify({ ...base, pad: "" });
    return JSON.stringify({ ...base, pad: "a".repeat(size - Buffer.byteLength(empty)) });
  }

  it("accepts exactly 64 KB", async () => {
    const raw = bodyOfSize(MAX_WEBHOOK_BODY_BYTES);
    expect(Buffer.byteLength(raw)).toBe(MAX_WEBHOOK_BODY_BYTES);
    expect((await postSigned(raw)).status).toBe(200);
  });

  it("answers 64 KB + 1 with 413 and stores nothing", async () => {
    const raw = bodyOfSize(MAX_WEBHOOK_BODY_BYTES + 1);
    expect(MAX_WEBHOOK_BODY_BYTES).toBe(64 * 1024);
    await expectRejected(await postSigned(raw), 413, "PAYLOAD_TOO_LARGE");
  });

  it("answers a body that is not JSON with 400", async () => {
    await expectRejected(
      await post('{"app_id":"1",', { "X-ZEvent-Signature": "mac=00" }),
      400,
      "MALFORMED_JSON",
    );
  });

  it("keeps 19-digit ids as exact strings in the stored payload", async () => {
    const raw = zaloFixture("user_send_text");
    expect((await postSigned(raw)).status).toBe(200);
    const [row] = await database.handle.db
      .select({
        senderId: sql<string>`${inboundEvents.payload}->'sender'->>'id'`,
        senderType: sql<string>`jsonb_typeof(${inboundEvents.payload}->'sender'->'id')`,
        timestampType: sql<string>`jsonb_typeof(${inboundEvents.payload}->'timestamp')`,
      })
      .from(inboundEvents);
    expect(row).toEqual({ senderId: "6142494823117293641", senderType: "string", timestampType: "string" });
    // As a JS number it would have become 6142494823117293000: the point of keeping strings.
    expect(String(Number("6142494823117293641"))).not.toBe("6142494823117293641");
  });

  it("accepts an event up to 3 days old (Zalo retries for hours; dedupe gives replay safety)", async () => {
    const base = JSON.parse(zaloFixture("user_send_text")) as Record<string, unknown>;
    const old = String(Date.now() - MAX_EVENT_AGE_MS + 60_000);
    const raw = JSON.stringify({ ...base, timestamp: old });
    expect((await postSigned(raw)).status).toBe(200);
    const [row] = await database.handle.db.select().from(inboundEvents);
    expect(row?.eventTimestamp).toBe(old);
  });

  it("refuses a signed event older than the replay window, or from the future, and stores nothing", async () => {
    const base = JSON.parse(zaloFixture("user_send_text")) as Record<string, unknown>;
    for (const time of [
      Date.now() - MAX_EVENT_AGE_MS - 60_000,
      // Replayed long after its row was purged: still refused.
      Date.now() - 200 * 24 * 3600 * 1000,
      Date.now() + MAX_CLOCK_SKEW_MS + 60_000,
    ]) {
      const response = await postSigned(JSON.stringify({ ...base, timestamp: String(time) }));
      await expectRejected(response, 400, "STALE_EVENT");
    }
  });
});

describe("exactly once (WH-4)", () => {
  it("stores five concurrent deliveries of the same event as one row", async () => {
    const raw = zaloFixture("user_send_text");
    const responses = await Promise.all(Array.from({ length: 5 }, () => postSigned(raw)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await rows()).toHaveLength(1);
    const dedupe = test
      .logs()
      .filter((line) => line.msg === "zalo webhook event")
      .slice(-5)
      .map((line) => line.dedupe);
    expect(dedupe.filter((value) => value === "new")).toHaveLength(1);
  });

  it("answers a later redelivery 200 and still keeps one row", async () => {
    const raw = zaloFixture("follow");
    expect((await postSigned(raw)).status).toBe(200);
    expect((await postSigned(raw)).status).toBe(200);
    const stored = await database.handle.db
      .select()
      .from(inboundEvents)
      .where(eq(inboundEvents.dedupeKey, `follow:246845883529197922:${fixtureTimestamp("1543979782740")}`));
    expect(stored).toHaveLength(1);
    expect(await rows()).toHaveLength(1);
  });
});
