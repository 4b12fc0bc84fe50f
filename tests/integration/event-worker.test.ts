import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { citizens, inboundEvents, residents } from "../../bot-server/src/db/schema";
import { claimPendingEvents } from "../../bot-server/src/modules/events/claim";
import { type EventDeps, processEvent } from "../../bot-server/src/modules/events/process";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";
import { fixtureTimestamp, signZaloEvent, zaloFixture } from "../support/zalo-webhook";

/**
 * The event worker (modules/events): webhook events stored by POST /webhooks/zalo are claimed under a
 * lease, turned into `residents` rows idempotently, and marked processed. Real database, events posted
 * signed through the app like Zalo would.
 */

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;
let deps: EventDeps;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  served = await serveOverHttp(test.app.fetch);
  deps = { db: database.handle.db, logger: test.logger, sealer: test.sealer };
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

beforeEach(async () => {
  const db = database.handle.db;
  await db.delete(inboundEvents);
  await db.delete(residents);
  await db.delete(citizens);
});

const FOLLOWER = "246845883529197922";
const FOLLOWER_BY_APP = "552177279717587730";

async function postEvent(rawBody: string): Promise<void> {
  const signature = signZaloEvent(rawBody, { secret: test.config.zalo.oaSecretKey });
  const response = await fetch(`${served.baseUrl}/webhooks/zalo`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-ZEvent-Signature": signature },
    body: rawBody,
  });
  expect(response.status).toBe(200);
}

/** The user_send_text fixture, sent by the follow fixture's user. */
function textFromFollower(
  msgId = "aa00000000000000000a",
  timestamp = fixtureTimestamp("1699003881354"),
): string {
  const body = JSON.parse(zaloFixture("user_send_text")) as Record<string, unknown>;
  return JSON.stringify({
    ...body,
    user_id_by_app: FOLLOWER_BY_APP,
    timestamp,
    sender: { id: FOLLOWER },
    message: { msg_id: msgId, text: "Xin chào" },
  });
}

async function drain(): Promise<number> {
  let processed = 0;
  for (;;) {
    const events = await claimPendingEvents(deps.db, { limit: 3, leaseMs: 60_000 });
    if (events.length === 0) return processed;
    for (const event of events) await processEvent(deps, event);
    processed += events.length;
  }
}

const resident = async (oaUserId = FOLLOWER) => {
  const [row] = await database.handle.db.select().from(residents).where(eq(residents.oaUserId, oaUserId));
  return row;
};
const statuses = async () =>
  (await database.handle.db.select().from(inboundEvents).orderBy(inboundEvents.id)).map((e) => e.status);

describe("processing stored events into residents", () => {
  it("follow then user_send_text: following, interaction time from the ms timestamp", async () => {
    await postEvent(zaloFixture("follow"));
    await postEvent(textFromFollower());
    expect(await drain()).toBe(2);
    const row = await resident();
    expect(row?.following).toBe(true);
    expect(row?.userIdByApp).toBe(FOLLOWER_BY_APP);
    expect(row?.followedAt?.getTime()).toBe(Number(fixtureTimestamp("1543979782740")));
    expect(row?.lastInteractionAt?.getTime()).toBe(Number(fixtureTimestamp("1699003881354")));
    expect(row?.citizenId).toBeNull();
    expect(await statuses()).toEqual(["processed", "processed"]);
  });

  it("unfollow after follow → not following", async () => {
    await postEvent(zaloFixture("follow"));
    await postEvent(zaloFixture("unfollow"));
    await drain();
    const row = await resident();
    expect(row?.following).toBe(false);
    expect(row?.unfollowedAt?.getTime()).toBe(Number(fixtureTimestamp("1543989782741")));
  });

  it("links the citizen whose zalo_user_id equals user_id_by_app", async () => {
    const [citizen] = await database.handle.db
      .insert(citizens)
      .values({ zaloUserId: FOLLOWER_BY_APP, name: "Công dân thử" })
      .returning();
    await postEvent(zaloFixture("follow"));
    await drain();
    expect((await resident())?.citizenId).toBe(citizen?.id);
  });

  it("never claims ignored events; receipts are processed without a resident", async () => {
    await postEvent(zaloFixture("unknown_event"));
    await postEvent(zaloFixture("user_seen_message"));
    expect(await drain()).toBe(1);
    expect((await statuses()).sort()).toEqual(["ignored", "processed"]);
    expect(await database.handle.db.select().from(residents)).toHaveLength(0);
  });
});

describe("claims, leases and idempotency", () => {
  it("two concurrent claimers never get the same event", async () => {
    for (let i = 0; i < 6; i++) await postEvent(textFromFollower(`bb0000000000000000${i}0`));
    const [a, b] = await Promise.all([
      claimPendingEvents(deps.db, { limit: 4, leaseMs: 60_000 }),
      claimPendingEvents(deps.db, { limit: 4, leaseMs: 60_000 }),
    ]);
    const ids = [...(a ?? []), ...(b ?? [])].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(6);
    // Held under a lease: nothing is claimable until it expires.
    expect(await claimPendingEvents(deps.db, { limit: 10, leaseMs: 60_000 })).toHaveLength(0);
  });

  it("a crash between claim and mark: the expired lease is re-claimed, same resulting state", async () => {
    await postEvent(zaloFixture("follow"));
    await postEvent(textFromFollower());
    await drain();
    const before = await resident();

    await postEvent(zaloFixture("unfollow"));
    const [claimed] = await claimPendingEvents(deps.db, { limit: 10, leaseMs: 1 });
    if (!claimed) throw new Error("nothing claimed");
    await processEvent(deps, claimed);
    // Simulate the crash: processed but never marked, lease gone.
    await database.handle.db
      .update(inboundEvents)
      .set({ status: "processing", lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(inboundEvents.id, claimed.id));
    const afterFirst = await resident();

    const [again] = await claimPendingEvents(deps.db, { limit: 10, leaseMs: 60_000 });
    expect(again?.id).toBe(claimed.id);
    expect(again?.attempts).toBe(2);
    if (!again) throw new Error("not re-claimed");
    await processEvent(deps, again);
    const afterSecond = await resident();

    expect(before?.following).toBe(true);
    expect(afterFirst?.following).toBe(false);
    expect({ ...afterSecond, updatedAt: null }).toEqual({ ...afterFirst, updatedAt: null });
    expect(await statuses()).toEqual(["processed", "processed", "processed"]);
  });

  it("processing the same event twice (even out of order) gives the same resident", async () => {
    await postEvent(zaloFixture("follow"));
    await postEvent(zaloFixture("unfollow"));
    await postEvent(textFromFollower());
    const events = await claimPendingEvents(deps.db, { limit: 10, leaseMs: 60_000 });
    for (const event of events) await processEvent(deps, event);
    const once = await resident();
    // Replay all, the follow last: a stale follow must not flip the later unfollow.
    for (const event of [...events].reverse()) await processEvent(deps, event);
    const twice = await resident();
    expect(once?.following).toBe(false);
    expect({ ...twice, updatedAt: null }).toEqual({ ...once, updatedAt: null });
  });

  it("a failing event goes back to pending with the error class, then failed after 5 attempts", async () => {
    await postEvent(zaloFixture("follow"));
    const failing: EventDeps = {
      ...deps,
      afterResidentUpdated: async () => {
        throw new TypeError("boom with secret 0912345678");
      },
    };
    for (let attempt = 1; attempt <= 5; attempt++) {
      const [event] = await claimPendingEvents(deps.db, { limit: 1, leaseMs: 60_000 });
      if (!event) throw new Error(`nothing claimed at attempt ${attempt}`);
      await processEvent(failing, event);
      if (attempt < 5) {
        // Not claimable during its retry delay; then the delay passes.
        expect(await claimPendingEvents(deps.db, { limit: 1, leaseMs: 60_000 })).toEqual([]);
        const [waiting] = await database.handle.db.select().from(inboundEvents);
        expect(waiting?.status).toBe("pending");
        await database.handle.db.execute(
          sql`update inbound_events set locked_until = now() - interval '1 second'`,
        );
      }
    }
    const [row] = await database.handle.db.select().from(inboundEvents);
    expect(row?.status).toBe("failed");
    expect(row?.lastError).toBe("TypeError");
    expect(row?.attempts).toBe(5);
    expect(test.rawLogs().join("\n")).not.toContain("0912345678");
  });
});
