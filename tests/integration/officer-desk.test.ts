import { randomUUID } from "node:crypto";
import {
  addWorkingDays,
  dossierSummarySchema,
  errorBodySchema,
  officerAuditResponseSchema,
  officerDossierSchema,
  officerInboxResponseSchema,
  officerSignInResponseSchema,
  toVnLocalDate,
} from "@dvc/shared";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  deliveries,
  dossierEvents,
  dossiers,
  officerSessions,
  rateLimits,
} from "../../bot-server/src/db/schema";
import { createOfficer, disableOfficer, signInOfficer } from "../../bot-server/src/modules/officer-auth";
import { call, randomTestIp } from "../support/citizen-client";
import { asCitizen, readyKhaiSinhDraft, signedInCitizen, TEST_COMMUNE } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * The officer desk's API (issue 11): sessions, the scope matrix (another commune's dossier is a 404 on
 * every route and nothing changes), roles, the status machine's refusals, and Idempotency-Key replays.
 */

const OTHER_COMMUNE = "00070";
const PASSWORD = "mat-khau-thu-nghiem-2026";

let database: FreshDatabase;
let test: TestApp;
const db = () => database.handle.db;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  for (const [username, role, communeCode] of [
    ["canbo.a", "officer", TEST_COMMUNE],
    ["lanhdao.a", "leader", TEST_COMMUNE],
    ["canbo.b", "officer", OTHER_COMMUNE],
    ["admin.tinh", "admin", null],
    ["canbo.khoa", "officer", TEST_COMMUNE],
  ] as const) {
    await createOfficer(db(), { username, password: PASSWORD, role, communeCode });
  }
});
afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});

async function signIn(username: string, password = PASSWORD, ip?: string) {
  return call(test.app, "POST", "/api/officer/session", {
    body: { username, password },
    ...(ip ? { ip } : {}),
  });
}

async function tokenOf(username: string): Promise<string> {
  // Each from its own address: this file signs in more often than the per-address limit allows.
  const response = await signIn(username, PASSWORD, randomTestIp());
  expect(response.status).toBe(200);
  return officerSignInResponseSchema.parse(response.body).token;
}

/** A khai sinh filed by a citizen at TEST_COMMUNE; `commune` moves it elsewhere, as filed there. */
async function filedDossier(commune = TEST_COMMUNE): Promise<string> {
  return (await filedWithFile(commune)).code;
}

async function filedWithFile(
  commune = TEST_COMMUNE,
  answers: Record<string, unknown> = {},
): Promise<{ code: string; fileId: string }> {
  const citizen = await signedInCitizen(db());
  const api = asCitizen(test.app, citizen);
  const { draft, file } = await readyKhaiSinhDraft(api, answers);
  const filed = await api.post("/api/dossiers", { draftId: draft.id }, { "Idempotency-Key": randomUUID() });
  const { code } = dossierSummarySchema.parse(filed.body);
  if (commune !== TEST_COMMUNE)
    await db().update(dossiers).set({ communeCode: commune }).where(eq(dossiers.code, code));
  return { code, fileId: file.fileId };
}

/** What must not change when a request is refused: status, events, messages. */
async function footprint(code: string) {
  const [row] = await db().select({ status: dossiers.status }).from(dossiers).where(eq(dossiers.code, code));
  const [events] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierCode, code));
  const [messages] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(deliveries)
    .where(eq(deliveries.dossierCode, code));
  return { status: row?.status, events: events?.n, messages: messages?.n };
}

const moveTo = (token: string, code: string, body: unknown, key = randomUUID()) =>
  call(test.app, "POST", `/api/officer/dossiers/${code}/status`, {
    token,
    body,
    headers: { "Idempotency-Key": key },
  });

describe("officer sign-in", () => {
  it("gives a fresh token for the right password and the same refusal for a wrong one or an unknown name", async () => {
    const first = officerSignInResponseSchema.parse((await signIn("canbo.a")).body);
    const second = officerSignInResponseSchema.parse((await signIn("  CANBO.A ")).body);
    expect(first.officer).toMatchObject({ username: "canbo.a", role: "officer", communeCode: TEST_COMMUNE });
    expect(second.token).not.toBe(first.token);

    const wrong = await signIn("canbo.a", "not-the-password-at-all");
    const unknown = await signIn("khong.co.ai", PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(errorBodySchema.parse(wrong.body).message).toBe(errorBodySchema.parse(unknown.body).message);
    expect(errorBodySchema.parse(wrong.body).message).toMatch(/Tên đăng nhập hoặc mật khẩu không đúng/);
    // The password never reaches the log.
    expect(test.rawLogs().some((line) => line.includes(PASSWORD))).toBe(false);
  });

  it("limits failed attempts per username, whatever the address; successful ones never lock out", async () => {
    for (let attempt = 0; attempt < 12; attempt += 1) {
      expect((await signIn("lanhdao.a", PASSWORD, `198.51.100.${100 + attempt}`)).status).toBe(200);
    }
    await createOfficer(db(), {
      username: "canbo.doan",
      password: PASSWORD,
      role: "officer",
      communeCode: TEST_COMMUNE,
    });
    // The service with a fixed clock, in the middle of a 15-minute window: the count cannot straddle two.
    const windowMiddle = new Date(Math.floor(Date.now() / 900_000) * 900_000 + 450_000);
    const attempt = (password: string, n: number) =>
      signInOfficer(db(), { username: "canbo.doan", password, addressHash: `test-${n}` }, windowMiddle).then(
        () => 200,
        (error: { status?: number }) => error.status ?? 500,
      );
    const answers: number[] = [];
    for (let n = 0; n < 11; n += 1) answers.push(await attempt("sai-mat-khau-nhieu-lan", n));
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(answers[10]).toBe(429);
    expect(await attempt(PASSWORD, 99)).toBe(429);

    // Over HTTP, whichever window the request lands in: even the right password waits, told how long.
    const now = Date.now();
    for (const start of [now, now + 900_000]) {
      await db()
        .insert(rateLimits)
        .values({
          key: "officer-sign-in-failed|u:canbo.doan",
          windowStart: new Date(Math.floor(start / 900_000) * 900_000),
          count: 10,
        })
        .onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: 10 } });
    }
    const right = await signIn("canbo.doan", PASSWORD, "198.51.100.99");
    expect(right.status).toBe(429);
    expect(Number(right.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(errorBodySchema.parse(right.body).message).toMatch(/đợi khoảng \d+ (giây|phút)/);
  });

  it("refuses a revoked, idle, expired or disabled session", async () => {
    const revoked = await tokenOf("canbo.a");
    expect((await call(test.app, "DELETE", "/api/officer/session", { token: revoked })).status).toBe(204);
    expect((await call(test.app, "GET", "/api/officer/session", { token: revoked })).status).toBe(401);

    const idle = await tokenOf("canbo.a");
    const expired = await tokenOf("lanhdao.a");
    await db()
      .update(officerSessions)
      .set({ lastUsedAt: sql`now() - interval '31 minutes'` })
      .where(eq(officerSessions.officerId, sql`(select id from officers where username = 'canbo.a')`));
    await db()
      .update(officerSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(officerSessions.officerId, sql`(select id from officers where username = 'lanhdao.a')`));
    for (const token of [idle, expired]) {
      const answer = await call(test.app, "GET", "/api/officer/dossiers", { token });
      expect(answer.status).toBe(401);
      expect(errorBodySchema.parse(answer.body).message).toMatch(/đăng nhập lại/);
    }

    const disabled = await tokenOf("canbo.khoa");
    await disableOfficer(db(), "canbo.khoa", new Date());
    expect((await call(test.app, "GET", "/api/officer/dossiers", { token: disabled })).status).toBe(401);
    expect((await signIn("canbo.khoa")).status).toBe(401);
  });
});

describe("scope and roles", () => {
  it("another commune's dossier is a 404 on every route, and nothing changes", async () => {
    const code = await filedDossier(TEST_COMMUNE);
    const outsider = await tokenOf("canbo.b");
    const before = await footprint(code);

    const inbox = officerInboxResponseSchema.parse(
      (await call(test.app, "GET", "/api/officer/dossiers", { token: outsider })).body,
    );
    expect(inbox.communeCode).toBe(OTHER_COMMUNE);
    expect(inbox.dossiers.map((dossier) => dossier.code)).not.toContain(code);
    const searched = officerInboxResponseSchema.parse(
      (await call(test.app, "GET", `/api/officer/dossiers?q=${code}`, { token: outsider })).body,
    );
    expect(searched.dossiers).toEqual([]);

    expect((await call(test.app, "GET", `/api/officer/dossiers/${code}`, { token: outsider })).status).toBe(
      404,
    );
    for (const body of [
      { to: "received" },
      { to: "refused", reason: "Không thuộc thẩm quyền" },
      { to: "supplement_requested", supplement: { fieldIds: ["phone"], message: "Bổ sung" } },
    ]) {
      const answer = await moveTo(outsider, code, body);
      expect(answer.status).toBe(404);
    }
    const [dueBefore] = await db()
      .select({ dueAt: dossiers.dueAt })
      .from(dossiers)
      .where(eq(dossiers.code, code));
    const apology = await call(test.app, "POST", `/api/officer/dossiers/${code}/apology`, {
      token: outsider,
      body: { newDueDate: addWorkingDays(toVnLocalDate(new Date()), 2), letter: "Xin lỗi" },
      headers: { "Idempotency-Key": randomUUID() },
    });
    expect(apology.status).toBe(404);
    expect(await footprint(code)).toEqual(before);
    const [dueAfter] = await db()
      .select({ dueAt: dossiers.dueAt })
      .from(dossiers)
      .where(eq(dossiers.code, code));
    expect(dueAfter).toEqual(dueBefore);
    const audits = await db().select().from(auditLog).where(eq(auditLog.dossierCode, code));
    expect(audits).toEqual([]);
  });

  it("a citizen's token or none is a 401; a province admin may not work a commune's dossiers", async () => {
    const code = await filedDossier();
    const citizen = await signedInCitizen(db());
    for (const token of [citizen.token, undefined]) {
      const options = token ? { token } : {};
      expect((await call(test.app, "GET", "/api/officer/dossiers", options)).status).toBe(401);
      expect((await call(test.app, "GET", `/api/officer/dossiers/${code}`, options)).status).toBe(401);
      expect((await call(test.app, "GET", "/api/officer/session", options)).status).toBe(401);
    }
    const admin = await tokenOf("admin.tinh");
    expect((await call(test.app, "GET", "/api/officer/dossiers", { token: admin })).status).toBe(403);
    expect((await moveTo(admin, code, { to: "received" })).status).toBe(403);
  });
});

describe("moving a dossier", () => {
  it("refuses what the status machine forbids, with its Vietnamese reason, and changes nothing", async () => {
    const code = await filedDossier();
    const token = await tokenOf("canbo.a");
    const before = await footprint(code);
    const answer = await moveTo(token, code, { to: "returned" });
    expect(answer.status).toBe(409);
    expect(errorBodySchema.parse(answer.body).message).toMatch(/“Mới đăng ký”.*“Đã trả kết quả”/);
    const noReason = await moveTo(token, code, { to: "refused" });
    expect(noReason.status).toBe(400);
    expect(await footprint(code)).toEqual(before);
  });

  it("receives once per Idempotency-Key: a replay answers without a second event or message", async () => {
    const code = await filedDossier();
    const token = await tokenOf("canbo.a");
    const before = await footprint(code);
    const key = randomUUID();
    const first = await moveTo(token, code, { to: "received" }, key);
    const again = await moveTo(token, code, { to: "received" }, key);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(officerDossierSchema.parse(again.body)).toMatchObject({ status: "received" });
    expect(await footprint(code)).toEqual({
      status: "received",
      events: (before.events ?? 0) + 1,
      messages: (before.messages ?? 0) + 1,
    });
    const otherBody = await moveTo(token, code, { to: "processing" }, key);
    expect(otherBody.status).toBe(409);
    expect(await footprint(code)).toMatchObject({ status: "received" });
  });

  it("a supplement request names the fields, reaches the citizen, and is audited with every view", async () => {
    const code = await filedDossier();
    const token = await tokenOf("lanhdao.a");
    const viewed = officerDossierSchema.parse(
      (await call(test.app, "GET", `/api/officer/dossiers/${code}`, { token })).body,
    );
    expect(viewed.allowedNext).toEqual(["received", "refused", "supplement_requested"]);
    expect(viewed.timeline[0]).toMatchObject({ status: "submitted", label: "Mới đăng ký", actor: "citizen" });

    const message = "Ảnh giấy chứng sinh bị mờ, vui lòng chụp lại.";
    const answer = await moveTo(token, code, {
      to: "supplement_requested",
      supplement: { fieldIds: ["birthProofFile"], message },
    });
    const moved = officerDossierSchema.parse(answer.body);
    expect(moved.supplement).toMatchObject({ fieldIds: ["birthProofFile"], message });
    expect(moved.timeline.at(-1)).toMatchObject({
      status: "supplement_requested",
      note: message,
      actor: "officer",
    });
    expect(moved.timeline.at(-1)?.notice?.state).toBe("queued");
    const [notice] = await db()
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.dossierCode, code), eq(deliveries.kind, "supplement_request")));
    expect(notice?.payload).toMatchObject({ supplementMessage: message });

    const audits = await db()
      .select({ action: auditLog.action, communeCode: auditLog.communeCode, detail: auditLog.detail })
      .from(auditLog)
      .where(eq(auditLog.dossierCode, code));
    expect(audits.map((row) => row.action).sort()).toEqual([
      "dossier.status",
      "dossier.view",
      "dossier.view",
    ]);
    expect(audits.every((row) => row.communeCode === TEST_COMMUNE)).toBe(true);
    expect(audits.find((row) => row.action === "dossier.status")?.detail).toMatchObject({
      from: "submitted",
      to: "supplement_requested",
    });
  });

  it("the inbox lists the commune's open dossiers by due date, filters by status and finds a code", async () => {
    const code = await filedDossier();
    const token = await tokenOf("canbo.a");
    const inbox = officerInboxResponseSchema.parse(
      (await call(test.app, "GET", "/api/officer/dossiers", { token })).body,
    );
    const dueDates = inbox.dossiers.map((dossier) => dossier.dueAt);
    expect(dueDates).toEqual([...dueDates].sort());
    expect(inbox.dossiers.map((dossier) => dossier.code)).toContain(code);
    expect(inbox.counts.submitted).toBeGreaterThan(0);
    const received = officerInboxResponseSchema.parse(
      (await call(test.app, "GET", "/api/officer/dossiers?status=received", { token })).body,
    );
    expect(received.dossiers.every((dossier) => dossier.status === "received")).toBe(true);
    const found = officerInboxResponseSchema.parse(
      (await call(test.app, "GET", `/api/officer/dossiers?q=${code.slice(0, 10).toLowerCase()}`, { token }))
        .body,
    );
    expect(found.dossiers.map((dossier) => dossier.code)).toContain(code);
    const bad = await call(test.app, "GET", "/api/officer/dossiers?due=tomorrow", { token });
    expect(bad.status).toBe(400);
  });

  it("tells the citizen why a dossier was refused", async () => {
    const code = await filedDossier();
    const token = await tokenOf("canbo.a");
    const reason = "Hồ sơ thuộc thẩm quyền của phường nơi cư trú của mẹ.";
    expect((await moveTo(token, code, { to: "refused", reason })).status).toBe(200);
    const [notice] = await db()
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.dossierCode, code), sql`${deliveries.payload} ->> 'status' = 'refused'`));
    expect(notice?.payload).toMatchObject({ status: "refused", officerNote: reason });
  });

  it("a late dossier owes an apology with a new working day, sent to the citizen; an on-time one does not", async () => {
    const code = await filedDossier();
    const token = await tokenOf("canbo.a");
    const fresh = officerDossierSchema.parse(
      (await call(test.app, "GET", `/api/officer/dossiers/${code}`, { token })).body,
    );
    expect(fresh.acknowledgeBy).not.toBeNull();
    expect(fresh.needsApology).toBe(false);
    const apology = (body: unknown, key = randomUUID()) =>
      call(test.app, "POST", `/api/officer/dossiers/${code}/apology`, {
        token,
        body,
        headers: { "Idempotency-Key": key },
      });
    const newDueDate = addWorkingDays(toVnLocalDate(new Date()), 3);
    const letter = "Do thiếu cán bộ hộ tịch, hồ sơ của bạn bị chậm. Mong bạn thông cảm.";
    expect((await apology({ newDueDate, letter })).status).toBe(409);

    await db().update(dossiers).set({ dueAt: sql`now() - interval '1 day'` }).where(eq(dossiers.code, code));
    const late = officerDossierSchema.parse(
      (await call(test.app, "GET", `/api/officer/dossiers/${code}`, { token })).body,
    );
    expect(late).toMatchObject({ overdue: true, needsApology: true });
    expect((await apology({ newDueDate: toVnLocalDate(new Date()), letter })).status).toBe(400);

    const answer = await apology({ newDueDate, letter });
    expect(answer.status).toBe(200);
    const after = officerDossierSchema.parse(answer.body);
    expect(after).toMatchObject({ status: "submitted", overdue: false, needsApology: false });
    expect(toVnLocalDate(new Date(after.dueAt))).toBe(newDueDate);
    expect(after.timeline.at(-1)).toMatchObject({ status: "submitted", note: letter, actor: "officer" });
    const notices = await db().select().from(deliveries).where(eq(deliveries.dossierCode, code));
    expect(notices.at(-1)?.payload).toMatchObject({ apology: true, officerNote: letter });
  });

  it("an attachment opens for the dossier's commune only, and opening it is audited", async () => {
    const { code, fileId } = await filedWithFile();
    const inside = await test.app.request(`/api/officer/dossiers/${code}/files/${fileId}`, {
      headers: { Authorization: `Bearer ${await tokenOf("canbo.a")}` },
    });
    expect(inside.status).toBe(200);
    expect((await inside.arrayBuffer()).byteLength).toBeGreaterThan(0);
    const outside = await call(test.app, "GET", `/api/officer/dossiers/${code}/files/${fileId}`, {
      token: await tokenOf("canbo.b"),
    });
    expect(outside.status).toBe(404);
    const audits = await db()
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.dossierCode, code), eq(auditLog.action, "dossier.file")));
    expect(audits).toEqual([{ action: "dossier.file", detail: { fileId } }]);
  });

  it("a leader reads the commune's audit log; an officer may not", async () => {
    const code = await filedDossier();
    const officer = await tokenOf("canbo.a");
    await call(test.app, "GET", `/api/officer/dossiers/${code}`, { token: officer });
    const leader = await tokenOf("lanhdao.a");
    const log = officerAuditResponseSchema.parse(
      (await call(test.app, "GET", `/api/officer/audit?dossier=${code}`, { token: leader })).body,
    );
    expect(log.entries).toMatchObject([{ username: "canbo.a", action: "dossier.view", dossierCode: code }]);
    const outsider = await tokenOf("canbo.b");
    expect((await call(test.app, "GET", "/api/officer/audit", { token: officer })).status).toBe(403);
    expect((await call(test.app, "GET", "/api/officer/audit", { token: outsider })).status).toBe(403);
  });

  it("limits each officer's own request rate: a burst of one officer does not slow another", async () => {
    // Its own officer: the burst's windows must not slow the tests that follow.
    await createOfficer(db(), {
      username: "canbo.nhanh",
      password: PASSWORD,
      role: "officer",
      communeCode: TEST_COMMUNE,
    });
    const busy = await tokenOf("canbo.nhanh");
    // 65 at once: however the 1-second windows fall, one of at most two holds more than 30.
    const burst = await Promise.all(
      Array.from({ length: 65 }, () => call(test.app, "GET", "/api/officer/dossiers", { token: busy })),
    );
    const limited = burst.filter((answer) => answer.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(errorBodySchema.parse(limited[0]?.body).message).toMatch(/đợi khoảng/);
    const other = await call(test.app, "GET", "/api/officer/dossiers", { token: await tokenOf("canbo.a") });
    expect(other.status).toBe(200);
  });

  it("filters overdue (a ready result's clock has stopped) and due soon as the shared flags do; finds any part of a code", async () => {
    const token = await tokenOf("canbo.a");
    const [late, ready, soon, later] = [
      await filedDossier(),
      await filedDossier(),
      await filedDossier(),
      await filedDossier(),
    ];
    const setDue = (code: string, dueAt: Date, status?: string) =>
      db()
        .update(dossiers)
        .set({ dueAt, ...(status ? { status } : {}) })
        .where(eq(dossiers.code, code));
    const now = Date.now();
    await setDue(late, new Date(now - 3_600_000));
    await setDue(ready, new Date(now - 3_600_000), "result_ready");
    await setDue(soon, new Date(now + 60_000));
    await setDue(later, new Date(now + 30 * 24 * 3_600_000));
    const codes = async (query: string) =>
      officerInboxResponseSchema
        .parse((await call(test.app, "GET", `/api/officer/dossiers?${query}`, { token })).body)
        .dossiers.map((dossier) => dossier.code);
    const overdue = await codes("due=overdue");
    expect(overdue).toContain(late);
    expect(overdue).not.toContain(ready);
    const dueSoon = await codes("due=soon");
    expect(dueSoon).toContain(soon);
    expect(dueSoon).not.toContain(later);
    expect(dueSoon).not.toContain(late);
    expect(await codes(`q=${later.slice(-4).toLowerCase()}`)).toContain(later);

    const noPickUp = await moveTo(token, ready, { to: "returned" });
    expect(noPickUp.status).toBe(200);
    const received = await filedDossier();
    await moveTo(token, received, { to: "received" });
    const missing = await moveTo(token, received, { to: "result_ready" });
    expect(missing.status).toBe(400);
    expect(errorBodySchema.parse(missing.body).fields?.["result.pickUp"]).toMatch(/nơi và thời gian/);
  });

  it("finds a dossier by any person's name typed without diacritics, in the officer's commune only", async () => {
    const child = {
      fullName: "Lê Hoàng Bảo Ngọc",
      dateOfBirth: toVnLocalDate(new Date()),
      sex: "nu",
      ethnicity: "Kinh",
    };
    const { code } = await filedWithFile(TEST_COMMUNE, { child });
    const elsewhere = (await filedWithFile(OTHER_COMMUNE, { child })).code;
    const search = async (token: string, q: string) =>
      officerInboxResponseSchema
        .parse(
          (await call(test.app, "GET", `/api/officer/dossiers?q=${encodeURIComponent(q)}`, { token })).body,
        )
        .dossiers.map((dossier) => dossier.code);
    const officer = await tokenOf("canbo.a");
    expect(await search(officer, "bao ngoc")).toEqual([code]);
    expect(await search(officer, "LÊ HOÀNG Bảo Ngọc")).toEqual([code]);
    expect(await search(officer, "ngoc tuan")).toEqual([]);
    expect(await search(await tokenOf("canbo.b"), "bao ngoc")).toEqual([elsewhere]);
    // The names are not stored in the clear beside the sealed answers.
    const [row] = await db()
      .select({ terms: dossiers.nameTerms })
      .from(dossiers)
      .where(eq(dossiers.code, code));
    expect(row?.terms).toMatch(/^ ([0-9a-f]{16} )+$/);
    expect(row?.terms).not.toMatch(/ngoc/i);
  });

  it("pages the audit log by time and id: entries of one instant are neither skipped nor repeated", async () => {
    const [leader] = await db()
      .select({ id: sql<string>`id` })
      .from(sql`officers`)
      .where(sql`username = 'lanhdao.a'`);
    if (!leader) throw new Error("no leader");
    const at = new Date("2026-01-05T03:00:00.000Z");
    await db()
      .insert(auditLog)
      .values(
        Array.from({ length: 150 }, (_, n) => ({
          officerId: leader.id,
          communeCode: TEST_COMMUNE,
          action: "dossier.view",
          dossierCode: `00292-PAGE-${String(n).padStart(4, "0")}`,
          addressHash: "test",
          at,
        })),
      );
    const token = await tokenOf("lanhdao.a");
    const page = async (query: string) =>
      officerAuditResponseSchema.parse(
        (await call(test.app, "GET", `/api/officer/audit?${query}`, { token })).body,
      ).entries;
    const first = await page(`before=${encodeURIComponent("2026-01-05T03:00:00.001Z")}`);
    expect(first).toHaveLength(100);
    const last = first.at(-1);
    if (!last) throw new Error("empty page");
    const second = await page(`before=${encodeURIComponent(last.at)}&beforeId=${last.id}`);
    expect(second).toHaveLength(50);
    const ids = new Set([...first, ...second].map((entry) => entry.id));
    expect(ids.size).toBe(150);
  });
});
