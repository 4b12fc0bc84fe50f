import { randomUUID } from "node:crypto";
import {
  dossierSummarySchema,
  errorBodySchema,
  officerAuditResponseSchema,
  officerSignInResponseSchema,
  pullResponseSchema,
  statusEventResponseSchema,
} from "@dvc/shared";
import { and, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createIntegrationKeyCommand,
  revokeIntegrationKeyCommand,
} from "../../bot-server/src/admin/integration-keys";
import {
  auditLog,
  deliveries,
  dossierEvents,
  dossiers,
  integrationEvents,
  integrationKeys,
} from "../../bot-server/src/db/schema";
import { createOfficer } from "../../bot-server/src/modules/officer-auth";
import { createIntegrationClient, sign, signedHeaders } from "../../scripts/integration-client";
import { call, randomTestIp } from "../support/citizen-client";
import { asCitizen, readyKhaiSinhDraft, signedInCitizen, TEST_COMMUNE } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";

/**
 * The integration API for one-stop systems (issue 14), over real HTTP with the reference client
 * (scripts/integration-client.ts): every failed signature check is a 401 that changes nothing; an
 * eventId replayed gets the first answer with one event and one message; a key sees only its communes.
 */

const OTHER_COMMUNE = "00070";
const PASSWORD = "mat-khau-thu-nghiem-2026";

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;
const db = () => database.handle.db;

interface Credentials {
  apiKey: string;
  secret: string;
}
let keyA: Credentials;
let keyB: Credentials;

/** Runs the CLI command as an operator would and reads the key and secret it printed once. */
async function createKey(name: string, communes: string): Promise<Credentials & { output: string[] }> {
  const output: string[] = [];
  const code = await createIntegrationKeyCommand(
    db(),
    test.sealer,
    ["--name", name, "--communes", communes],
    (line) => output.push(line),
  );
  expect(code).toBe(0);
  const apiKey = output.find((line) => line.startsWith("X-Api-Key: "))?.slice("X-Api-Key: ".length);
  const secret = output.find((line) => line.startsWith("Secret:"))?.replace(/^Secret:\s+/, "");
  if (!apiKey || !secret) throw new Error("the command printed no key");
  return { apiKey, secret, output };
}

const client = (credentials: Credentials, now?: () => Date) =>
  createIntegrationClient({ baseUrl: served.baseUrl, ...credentials, ...(now ? { now } : {}) });

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  served = await serveOverHttp(test.app.fetch);
  keyA = await createKey("Một cửa xã A", TEST_COMMUNE);
  keyB = await createKey("Một cửa xã B", OTHER_COMMUNE);
  await createOfficer(db(), {
    username: "lanhdao.a",
    password: PASSWORD,
    role: "leader",
    communeCode: TEST_COMMUNE,
  });
});
afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

/** A khai sinh filed online by a citizen at TEST_COMMUNE; `commune` moves it elsewhere. */
async function filedDossier(commune = TEST_COMMUNE): Promise<string> {
  const citizen = await signedInCitizen(db());
  const api = asCitizen(test.app, citizen);
  const { draft } = await readyKhaiSinhDraft(api, {});
  const filed = await api.post("/api/dossiers", { draftId: draft.id }, { "Idempotency-Key": randomUUID() });
  const { code } = dossierSummarySchema.parse(filed.body);
  if (commune !== TEST_COMMUNE)
    await db().update(dossiers).set({ communeCode: commune }).where(eq(dossiers.code, code));
  return code;
}

const count = async (table: typeof dossierEvents | typeof deliveries | typeof auditLog, code: string) => {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.dossierCode, code));
  return row?.n ?? 0;
};

/** What must not change when a request is refused: status, events, messages, audit rows, events kept. */
async function footprint(code: string) {
  const [row] = await db().select({ status: dossiers.status }).from(dossiers).where(eq(dossiers.code, code));
  const [kept] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(integrationEvents)
    .where(eq(integrationEvents.dossierCode, code));
  return {
    status: row?.status,
    events: await count(dossierEvents, code),
    messages: await count(deliveries, code),
    audit: await count(auditLog, code),
    kept: kept?.n ?? 0,
  };
}

const change = (status: number, note?: string) => ({
  eventId: randomUUID(),
  status,
  at: new Date().toISOString(),
  ...(note === undefined ? {} : { note }),
});

/** Sends `sentBody` with the headers signed over `signedBody` (and the given key and clock). */
async function postSigned(
  code: string,
  credentials: Credentials,
  signedBody: string,
  sentBody = signedBody,
  now = new Date(),
) {
  const response = await fetch(`${served.baseUrl}/api/integration/v1/dossiers/${code}/status`, {
    method: "POST",
    headers: { ...signedHeaders(credentials, signedBody, now), "Content-Type": "application/json" },
    body: sentBody,
  });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("POST /api/integration/v1/dossiers/:code/status", () => {
  it("moves the dossier through the status machine, with its event, message and audit row", async () => {
    const code = await filedDossier();
    const before = await footprint(code);
    const answer = await client(keyA).postStatus(code, change(2));
    expect(answer.status).toBe(200);
    expect(statusEventResponseSchema.parse(answer.body)).toMatchObject({
      code,
      status: "received",
      nationalCode: 2,
      replayed: false,
    });
    expect(await footprint(code)).toEqual({
      status: "received",
      events: before.events + 1,
      messages: before.messages + 1,
      audit: before.audit + 1,
      kept: 1,
    });
    const [event] = await db()
      .select()
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierCode, code), eq(dossierEvents.status, "received")));
    expect(event?.actor).toBe("one_stop");
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.dossierCode, code));
    expect(audit).toMatchObject({ officerId: null, communeCode: TEST_COMMUNE, action: "dossier.status" });
    expect(audit?.integrationKeyId).not.toBeNull();
  });

  it("answers a replayed eventId with the first answer: one event, one message; another body is a 409", async () => {
    const code = await filedDossier();
    const body = change(2);
    const first = await client(keyA).postStatus(code, body);
    const after = await footprint(code);
    const again = await client(keyA).postStatus(code, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ...(first.body as object), replayed: true });
    expect(await footprint(code)).toEqual(after);

    const other = await client(keyA).postStatus(code, { ...body, status: 4 });
    expect(other.status).toBe(409);
    expect(errorBodySchema.parse(other.body).code).toBe("CONFLICT");
    expect(await footprint(code)).toEqual(after);
  });

  it("applies one eventId sent twice at once once: one move and one replay", async () => {
    const code = await filedDossier();
    const before = await footprint(code);
    const body = change(2);
    const answers = await Promise.all([
      client(keyA).postStatus(code, body),
      client(keyA).postStatus(code, body),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const replays = answers.map((answer) => statusEventResponseSchema.parse(answer.body).replayed);
    expect(replays.sort()).toEqual([false, true]);
    expect(await footprint(code)).toEqual({
      status: "received",
      events: before.events + 1,
      messages: before.messages + 1,
      audit: before.audit + 1,
      kept: 1,
    });
  });

  it("refuses a wrong key, secret, stale or future timestamp, or one changed byte with 401, changing nothing", async () => {
    const code = await filedDossier();
    const before = await footprint(code);
    const body = JSON.stringify(change(2));
    const tampered = body.replace('"status":2', '"status":3');
    expect(tampered).not.toBe(body);
    const minutes = (n: number) => new Date(Date.now() + n * 60_000);
    const attempts = [
      await postSigned(code, { apiKey: `${keyA.apiKey}x`, secret: keyA.secret }, body),
      await postSigned(code, { apiKey: keyA.apiKey, secret: keyB.secret }, body),
      await postSigned(code, keyA, body, body, minutes(-6)),
      await postSigned(code, keyA, body, body, minutes(6)),
      await postSigned(code, keyA, body, tampered),
    ];
    for (const attempt of attempts) {
      expect(attempt.status).toBe(401);
      expect(errorBodySchema.parse(attempt.body).code).toBe("UNAUTHENTICATED");
    }
    // A signature for the right body under another timestamp than the one sent.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const shifted = await fetch(`${served.baseUrl}/api/integration/v1/dossiers/${code}/status`, {
      method: "POST",
      headers: {
        "X-Api-Key": keyA.apiKey,
        "X-Timestamp": String(Number(timestamp) - 1),
        "X-Signature": sign(keyA.secret, timestamp, body),
        "Content-Type": "application/json",
      },
      body,
    });
    expect(shifted.status).toBe(401);
    expect(await footprint(code)).toEqual(before);
    // Within the window the same signed bytes are accepted: the checks above refused only what differed.
    expect((await postSigned(code, keyA, body, body, minutes(-4))).status).toBe(200);
  });

  it("treats another commune's dossier as unknown (404) and changes nothing", async () => {
    const code = await filedDossier();
    const before = await footprint(code);
    const elsewhere = await client(keyB).postStatus(code, change(2));
    const unknown = await client(keyB).postStatus("00070-ZZZZ-ZZZZ", change(2));
    expect(elsewhere.status).toBe(404);
    expect(unknown.status).toBe(404);
    const { requestId: _a, ...elsewhereBody } = errorBodySchema.parse(elsewhere.body);
    const { requestId: _b, ...unknownBody } = errorBodySchema.parse(unknown.body);
    expect(elsewhereBody).toEqual(unknownBody);
    expect(await footprint(code)).toEqual(before);
  });

  it("refuses what the status machine refuses (409) and a refusal without its reason (400), changing nothing", async () => {
    const code = await filedDossier();
    const before = await footprint(code);
    const skip = await client(keyA).postStatus(code, change(10));
    expect(skip.status).toBe(409);
    expect(errorBodySchema.parse(skip.body).message).toMatch(/không được chuyển|không thể/i);
    const noReason = await client(keyA).postStatus(code, change(3));
    expect(noReason.status).toBe(400);
    expect(errorBodySchema.parse(noReason.body).fields?.note).toBeDefined();
    expect(await footprint(code)).toEqual(before);

    // With the reason, the same refusal goes through and the citizen's notice carries it.
    const refused = await client(keyA).postStatus(code, change(3, "Thiếu giấy chứng sinh bản chính."));
    expect(refused.status).toBe(200);
    const [event] = await db()
      .select({ note: dossierEvents.note })
      .from(dossierEvents)
      .where(and(eq(dossierEvents.dossierCode, code), eq(dossierEvents.status, "refused")));
    expect(event?.note).toBe("Thiếu giấy chứng sinh bản chính.");
  });

  it("records the resolution when the one-stop system reports the result ready", async () => {
    const code = await filedDossier();
    expect((await client(keyA).postStatus(code, change(2))).status).toBe(200);
    expect((await client(keyA).postStatus(code, change(9))).status).toBe(400);
    const ready = await client(keyA).postStatus(
      code,
      change(9, "Nhận tại bộ phận một cửa xã, giờ hành chính."),
    );
    expect(ready.status).toBe(200);
    const [row] = await db()
      .select({ resolvedAt: dossiers.resolvedAt, days: dossiers.resolvedWorkingDays })
      .from(dossiers)
      .where(eq(dossiers.code, code));
    expect(row?.resolvedAt).not.toBeNull();
    expect(row?.days).not.toBeNull();
  });

  it("lists the system's moves on the leader's audit page, naming the system", async () => {
    const code = await filedDossier();
    expect((await client(keyA).postStatus(code, change(2))).status).toBe(200);
    const signedIn = await call(test.app, "POST", "/api/officer/session", {
      body: { username: "lanhdao.a", password: PASSWORD },
      ip: randomTestIp(),
    });
    const { token } = officerSignInResponseSchema.parse(signedIn.body);
    const page = await call(test.app, "GET", `/api/officer/audit?dossier=${code}`, { token });
    expect(page.status).toBe(200);
    const { entries } = officerAuditResponseSchema.parse(page.body);
    expect(entries).toEqual([
      expect.objectContaining({ username: "Hệ thống một cửa: Một cửa xã A", action: "dossier.status" }),
    ]);
  });
});

describe("GET /api/integration/v1/dossiers", () => {
  it("returns only the key's communes' dossiers with their answers, paged oldest first, each page audited", async () => {
    // From now: the earlier tests' dossiers (many, in the same second) would fill the pages before ours.
    const since = new Date().toISOString();
    const mine = [await filedDossier(), await filedDossier()];
    const theirs = await filedDossier(OTHER_COMMUNE);
    const auditBefore = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(eq(auditLog.action, "integration.pull"));

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query = `?updatedSince=${encodeURIComponent(since)}&limit=1${cursor ? `&cursor=${cursor}` : ""}`;
      const answer = await client(keyA).send("GET", `/api/integration/v1/dossiers${query}`, "");
      expect(answer.status).toBe(200);
      const page = pullResponseSchema.parse(answer.body);
      for (const dossier of page.dossiers) {
        expect(dossier.communeCode).toBe(TEST_COMMUNE);
        expect(dossier.channel).toBe("online");
        expect(Object.keys(dossier.answers).length).toBeGreaterThan(0);
        seen.push(dossier.code);
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    expect(seen).toEqual(expect.arrayContaining(mine));
    expect(seen).not.toContain(theirs);
    expect(new Set(seen).size).toBe(seen.length);

    const auditAfter = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, "integration.pull"), isNull(auditLog.officerId)));
    expect((auditAfter[0]?.n ?? 0) - (auditBefore[0]?.n ?? 0)).toBe(pages);

    const b = pullResponseSchema.parse((await client(keyB).listDossiers(since)).body);
    expect(b.dossiers.map((dossier) => dossier.code)).toContain(theirs);
    expect(b.dossiers.every((dossier) => dossier.communeCode === OTHER_COMMUNE)).toBe(true);
  });

  it("refuses an unsigned or wrongly signed read with 401", async () => {
    const unsigned = await fetch(
      `${served.baseUrl}/api/integration/v1/dossiers?updatedSince=2026-01-01T00:00:00Z`,
    );
    expect(unsigned.status).toBe(401);
    const wrong = await client({ apiKey: keyA.apiKey, secret: "not-the-secret" }).listDossiers(
      "2026-01-01T00:00:00Z",
    );
    expect(wrong.status).toBe(401);
  });
});

describe("integration key commands", () => {
  it("checks the communes and the name, shows the secret once, stores only its hash and sealed form", async () => {
    const output: string[] = [];
    const print = (line: string) => output.push(line);
    expect(await createIntegrationKeyCommand(db(), test.sealer, ["--name", "X"], print)).toBe(2);
    expect(
      await createIntegrationKeyCommand(
        db(),
        test.sealer,
        ["--name", "Hệ thống C", "--communes", "99999"],
        print,
      ),
    ).toBe(1);
    expect(output.at(-1)).toContain("99999");
    expect(
      await createIntegrationKeyCommand(
        db(),
        test.sealer,
        ["--name", "Một cửa xã A", "--communes", TEST_COMMUNE],
        print,
      ),
    ).toBe(1);

    const created = await createKey("Hệ thống D", `${TEST_COMMUNE},${OTHER_COMMUNE}`);
    expect(created.output.join("\n")).toMatch(/MỘT LẦN/);
    const [row] = await db().select().from(integrationKeys).where(eq(integrationKeys.name, "Hệ thống D"));
    expect(row?.communeCodes).toEqual([TEST_COMMUNE, OTHER_COMMUNE]);
    expect(JSON.stringify(row)).not.toContain(created.apiKey);
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect((await client(created).listDossiers("2026-01-01T00:00:00Z")).status).toBe(200);
  });

  it("revokes a key: its next request is a 401", async () => {
    const created = await createKey("Hệ thống E", TEST_COMMUNE);
    expect((await client(created).listDossiers("2026-01-01T00:00:00Z")).status).toBe(200);
    const output: string[] = [];
    expect(
      await revokeIntegrationKeyCommand(db(), ["--name", "Hệ thống E"], (line) => output.push(line)),
    ).toBe(0);
    expect((await client(created).listDossiers("2026-01-01T00:00:00Z")).status).toBe(401);
    expect(
      await revokeIntegrationKeyCommand(db(), ["--name", "Hệ thống E"], (line) => output.push(line)),
    ).toBe(1);
  });
});
