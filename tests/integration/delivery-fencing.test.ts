import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { deliveries, inboundEvents, residents } from "../../bot-server/src/db/schema";
import { createSendBudget, deliverOne, enqueue } from "../../bot-server/src/modules/delivery";
import { type Claimed, claimDue, settle } from "../../bot-server/src/modules/delivery/claim";
import { createSentBatch } from "../../bot-server/src/modules/delivery/sent-batch";
import {
  claimPendingEvents,
  type InboundEvent,
  markFailed,
  markProcessed,
} from "../../bot-server/src/modules/events/claim";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { createFakeZaloPort } from "../support/fake-zalo-port";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * Fencing: a worker whose lease ran out (paused by GC, cut off, slow) cannot write over what the row's
 * new owner did. Each claim carries a fresh `lease_token` and every later write presents it — the
 * delivery engine's `settle` and the event worker's markProcessed/markFailed. The lease running out is
 * simulated by moving its end into the past, as 60 s of waiting would. One connection at a time is
 * enough here, so this also runs on PGlite.
 */

let database: FreshDatabase;
let test: TestApp;
beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
});
afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});
const db = () => database.handle.db;

async function queuedReply(): Promise<number> {
  const oaUserId = `9${Date.now()}${Math.floor(Math.random() * 1000)}`;
  await db().insert(residents).values({ oaUserId, following: true, lastInteractionAt: new Date() });
  const key = `reply:${randomUUID()}:0`;
  await enqueue(db(), { kind: "chatbot_reply", key, oaUserId, text: "Dạ, đã nhận." });
  const [row] = await db().select().from(deliveries).where(eq(deliveries.idempotencyKey, key));
  if (!row) throw new Error("not enqueued");
  return row.id;
}

/** The claim of exactly this row (other tests' rows are finished). */
async function claimOf(id: number): Promise<Claimed> {
  const [claimed] = await claimDue(db(), 10);
  if (claimed?.row.id !== id) throw new Error(`expected to claim ${id}, got ${claimed?.row.id}`);
  return claimed;
}

const leaseRunsOut = (id: number) =>
  db()
    .update(deliveries)
    .set({ nextAttemptAt: sql`now() - interval '1 second'` })
    .where(eq(deliveries.id, id));

async function delivery(id: number) {
  const [row] = await db().select().from(deliveries).where(eq(deliveries.id, id));
  return row;
}

describe("a delivery claim whose lease ran out", () => {
  it("cannot settle over the row's new owner, before or after that owner settles", async () => {
    const id = await queuedReply();
    const stale = await claimOf(id);
    await leaseRunsOut(id);
    const current = await claimOf(id);
    expect(current.token).not.toBe(stale.token);
    expect(current.row.attempts).toBe(2);

    // While the new owner is still sending: the stale outcome is refused and the claim stays its.
    expect(await settle(db(), stale, { status: "failed", lastError: "stale", finishedAt: new Date() })).toBe(
      false,
    );
    expect(await delivery(id)).toMatchObject({
      status: "sending",
      leaseToken: current.token,
      lastError: null,
    });

    expect(
      await settle(db(), current, { status: "sent", providerMessageId: "zmsg-second", sentAt: new Date() }),
    ).toBe(true);
    // After it settled: still refused, the second outcome stands.
    expect(
      await settle(db(), stale, { status: "queued", nextAttemptAt: new Date(), lastError: "stale" }),
    ).toBe(false);
    expect(await delivery(id)).toMatchObject({
      status: "sent",
      providerMessageId: "zmsg-second",
      attempts: 2,
      leaseToken: null,
      lastError: null,
    });
  });

  it("deliverOne with a stale claim leaves the row alone and says so in the log", async () => {
    const id = await queuedReply();
    const stale = await claimOf(id);
    await leaseRunsOut(id);
    const current = await claimOf(id);
    await settle(db(), current, { status: "sent", providerMessageId: "zmsg-owner", sentAt: new Date() });
    const fake = createFakeZaloPort();
    await deliverOne(
      {
        db: db(),
        logger: test.logger,
        sealer: test.sealer,
        zalo: fake.port,
        budget: createSendBudget(db(), { name: `fencing-${randomUUID()}`, perMinute: 6_000_000 }),
        miniAppId: "3000000000000000003",
        templates: {},
      },
      stale,
    );
    expect(await delivery(id)).toMatchObject({ status: "sent", providerMessageId: "zmsg-owner" });
    expect(test.logs()).toContainEqual(
      expect.objectContaining({
        msg: "delivery outcome dropped: lease lost",
        deliveryId: id,
        status: "sent",
      }),
    );
    // The fence guards the row, not Zalo: the stale worker's call still went out (at least once — the
    // outbox's documented limit, see zalo-port.ts).
    expect(fake.sent()).toHaveLength(1);
  });
});

describe("the worker's batch of sent outcomes", () => {
  const sentOutcome = (providerMessageId: string) => ({
    channel: "oa_cs" as const,
    providerMessageId,
    oaUserId: null,
    sentAt: new Date("2026-12-06T08:00:00Z"),
  });

  it("writes each row under its own claim and leaves a row another claim took over", async () => {
    const keptId = await queuedReply();
    const kept = await claimOf(keptId);
    const lostId = await queuedReply();
    const stale = await claimOf(lostId);
    await leaseRunsOut(lostId);
    const owner = await claimOf(lostId);
    const batch = createSentBatch(db(), test.logger, 10);

    await batch.record(kept, sentOutcome("zmsg-kept"));
    await batch.record(stale, sentOutcome("zmsg-stale"));
    await batch.flush();

    expect(await delivery(keptId)).toMatchObject({
      status: "sent",
      channel: "oa_cs",
      providerMessageId: "zmsg-kept",
      sentAt: new Date("2026-12-06T08:00:00Z"),
      leaseToken: null,
      lockedUntil: null,
    });
    expect(await delivery(lostId)).toMatchObject({
      status: "sending",
      leaseToken: owner.token,
      providerMessageId: null,
    });
    expect(test.logs()).toContainEqual(
      expect.objectContaining({ msg: "delivery outcome dropped: lease lost", deliveryId: lostId }),
    );
    await settle(db(), owner, { status: "sent", providerMessageId: "zmsg-owner", sentAt: new Date() });
  });

  it("writes an outcome recorded while idle without waiting for a flush or the next message", async () => {
    const id = await queuedReply();
    const claimed = await claimOf(id);
    const batch = createSentBatch(db(), test.logger, 10);
    await batch.record(claimed, sentOutcome("zmsg-idle"));
    // A row left "sending" would be claimed and sent again when its lease runs out.
    await vi.waitFor(async () => expect(await delivery(id)).toMatchObject({ status: "sent" }), {
      timeout: 5_000,
    });
  });
});

describe("an event claim whose lease ran out", () => {
  const insertEvent = async () => {
    const [row] = await db()
      .insert(inboundEvents)
      .values({
        dedupeKey: `test:${randomUUID()}`,
        eventName: "user_send_text",
        source: "oa",
        appId: "1",
        payload: {},
        status: "pending",
      })
      .returning();
    if (!row) throw new Error("not inserted");
    return row;
  };
  const event = async (id: bigint) => {
    const [row] = await db().select().from(inboundEvents).where(eq(inboundEvents.id, id));
    return row;
  };
  const eventLeaseRunsOut = (id: bigint) =>
    db()
      .update(inboundEvents)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(inboundEvents.id, id));
  const claimEvents = () => claimPendingEvents(db(), { limit: 10, leaseMs: 60_000 });

  it("markFailed and markProcessed of the stale claim change nothing; the new owner's do", async () => {
    await db().delete(inboundEvents);
    const { id } = await insertEvent();
    const [stale] = await claimEvents();
    await eventLeaseRunsOut(id);
    const [current] = await claimEvents();
    if (!stale || !current) throw new Error("not claimed");
    expect(current.id).toBe(id);
    expect(current.leaseToken).not.toBe(stale.leaseToken);
    const held = { status: "processing", leaseToken: current.leaseToken, attempts: 2, lastError: null };

    expect(await markFailed(db(), stale, "StaleError")).toBe(false);
    expect(await event(id)).toMatchObject(held);
    expect(await markProcessed(db(), [stale])).toBe(0);
    expect(await event(id)).toMatchObject({ ...held, processedAt: null });

    expect(await markProcessed(db(), [current])).toBe(1);
    expect(await markFailed(db(), stale, "StaleError")).toBe(false);
    expect(await markFailed(db(), current, "LateError")).toBe(false);
    expect(await event(id)).toMatchObject({ status: "processed", leaseToken: null, lastError: null });
  });

  it("a batch marks only the events its claim still holds", async () => {
    await db().delete(inboundEvents);
    const first = await insertEvent();
    await insertEvent();
    const batch: InboundEvent[] = await claimEvents();
    expect(batch).toHaveLength(2);
    // One of the two is taken over; the other is still the batch's, lease run out or not.
    await db().update(inboundEvents).set({ lockedUntil: sql`now() - interval '1 second'` });
    const [takenOver] = await claimPendingEvents(db(), { limit: 1, leaseMs: 60_000 });
    expect(takenOver?.id).toBe(first.id);

    expect(await markProcessed(db(), batch)).toBe(1);
    expect(await event(first.id)).toMatchObject({ status: "processing", leaseToken: takenOver?.leaseToken });
    const other = batch.find((e) => e.id !== first.id);
    expect(other && (await event(other.id))).toMatchObject({ status: "processed" });
  });
});
