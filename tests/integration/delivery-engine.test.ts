import { randomUUID } from "node:crypto";
import { CONSENT_NOTICE_VERSION } from "@dvc/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consents, deliveries, residents } from "../../bot-server/src/db/schema";
import {
  createSendBudget,
  type DeliveryDeps,
  type DeliveryMessage,
  drainDue,
  enqueue,
  listDeadLetters,
  MAX_DELIVERY_ATTEMPTS,
} from "../../bot-server/src/modules/delivery";
import { phoneForNotifications } from "../../bot-server/src/modules/profile";
import { writeProfile } from "../../bot-server/src/modules/profile/profile-repo";
import { EMPTY_PROFILE } from "../../bot-server/src/modules/profile/profile-rules";
import { signedInCitizen } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { createFakeZaloPort } from "../support/fake-zalo-port";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * The delivery engine on a real database with a recording Zalo (tests/support/fake-zalo-port.ts): the
 * outbox joins the caller's transaction (OB-1), sends once per key, walks the channel ladder of
 * zalo-oa.md §0, retries with reasons (OB-5), expires (OB-6), keeps dead letters (OB-8).
 */

let database: FreshDatabase;
let test: TestApp;
let fake: ReturnType<typeof createFakeZaloPort>;
let deps: DeliveryDeps;
/** The OA's own record of last interactions, as `POST /v3.0/oa/quota/message` would answer. */
const zaloRecord = new Map<string, Date>();
/** What ZNS reports left of today's quota after a send. */
let znsLeft: number | undefined;
const DAY = 86_400_000;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
});
afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});
beforeEach(async () => {
  await database.handle.db.delete(deliveries);
  zaloRecord.clear();
  znsLeft = undefined;
  await database.handle.db.execute(sql`delete from send_buckets where name = 'zalo-zns-quota'`);
  fake = createFakeZaloPort({
    lastInteraction: (id) => zaloRecord.get(id) ?? null,
    znsQuotaRemaining: () => znsLeft,
  });
  deps = {
    db: database.handle.db,
    logger: test.logger,
    sealer: test.sealer,
    zalo: fake.port,
    // Far above what the tests send: the budget's own tests are elsewhere.
    budget: createSendBudget(database.handle.db, { name: `test-${randomUUID()}`, perMinute: 6_000_000 }),
    miniAppId: "3000000000000000003",
    templates: { dossier_status: "300001", supplement_request: "300002", officer_reply: "300004" },
    consentedPhone: (citizenId) => phoneForNotifications(database.handle.db, test.sealer, citizenId),
  };
});

const db = () => database.handle.db;
const oaUserId = () => `4${String(Math.floor(Math.random() * 1e17)).padStart(18, "0")}`;

async function resident(lastInteractionAgoMs: number | null, citizenId?: string): Promise<string> {
  const id = oaUserId();
  await db()
    .insert(residents)
    .values({
      oaUserId: id,
      citizenId: citizenId ?? null,
      following: true,
      lastInteractionAt: lastInteractionAgoMs === null ? null : new Date(Date.now() - lastInteractionAgoMs),
    });
  return id;
}

/** A citizen with no OA link who agreed to be told about their dossiers on their phone. */
async function consentingCitizen() {
  const citizen = await signedInCitizen(db());
  await db()
    .insert(consents)
    .values({
      citizenId: citizen.citizenId,
      purposes: ["prefill_profile", "status_notifications"],
      noticeVersion: CONSENT_NOTICE_VERSION,
      channel: "mini_app",
    });
  await writeProfile(db(), test.sealer, citizen.citizenId, { ...EMPTY_PROFILE, phone: "84912345678" });
  return citizen;
}

function statusMessage(citizenId: string, overrides: Partial<DeliveryMessage> = {}): DeliveryMessage {
  return {
    kind: "dossier_status",
    key: `dossier:00292-TEST-0001:${randomUUID()}`,
    citizenId,
    dossierCode: "00292-K7M4-RX26",
    status: "received",
    procedureTitle: "Đăng ký khai sinh",
    dueAt: new Date(Date.now() + 3 * DAY),
    ...overrides,
  } as DeliveryMessage;
}

async function rowOf(key: string) {
  const [row] = await db().select().from(deliveries).where(eq(deliveries.idempotencyKey, key));
  if (!row) throw new Error(`no delivery ${key}`);
  return row;
}

describe("the outbox joins the caller's transaction (OB-1)", () => {
  it("a rolled-back transaction leaves no message; enqueuing one key twice sends it once", async () => {
    const citizen = await signedInCitizen(db());
    await resident(DAY, citizen.citizenId);
    const message = statusMessage(citizen.citizenId);
    await expect(
      db().transaction(async (tx) => {
        await enqueue(tx, message);
        throw new Error("the status change failed");
      }),
    ).rejects.toThrow("the status change failed");
    expect(await db().select().from(deliveries)).toEqual([]);

    expect(await db().transaction((tx) => enqueue(tx, message))).toBe(true);
    expect(await db().transaction((tx) => enqueue(tx, message))).toBe(false);
    await drainDue(deps);
    await drainDue(deps);
    expect(fake.sent()).toHaveLength(1);
    expect(await rowOf(message.key)).toMatchObject({ status: "sent", channel: "oa_cs", attempts: 1 });
  });
});

describe("the channel ladder (zalo-oa.md §0)", () => {
  it("inside the 7-day window: a consultation message with the code, what next, and the due date", async () => {
    const citizen = await signedInCitizen(db());
    const to = await resident(DAY, citizen.citizenId);
    const message = statusMessage(citizen.citizenId);
    await enqueue(db(), message);
    await drainDue(deps);
    expect(fake.sent()).toEqual([expect.objectContaining({ channel: "cs", to })]);
    expect(fake.sent()[0]?.text).toMatch(
      /00292-K7M4-RX26 — Đăng ký khai sinh\nTrạng thái: Đã được tiếp nhận/,
    );
    expect(fake.sent()[0]?.text).toMatch(/Hẹn trả kết quả: \d\d\/\d\d\/\d{4}/);
    expect((await rowOf(message.key)).providerMessageId).toMatch(/^msg/);
  });

  it("our record is old but Zalo's is fresh: one quota call, then a consultation message", async () => {
    const citizen = await signedInCitizen(db());
    const to = await resident(10 * DAY, citizen.citizenId);
    zaloRecord.set(to, new Date(Date.now() - 3_600_000));
    await enqueue(db(), statusMessage(citizen.citizenId));
    await drainDue(deps);
    expect(fake.calls.map((call) => call.channel)).toEqual(["quota", "cs"]);
  });

  it("outside the window: the approved template by user id, filled from the dossier", async () => {
    const citizen = await signedInCitizen(db());
    const to = await resident(10 * DAY, citizen.citizenId);
    const message = statusMessage(citizen.citizenId);
    await enqueue(db(), message);
    await drainDue(deps);
    expect(fake.sent()).toEqual([
      expect.objectContaining({
        channel: "template",
        to,
        templateId: "300001",
        data: { ma_ho_so: "00292-K7M4-RX26", trang_thai: "Đã được tiếp nhận", thu_tuc: "Đăng ký khai sinh" },
      }),
    ]);
    expect(await rowOf(message.key)).toMatchObject({ status: "sent", channel: "oa_template" });
  });

  it("Zalo refuses the consultation message (-230): the template takes it", async () => {
    const citizen = await signedInCitizen(db());
    await resident(DAY, citizen.citizenId);
    fake.script("cs", () => ({ action: "next_channel", reason: "outside_window:-230" }));
    await enqueue(db(), statusMessage(citizen.citizenId));
    await drainDue(deps);
    expect(fake.calls.map((call) => call.channel)).toEqual(["cs", "template"]);
  });

  it("no OA link: ZNS to the phone the citizen agreed to be told on; without that consent, the Mini App only", async () => {
    const consenting = await signedInCitizen(db());
    await db()
      .insert(consents)
      .values({
        citizenId: consenting.citizenId,
        purposes: ["prefill_profile", "status_notifications"],
        noticeVersion: CONSENT_NOTICE_VERSION,
        channel: "mini_app",
      });
    const profile = { ...EMPTY_PROFILE, phone: "84912345678" };
    await writeProfile(db(), test.sealer, consenting.citizenId, profile);
    const toZns = statusMessage(consenting.citizenId);
    await enqueue(db(), toZns);
    const other = await signedInCitizen(db()); // consented to filing and prefill only
    await writeProfile(db(), test.sealer, other.citizenId, profile);
    const inApp = statusMessage(other.citizenId);
    await enqueue(db(), inApp);
    await drainDue(deps);
    expect(fake.sent()).toEqual([
      expect.objectContaining({ channel: "zns", to: "84912345678", templateId: "300001" }),
    ]);
    expect(fake.sent()[0]?.trackingId).toMatch(/^d\d+$/);
    expect(await rowOf(toZns.key)).toMatchObject({ status: "sent", channel: "zns" });
    expect(await rowOf(inApp.key)).toMatchObject({ status: "in_app", channel: "in_app" });
  });

  it("ZNS says today's quota is used up: the next citizens are told in the Mini App until midnight", async () => {
    const citizens = [await consentingCitizen(), await consentingCitizen()];
    znsLeft = 0;
    const messages = citizens.map((citizen) => statusMessage(citizen.citizenId));
    for (const message of messages) await enqueue(db(), message);
    await drainDue(deps, { concurrency: 1 });
    expect(fake.sent("zns")).toHaveLength(1);
    expect((await rowOf(messages[0]?.key ?? "")).channel).toBe("zns");
    expect(await rowOf(messages[1]?.key ?? "")).toMatchObject({ status: "in_app", channel: "in_app" });
  });

  it("an officer's reply outside the window goes as the reply template; inside it, as a consultation", async () => {
    const away = await resident(10 * DAY);
    const near = await resident(DAY);
    const text = "Chào bạn, giấy khai sinh của cháu đã có, mời bạn đến nhận.";
    await enqueue(db(), {
      kind: "officer_reply",
      key: `officer-reply:${randomUUID()}`,
      oaUserId: away,
      text,
    });
    await enqueue(db(), {
      kind: "officer_reply",
      key: `officer-reply:${randomUUID()}`,
      oaUserId: near,
      text,
    });
    await drainDue(deps);
    expect(fake.sent()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          channel: "template",
          to: away,
          templateId: "300004",
          data: { noi_dung: text },
        }),
        expect.objectContaining({ channel: "cs", to: near }),
      ]),
    );
  });

  it("a reply outside the window is refused for good, with the reason; it never becomes a template", async () => {
    const to = await resident(null);
    const key = `reply:${randomUUID()}:0`;
    await enqueue(db(), { kind: "chatbot_reply", key, oaUserId: to, text: "Chào bạn" });
    await drainDue(deps);
    expect(fake.sent()).toEqual([]);
    expect(await rowOf(key)).toMatchObject({ status: "failed", lastError: "outside_window" });
  });
});

describe("retries, time-to-live and dead letters (OB-5, OB-6, OB-8)", () => {
  const due = () =>
    db().execute(
      sql`update deliveries set next_attempt_at = now() - interval '1 second' where status = 'queued'`,
    );

  it("a passing failure waits ~5 s, then 5 min…; after 8 attempts it is a dead letter, listed with its reason", async () => {
    const citizen = await signedInCitizen(db());
    await resident(DAY, citizen.citizenId);
    fake.script("cs", () => ({ action: "retry", reason: "unavailable" }));
    const message = statusMessage(citizen.citizenId);
    await enqueue(db(), message);
    await drainDue(deps);
    const first = await rowOf(message.key);
    expect(first).toMatchObject({ status: "queued", attempts: 1, lastError: "unavailable" });
    const wait = first.nextAttemptAt.getTime() - Date.now();
    expect(wait).toBeGreaterThan(4_000);
    expect(wait).toBeLessThan(5_600);
    for (let attempt = 2; attempt <= MAX_DELIVERY_ATTEMPTS; attempt += 1) {
      await due();
      await drainDue(deps);
    }
    expect(await rowOf(message.key)).toMatchObject({ status: "dead", attempts: MAX_DELIVERY_ATTEMPTS });
    expect(fake.sent("cs")).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    const dead = await listDeadLetters(db());
    expect(dead[0]).toMatchObject({
      status: "dead",
      lastError: "unavailable",
      dossierCode: "00292-K7M4-RX26",
    });
  });

  it("a message past its time-to-live expires unsent", async () => {
    const to = await resident(DAY);
    const key = `reply:${randomUUID()}:0`;
    await enqueue(
      db(),
      { kind: "chatbot_reply", key, oaUserId: to, text: "Chào bạn" },
      new Date(Date.now() - 2 * DAY),
    );
    await drainDue(deps);
    expect(fake.sent()).toEqual([]);
    expect(await rowOf(key)).toMatchObject({ status: "expired" });
  });

  it("a follower notice queued at 23:00 Vietnam time waits for 06:00, without using an attempt", async () => {
    const to = await resident(DAY);
    const key = `notice:${randomUUID()}`;
    const night = new Date("2026-12-06T16:00:00Z");
    await enqueue(db(), {
      kind: "follower_notice",
      key,
      oaUserId: to,
      text: "Lịch cắt nước",
      expiresAt: new Date(Date.now() + DAY),
    });
    await drainDue({ ...deps, now: () => night });
    expect(fake.sent()).toEqual([]);
    expect(await rowOf(key)).toMatchObject({
      status: "queued",
      attempts: 0,
      nextAttemptAt: new Date("2026-12-06T23:00:00Z"),
    });
  });
});

describe("order and ownership", () => {
  it("a conversation's replies leave one at a time, in order, even with many workers claiming", async () => {
    const to = await resident(DAY);
    const keys = [0, 1, 2].map((n) => `reply:${randomUUID()}:${n}`);
    for (const [n, key] of keys.entries()) {
      await enqueue(db(), { kind: "chatbot_reply", key, oaUserId: to, text: `bubble ${n}` });
    }
    // The first bubble is slow to go: sent side by side, the others would overtake it.
    const arrived: string[] = [];
    fake.script("cs", async (call) => {
      await new Promise((resolve) => setTimeout(resolve, call.text === "bubble 0" ? 80 : 0));
      arrived.push(call.text ?? "");
      return undefined;
    });
    await Promise.all([drainDue(deps, { concurrency: 10 }), drainDue(deps, { concurrency: 10 })]);
    expect(arrived).toEqual(["bubble 0", "bubble 1", "bubble 2"]);
  });
});
