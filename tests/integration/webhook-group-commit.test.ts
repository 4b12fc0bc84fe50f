import { errorBodySchema } from "@dvc/shared";
import { count, like } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../bot-server/src/db/client";
import { inboundEvents } from "../../bot-server/src/db/schema";
import {
  inboundEventStore,
  insertInboundEvents,
  type NewInboundEvent,
} from "../../bot-server/src/modules/webhook/repo";
import { MAX_WEBHOOK_BODY_BYTES } from "../../bot-server/src/modules/webhook/routes";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";
import { signZaloEvent, zaloFixture } from "../support/zalo-webhook";

/**
 * Group commit of webhook inserts (modules/webhook/group-commit.ts, repo.ts): concurrent deliveries
 * share INSERTs, and still every event is stored once, every delivery answered for itself (WH-4).
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

const rowCount = async () => (await database.handle.db.select({ n: count() }).from(inboundEvents))[0]?.n;

/** A user_send_text like the contract fixture, with its own msg_id and text. */
function textEvent(msgId: string, text = "Cho tôi hỏi thủ tục khai sinh"): string {
  const base = JSON.parse(zaloFixture("user_send_text")) as { message: Record<string, unknown> };
  return JSON.stringify({ ...base, message: { ...base.message, msg_id: msgId, text } });
}

function postSigned(rawBody: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) {
  const signature = signZaloEvent(rawBody, {
    appId: test.config.zalo.appId,
    secret: test.config.zalo.oaSecretKey,
  });
  return fetch(`${served.baseUrl}/webhooks/zalo`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-ZEvent-Signature": signature, ...init.headers },
    body: init.body ?? rawBody,
    // A stream body is sent chunked (no Content-Length), which fetch only allows half-duplex.
    ...(init.body ? { duplex: "half" } : {}),
  } as RequestInit);
}

function row(key: string): NewInboundEvent {
  return {
    dedupeKey: key,
    eventName: "user_send_text",
    source: "oa",
    appId: "1000000000000000001",
    payload: { key },
    rawBodySealed: `sealed:${key}`,
    status: "pending",
    eventTimestamp: "1699003881354",
    eventAt: new Date(1699003881354),
  };
}

describe("over HTTP", () => {
  it("stores 100 concurrent distinct deliveries plus 20 duplicates as exactly 100 rows, all answered 200", async () => {
    const bodies = Array.from({ length: 100 }, (_, i) => textEvent(`gc${String(i).padStart(18, "0")}`));
    const duplicates = Array.from({ length: 20 }, (_, i) => bodies[i * 5] as string);
    const responses = await Promise.all([...bodies, ...duplicates].map((body) => postSigned(body)));
    expect(responses.map((response) => response.status)).toEqual(Array(120).fill(200));
    expect(await rowCount()).toBe(100);
    const dedupe = test
      .logs()
      .filter((line) => line.msg === "zalo webhook event")
      .slice(-120)
      .map((line) => line.dedupe);
    expect(dedupe.filter((value) => value === "new")).toHaveLength(100);
    expect(dedupe.filter((value) => value === "duplicate")).toHaveLength(20);
  });

  it("stores an event whose text PostgreSQL could not hold as jsonb, with the events batched with it", async () => {
    // NUL and a lone surrogate: jsonb refuses both (22P05). The text travels only sealed, the envelope
    // holds none of it, so the event is stored like any other and the chatbot still reads it.
    const good = Array.from({ length: 30 }, (_, i) => textEvent(`ok${String(i).padStart(18, "0")}`));
    const hostile = [
      textEvent("poison00000000000000", "Số nhà tôi \u0000 là 12"),
      textEvent("poison00000000000001", "xin chào \ud83d"),
    ];
    const responses = await Promise.all([...good, ...hostile].map((body) => postSigned(body)));
    expect(responses.map((response) => response.status)).toEqual(Array(32).fill(200));
    expect(await rowCount()).toBe(32);
    const logs = test.rawLogs().join("\n");
    for (const text of ["Số nhà tôi", "Cho tôi hỏi", "xin chào"]) expect(logs).not.toContain(text);
  });

  it("reads a chunked body (no Content-Length) through the streaming limit", async () => {
    const raw = textEvent("chunked0000000000000");
    const response = await postSigned(raw, { body: streamOf(raw) });
    expect(response.status).toBe(200);
    expect(await rowCount()).toBe(1);
  });

  it("answers a chunked body over 64 KB with 413 and stores nothing", async () => {
    const raw = textEvent("chunkedbig0000000000", "a".repeat(MAX_WEBHOOK_BODY_BYTES));
    const response = await postSigned(raw, { body: streamOf(raw) });
    expect(response.status).toBe(413);
    expect(errorBodySchema.parse(await response.json()).code).toBe("PAYLOAD_TOO_LARGE");
    expect(await rowCount()).toBe(0);
  });
});

describe("the store (repo)", () => {
  it("writes 100 concurrent events in 2 INSERTs: the first alone, the other 99 together", async () => {
    let statements = 0;
    const counting = new Proxy(database.handle.db, {
      get(target, property, receiver) {
        const value: unknown = Reflect.get(target, property, receiver);
        if (property !== "execute" || typeof value !== "function") return value;
        return (...args: unknown[]) => {
          statements += 1;
          return value.apply(target, args);
        };
      },
    }) as Database;
    const store = inboundEventStore(counting);
    const stored = await Promise.all(Array.from({ length: 100 }, (_, i) => store(row(`gc:${i}`))));
    expect(stored).toEqual(Array(100).fill(true));
    expect(statements).toBe(2);
    const [{ n } = { n: -1 }] = await database.handle.db
      .select({ n: count() })
      .from(inboundEvents)
      .where(like(inboundEvents.dedupeKey, "gc:%"));
    expect(n).toBe(100);
  });

  it("fails only the row the database refuses, not the rows batched with it", async () => {
    const store = inboundEventStore(database.handle.db);
    const poisoned = { ...row("bad:1"), payload: { text: "a\u0000b" } };
    const results = await Promise.allSettled([
      ...Array.from({ length: 30 }, (_, i) => store(row(`ok:${i}`))),
      store(poisoned),
    ]);
    expect(results.slice(0, 30).every((result) => result.status === "fulfilled" && result.value)).toBe(true);
    expect(results[30]?.status).toBe("rejected");
    expect(await rowCount()).toBe(30);
  });

  it("reports one key given twice in a batch as stored once, then as a duplicate", async () => {
    const db = database.handle.db;
    expect(await insertInboundEvents(db, [row("k:1"), row("k:2"), row("k:1")])).toEqual([true, true, false]);
    expect(await insertInboundEvents(db, [row("k:2"), row("k:3")])).toEqual([false, true]);
    expect(await rowCount()).toBe(3);
  });

  it("stores every field as given, defaults for the rest", async () => {
    await insertInboundEvents(database.handle.db, [
      { ...row("k:fields"), eventTimestamp: null, source: "zns" },
    ]);
    const [stored] = await database.handle.db.select().from(inboundEvents);
    expect(stored).toMatchObject({
      dedupeKey: "k:fields",
      eventName: "user_send_text",
      source: "zns",
      appId: "1000000000000000001",
      payload: { key: "k:fields" },
      rawBody: null,
      rawBodySealed: "sealed:k:fields",
      status: "pending",
      eventTimestamp: null,
      eventAt: new Date(1699003881354),
      attempts: 0,
      processedAt: null,
    });
    expect(stored?.receivedAt).toBeInstanceOf(Date);
  });
});

function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  return new ReadableStream({
    start(controller) {
      // Several chunks, as a real chunked upload arrives.
      for (let at = 0; at < bytes.length; at += 16 * 1024)
        controller.enqueue(bytes.slice(at, at + 16 * 1024));
      controller.close();
    },
  });
}
