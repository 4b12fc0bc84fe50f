import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, residents, sendBuckets } from "../../bot-server/src/db/schema";
import { createSendBudget, drainDue, enqueue } from "../../bot-server/src/modules/delivery";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { createFakeZaloPort } from "../support/fake-zalo-port";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/** The fleet's send budget (send_buckets): pauses after -32, and what a claim does when it must wait. */

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

const bucket = async (name: string) => {
  const [row] = await database.handle.db.select().from(sendBuckets).where(eq(sendBuckets.name, name));
  return row;
};

describe("the send budget", () => {
  it("a storm of -32 answers pauses the fleet once, not once per answer; a success mid-pause keeps the streak", async () => {
    const name = `storm-${randomUUID()}`;
    const budget = createSendBudget(database.handle.db, { name, perMinute: 60_000 });
    await Promise.all(Array.from({ length: 7 }, () => budget.slowDown()));
    expect((await bucket(name))?.pauseMs).toBe(1_000);
    const taken = await budget.take(1);
    expect(taken.granted).toBe(0);
    expect(taken.waitMs).toBeGreaterThan(0);
    expect(taken.waitMs).toBeLessThanOrEqual(1_000);
    await budget.recovered();
    expect((await bucket(name))?.pauseMs).toBe(1_000);
    // After the pause, the next -32 doubles it: Zalo is still refusing.
    await database.handle.db.execute(
      sql`update send_buckets set paused_until = now() - interval '1 second' where name = ${name}`,
    );
    await budget.slowDown();
    expect((await bucket(name))?.pauseMs).toBe(2_000);
  });

  it("a claim that would wait past its lease for the budget goes back to the queue unsent, without using an attempt", async () => {
    const db = database.handle.db;
    const oaUserId = `4${randomUUID().replace(/\D/g, "").slice(0, 18)}`;
    await db.insert(residents).values({ oaUserId, following: true, lastInteractionAt: new Date() });
    const key = `reply:${randomUUID()}:0`;
    await enqueue(db, { kind: "chatbot_reply", key, oaUserId, text: "Chào bạn" });
    const fake = createFakeZaloPort();
    // One call a minute, and the bucket starts empty: the first call is a minute away, past the lease.
    const budget = createSendBudget(db, { name: `slow-${randomUUID()}`, perMinute: 1 });
    await drainDue({
      db,
      logger: test.logger,
      sealer: test.sealer,
      zalo: fake.port,
      budget,
      miniAppId: "1",
      templates: {},
    });
    expect(fake.sent()).toEqual([]);
    const [row] = await db.select().from(deliveries).where(eq(deliveries.idempotencyKey, key));
    expect(row).toMatchObject({ status: "queued", attempts: 0, leaseToken: null });
    expect((row?.nextAttemptAt.getTime() ?? 0) - Date.now()).toBeGreaterThan(30_000);
  });
});
