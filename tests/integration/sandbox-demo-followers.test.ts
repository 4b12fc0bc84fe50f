import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communes, noticeSubscriptions, residents } from "../../bot-server/src/db/schema";
import { createSealer } from "../../bot-server/src/lib/crypto";
import {
  clearNoticeCommune,
  findNoticeCommune,
  setNoticeCommune,
} from "../../bot-server/src/modules/broadcast";
import { createChatbot } from "../../bot-server/src/modules/chatbot/service";
import { claimPendingEvents } from "../../bot-server/src/modules/events/claim";
import { type EventDeps, processEvents } from "../../bot-server/src/modules/events/process";
import { DEMO_FOLLOWERS } from "../../bot-server/src/zalo-sandbox/demo-followers";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";

/**
 * The /sandbox page's "demo followers": signed follow and text events to the product's own webhook,
 * then the event worker and the chatbot as the server runs them — the demo residents end up following,
 * subscribed to Phường Ba Đình's notices by the bot, exactly as a resident who typed it would.
 */

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;
let events: EventDeps;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  const sealer = createSealer(test.config.dataEncryptionKey);
  const deps = { config: test.config, database: database.handle, logger: test.logger, sealer };
  test.app.route("/sandbox", sandboxRoutes(deps));
  served = await serveOverHttp(test.app.fetch);
  const db = database.handle.db;
  events = {
    db,
    logger: test.logger,
    sealer,
    afterResidentUpdated: createChatbot({
      db,
      logger: test.logger,
      sealer,
      miniAppId: test.config.zalo.miniAppId,
      notices: { find: findNoticeCommune, set: setNoticeCommune, clear: clearNoticeCommune },
    }),
  };
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

async function seedDemo(): Promise<{ status: number; names: string[] }> {
  const response = await fetch(`${served.baseUrl}/sandbox/api/chat/demo-followers`, { method: "POST" });
  const body = (await response.json()) as { residents: { displayName: string; following: boolean }[] };
  expect(body.residents.every((resident) => resident.following)).toBe(true);
  return { status: response.status, names: body.residents.map((resident) => resident.displayName) };
}

async function drainEvents(): Promise<number> {
  let processed = 0;
  for (;;) {
    const claimed = await claimPendingEvents(database.handle.db, { limit: 10, leaseMs: 60_000 });
    if (claimed.length === 0) return processed;
    await processEvents(events, claimed);
    processed += claimed.length;
  }
}

describe("demo followers", () => {
  it("follow the OA and choose Phường Ba Đình through the bot; a second press adds no one", async () => {
    const first = await seedDemo();
    expect(first).toEqual({ status: 200, names: DEMO_FOLLOWERS.map((demo) => demo.displayName) });
    expect(await drainEvents()).toBe(2 * DEMO_FOLLOWERS.length);

    const db = database.handle.db;
    const [baDinh] = await db
      .select({ code: communes.code })
      .from(communes)
      .where(eq(communes.name, "Phường Ba Đình"));
    const subscribed = await db
      .select({
        oaUserId: noticeSubscriptions.oaUserId,
        communeCode: noticeSubscriptions.communeCode,
        source: noticeSubscriptions.source,
      })
      .from(noticeSubscriptions);
    expect(subscribed).toEqual(
      expect.arrayContaining(
        DEMO_FOLLOWERS.map((demo) => ({ oaUserId: demo.id, communeCode: baDinh?.code, source: "bot" })),
      ),
    );
    const following = await db.select({ following: residents.following }).from(residents);
    expect(following).toEqual(DEMO_FOLLOWERS.map(() => ({ following: true })));

    expect((await seedDemo()).status).toBe(200);
    expect(await drainEvents()).toBe(0);
  });
});
