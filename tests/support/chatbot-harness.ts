import { randomBytes, randomInt } from "node:crypto";
import { setupServer } from "msw/node";
import { createSealer } from "../../bot-server/src/lib/crypto";
import {
  clearNoticeCommune,
  findNoticeCommune,
  setNoticeCommune,
} from "../../bot-server/src/modules/broadcast";
import { createChatbot } from "../../bot-server/src/modules/chatbot/service";
import { type DeliveryDeps, drainDue } from "../../bot-server/src/modules/delivery";
import { claimPendingEvents } from "../../bot-server/src/modules/events/claim";
import { type EventDeps, processEvents } from "../../bot-server/src/modules/events/process";
import { deliveryDeps } from "../../bot-server/src/server";
import { type FreshDatabase, freshDatabase } from "./database";
import { PRODUCTION_TEST_ENV, TEST_APP_SECRET } from "./fake-zalo-graph";
import { createFakeOa, FAKE_OA_API_BASE_URL, FAKE_OAUTH_BASE_URL } from "./fake-zalo-oa";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "./in-process-app";
import { signZaloEvent } from "./zalo-webhook";

/**
 * The chatbot as the server runs it — webhook over HTTP, event worker, chatbot, OA client with its token
 * store — in the test process, with Zalo's OA and OAuth APIs faked by msw (every cs call counted).
 */
export interface ChatbotHarness {
  database: FreshDatabase;
  test: TestApp;
  served: ServedApp;
  fake: ReturnType<typeof createFakeOa>;
  /** The msw server: `mock.use(handler)` overrides Zalo for one test (reset before each). */
  mock: ReturnType<typeof setupServer>;
  deps: EventDeps;
  /** The delivery engine the replies leave through (the outbox drained by `drain`). */
  delivery: DeliveryDeps;
  /** Signs and POSTs a raw body to /webhooks/zalo; returns the HTTP status. */
  post(rawBody: string): Promise<number>;
  /**
   * Claims and processes stored events until none is left, then sends what the outbox holds that is due;
   * returns how many events were processed.
   */
  drain(): Promise<number>;
  /** What the fake OA was asked to send to a user, in order: text and buttons. */
  sentTo(userId: string): { text: string; buttons: { title: string; type: string; payload: unknown }[] }[];
  close(): Promise<void>;
}

/** The chatbot's clock in these tests: the start of this minute. */
const CLOCK = new Date(Math.floor(Date.now() / 60_000) * 60_000);

export async function startChatbotHarness(): Promise<ChatbotHarness> {
  const database = await freshDatabase();
  const test = buildTestApp(database.handle, {
    ...PRODUCTION_TEST_ENV,
    ZALO_API_BASE_URL: FAKE_OA_API_BASE_URL,
    ZALO_OAUTH_BASE_URL: FAKE_OAUTH_BASE_URL,
  });
  const served = await serveOverHttp(test.app.fetch);
  const fake = createFakeOa({
    appSecret: TEST_APP_SECRET,
    seedRefreshToken: test.config.zalo.oaRefreshToken,
  });
  const mock = setupServer(...fake.handlers);
  mock.listen({ onUnhandledRequest: "bypass" });
  const db = database.handle.db;
  const sealer = createSealer(test.config.dataEncryptionKey);
  const delivery = deliveryDeps({
    config: test.config,
    database: database.handle,
    logger: test.logger,
    sealer,
  });
  const deps: EventDeps = {
    db,
    logger: test.logger,
    sealer,
    afterResidentUpdated: createChatbot({
      db,
      logger: test.logger,
      sealer,
      miniAppId: test.config.zalo.miniAppId,
      notices: { find: findNoticeCommune, set: setNoticeCommune, clear: clearNoticeCommune },
      // One instant for the whole file: the per-minute rate window never splits a test's messages.
      now: () => CLOCK,
    }),
  };
  return {
    database,
    test,
    served,
    fake,
    mock,
    deps,
    delivery,
    async post(rawBody) {
      const response = await fetch(`${served.baseUrl}/webhooks/zalo`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          "X-ZEvent-Signature": signZaloEvent(rawBody, { secret: test.config.zalo.oaSecretKey }),
        },
        body: rawBody,
      });
      await response.arrayBuffer();
      return response.status;
    },
    async drain() {
      let processed = 0;
      for (;;) {
        const events = await claimPendingEvents(db, { limit: 10, leaseMs: 60_000 });
        if (events.length === 0) {
          await drainDue(delivery);
          return processed;
        }
        await processEvents(deps, events);
        processed += events.length;
      }
    },
    sentTo(userId) {
      return fake.csCalls
        .map((call) => call.body as CsBody)
        .filter((body) => body.recipient?.user_id === userId)
        .map((body) => ({
          text: body.message?.text ?? "",
          buttons: body.message?.attachment?.payload?.buttons ?? [],
        }));
    },
    async close() {
      mock.close();
      await served.close();
      test.cleanup();
      await database.drop();
    },
  };
}

interface CsBody {
  recipient?: { user_id?: string };
  message?: {
    text?: string;
    attachment?: { payload?: { buttons?: { title: string; type: string; payload: unknown }[] } };
  };
}

/** Zalo-like numeric string ids (longer than 2^53, so never JSON numbers). */
export function zaloId(): string {
  let digits = String(1 + randomInt(9));
  for (let i = 0; i < 18; i += 1) digits += String(randomInt(10));
  return digits;
}

/** A user_send_text event as Zalo sends it (zalo-oa.md §1 [C]). */
export function textEvent(
  appId: string,
  oaId: string,
  from: { oaUserId: string; userIdByApp?: string },
  text: string,
  msgId = randomBytes(10).toString("hex"),
): string {
  return JSON.stringify({
    app_id: appId,
    user_id_by_app: from.userIdByApp ?? "",
    event_name: "user_send_text",
    timestamp: String(Date.now()),
    sender: { id: from.oaUserId },
    recipient: { id: oaId },
    message: { msg_id: msgId, text },
  });
}

/** Any user → OA event with attachments (image, sticker, location…). */
export function mediaEvent(
  appId: string,
  oaId: string,
  oaUserId: string,
  eventName: string,
  attachment: Record<string, unknown>,
): string {
  return JSON.stringify({
    app_id: appId,
    event_name: eventName,
    timestamp: String(Date.now()),
    sender: { id: oaUserId },
    recipient: { id: oaId },
    message: { msg_id: randomBytes(10).toString("hex"), attachments: [attachment] },
  });
}

export function followEvent(appId: string, oaId: string, oaUserId: string, userIdByApp = ""): string {
  return JSON.stringify({
    oa_id: oaId,
    follower: { id: oaUserId },
    user_id_by_app: userIdByApp,
    event_name: "follow",
    source: "oa_profile",
    app_id: appId,
    timestamp: String(Date.now()),
  });
}
