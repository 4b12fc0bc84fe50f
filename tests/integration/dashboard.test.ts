import { randomUUID } from "node:crypto";
import { dashboardResponseSchema, errorBodySchema, officerSignInResponseSchema } from "@dvc/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveries, dossierEvents, dossiers } from "../../bot-server/src/db/schema";
import { dashboardFigures } from "../../bot-server/src/modules/dashboard";
import { backfillResolutions, moveDossierByOfficer } from "../../bot-server/src/modules/dossiers";
import { createOfficer } from "../../bot-server/src/modules/officer-auth";
import { call, randomTestIp } from "../support/citizen-client";
import { KHAI_SINH, TEST_COMMUNE } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * The leaders' dashboard (issue 14): a month of dossiers seeded by hand through the tables, every figure
 * counted by hand below (literal numbers, not computed by the code under test), the API compared to them;
 * who may see which commune; the CSV. November 2026's working days are Mon–Fri except Tuesday 24, Ngày
 * Văn hóa Việt Nam (a day off from 2026).
 */

const OTHER_COMMUNE = "00070";
const KHAI_TU = "1.000656";
const PASSWORD = "mat-khau-thu-nghiem-2026";
const RANGE = "from=2026-11-01&to=2026-11-30";

let database: FreshDatabase;
let test: TestApp;
const db = () => database.handle.db;
const vn = (local: string) => new Date(`${local}+07:00`);
const farFuture = () => new Date(Date.now() + 60 * 86_400_000);

interface Seed {
  code: string;
  commune?: string;
  procedure?: string;
  channel?: "online" | "counter";
  filedBy?: "citizen" | "officer";
  status: string;
  submitted: string;
  due: string | Date;
  resolved?: string;
  workingDays?: number;
}

async function seedDossier(seed: Seed): Promise<void> {
  await db()
    .insert(dossiers)
    .values({
      code: seed.code,
      citizenId: null,
      draftId: randomUUID(),
      procedureCode: seed.procedure ?? KHAI_SINH,
      procedureVersion: 1,
      communeCode: seed.commune ?? TEST_COMMUNE,
      status: seed.status,
      answersSealed: "not-read-by-the-dashboard",
      submittedAt: vn(seed.submitted),
      dueAt: typeof seed.due === "string" ? vn(seed.due) : seed.due,
      idempotencyKey: randomUUID(),
      requestHash: "seeded",
      channel: seed.channel ?? "online",
      filedBy: seed.filedBy ?? "citizen",
      resolvedAt: seed.resolved ? vn(seed.resolved) : null,
      resolvedWorkingDays: seed.workingDays ?? null,
    });
}

async function seedDelivery(
  dossierCode: string,
  kind: "dossier_status" | "supplement_request" | "officer_reply",
  status: "failed" | "in_app" | "dead" | "expired" | "delivered",
  created: string,
): Promise<void> {
  await db()
    .insert(deliveries)
    .values({
      idempotencyKey: randomUUID(),
      kind,
      status,
      dossierCode,
      payload: {
        status: "result_ready",
        procedureTitle: "Đăng ký khai sinh",
        dueAt: vn(created).toISOString(),
      },
      expiresAt: vn(created),
      createdAt: vn(created),
    });
}

/*
 * Commune A (TEST_COMMUNE), range 2026-11-01..30. Working days: counted after the receipt day, up to
 * and including the day of the result.
 * A1 khai sinh online/citizen, in 02 Mon 09:00, due 05 17:00, result 04 10:00 → early, 2 days (03, 04)
 * A2 khai sinh online/citizen, in 03, due 06 17:00, result 06 16:00 → on the due day, 3 days
 * A3 khai sinh online/officer, in 09, due 12 17:00, result 13 09:00 → late, 4 days
 * A4 khai tử counter/officer, in 10, due 13 17:00, result 12 18:00 → early (12 < 13), 2 days
 * A5 khai tử online/citizen, in 16, due 19 17:00, processing → overdue now
 * A6 khai sinh online/citizen, in 20, due 25 17:00, supplement requested → overdue now (clock runs)
 * A7 khai sinh online/citizen, in 23, due in the future, processing → open, not overdue
 * A8 khai tử online/citizen, in 24, due 27, stopped → neither resolved nor overdue
 * A9 khai sinh online/citizen, in 2026-10-28 (before the range), due 11-02 17:00, result 11-03 09:00
 *    → resolved in range, late, 4 days (29, 30, 02, 03); not received in range
 * A10 khai sinh online/citizen, in 30 at 20:00 Vietnam time (13:00 UTC) → received in range
 * A11 khai sinh online/citizen, in 12-01 06:00 Vietnam time (11-30 23:00 UTC) → not in range
 * A12 khai tử online/citizen, in 26, due 12-01, result 12-01 09:00 → received, resolved after the range
 * Commune B: B1 khai sinh online/citizen in 05, due 10, result 06 (early, 1 day); B2 khai sinh
 * counter/officer in 05, due 09, processing → overdue.
 */
const A = (n: number) => `A${String(n).padStart(2, "0")}-DASH`;
const B = (n: number) => `B${String(n).padStart(2, "0")}-DASH`;

async function seedMonth(): Promise<void> {
  const seeds: Seed[] = [
    {
      code: A(1),
      status: "returned",
      submitted: "2026-11-02T09:00",
      due: "2026-11-05T17:00",
      resolved: "2026-11-04T10:00",
      workingDays: 2,
    },
    {
      code: A(2),
      status: "result_ready",
      submitted: "2026-11-03T10:00",
      due: "2026-11-06T17:00",
      resolved: "2026-11-06T16:00",
      workingDays: 3,
    },
    {
      code: A(3),
      filedBy: "officer",
      status: "returned",
      submitted: "2026-11-09T08:30",
      due: "2026-11-12T17:00",
      resolved: "2026-11-13T09:00",
      workingDays: 4,
    },
    {
      code: A(4),
      procedure: KHAI_TU,
      channel: "counter",
      filedBy: "officer",
      status: "returned",
      submitted: "2026-11-10T14:00",
      due: "2026-11-13T17:00",
      resolved: "2026-11-12T18:00",
      workingDays: 2,
    },
    {
      code: A(5),
      procedure: KHAI_TU,
      status: "processing",
      submitted: "2026-11-16T09:00",
      due: "2026-11-19T17:00",
    },
    { code: A(6), status: "supplement_requested", submitted: "2026-11-20T09:00", due: "2026-11-25T17:00" },
    { code: A(7), status: "processing", submitted: "2026-11-23T09:00", due: farFuture() },
    {
      code: A(8),
      procedure: KHAI_TU,
      status: "stopped",
      submitted: "2026-11-24T09:00",
      due: "2026-11-27T17:00",
    },
    {
      code: A(9),
      status: "returned",
      submitted: "2026-10-28T09:00",
      due: "2026-11-02T17:00",
      resolved: "2026-11-03T09:00",
      workingDays: 4,
    },
    { code: A(10), status: "submitted", submitted: "2026-11-30T20:00", due: farFuture() },
    { code: A(11), status: "submitted", submitted: "2026-12-01T06:00", due: farFuture() },
    {
      code: A(12),
      procedure: KHAI_TU,
      status: "result_ready",
      submitted: "2026-11-26T09:00",
      due: "2026-12-01T17:00",
      resolved: "2026-12-01T09:00",
      workingDays: 3,
    },
    {
      code: B(1),
      commune: OTHER_COMMUNE,
      status: "returned",
      submitted: "2026-11-05T09:00",
      due: "2026-11-10T17:00",
      resolved: "2026-11-06T10:00",
      workingDays: 1,
    },
    {
      code: B(2),
      commune: OTHER_COMMUNE,
      channel: "counter",
      filedBy: "officer",
      status: "processing",
      submitted: "2026-11-05T09:00",
      due: "2026-11-09T17:00",
    },
  ];
  for (const seed of seeds) await seedDossier(seed);
  // Messages that did not reach the resident: A has failed, in_app, dead in range (3); not counted: a
  // delivered one, an expired one created before the range (10-31 Vietnam time), a non-status kind.
  await seedDelivery(A(1), "dossier_status", "failed", "2026-11-04T10:00");
  await seedDelivery(A(2), "dossier_status", "in_app", "2026-11-06T16:00");
  await seedDelivery(A(3), "supplement_request", "dead", "2026-11-10T11:00");
  await seedDelivery(A(3), "dossier_status", "delivered", "2026-11-13T09:00");
  await seedDelivery(A(5), "dossier_status", "expired", "2026-10-31T20:00");
  await seedDelivery(A(6), "officer_reply", "failed", "2026-11-21T09:00");
  await seedDelivery(B(1), "dossier_status", "failed", "2026-11-06T10:00");
}

const tokens = new Map<string, string>();

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  for (const [username, role, communeCode] of [
    ["lanhdao.a", "leader", TEST_COMMUNE],
    ["canbo.a", "officer", TEST_COMMUNE],
    ["admin.tinh", "admin", null],
  ] as const) {
    await createOfficer(db(), { username, password: PASSWORD, role, communeCode });
    const response = await call(test.app, "POST", "/api/officer/session", {
      body: { username, password: PASSWORD },
      ip: randomTestIp(),
    });
    tokens.set(username, officerSignInResponseSchema.parse(response.body).token);
  }
  await seedMonth();
});
afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});

const get = (username: string, query: string) =>
  call(test.app, "GET", `/api/officer/dashboard?${query}`, { token: tokens.get(username) ?? "" });

describe("the dashboard's figures equal a hand count", () => {
  it("for a leader's commune", async () => {
    const response = await get("lanhdao.a", RANGE);
    expect(response.status).toBe(200);
    const figures = dashboardResponseSchema.parse(response.body);
    expect(figures.communeCode).toBe(TEST_COMMUNE);
    expect(figures.summary).toEqual({
      received: 10,
      resolved: 5,
      resolvedEarly: 2,
      resolvedOnDueDay: 1,
      resolvedLate: 2,
      onTime: { count: 3, of: 5, rate: 0.6 },
      overdueNow: 2,
      online: { count: 9, of: 10, rate: 0.9 },
      selfSubmitted: { count: 8, of: 9, rate: 8 / 9 },
      averageWorkingDays: 3,
      unreachableMessages: 3,
    });
    const byCode = new Map(figures.procedures.map((row) => [row.procedureCode, row]));
    expect(byCode.get(KHAI_SINH)).toEqual({
      procedureCode: KHAI_SINH,
      procedureTitle: "Đăng ký khai sinh",
      received: 6,
      resolved: 4,
      resolvedEarly: 1,
      resolvedOnDueDay: 1,
      resolvedLate: 2,
      averageWorkingDays: 3.25,
      overdueNow: 1,
    });
    expect(byCode.get(KHAI_TU)).toMatchObject({
      received: 4,
      resolved: 1,
      resolvedEarly: 1,
      averageWorkingDays: 2,
      overdueNow: 1,
    });
    expect(figures.overdue.map((row) => row.code)).toEqual([A(5), A(6)]);
    expect(figures.unreachableByOutcome).toEqual([
      { outcome: "in_app", count: 1 },
      { outcome: "failed", count: 1 },
      { outcome: "dead", count: 1 },
      { outcome: "expired", count: 0 },
    ]);
    expect(figures.unreachable.map((row) => row.dossierCode)).toEqual([A(3), A(2), A(1)]);
  });

  it("day by day in Vietnam time, every day of the range present", async () => {
    const figures = dashboardResponseSchema.parse((await get("lanhdao.a", RANGE)).body);
    expect(figures.series).toHaveLength(30);
    const nonZero = figures.series.filter((day) => day.received + day.resolved > 0);
    expect(nonZero).toEqual([
      { date: "2026-11-02", received: 1, resolved: 0 },
      { date: "2026-11-03", received: 1, resolved: 1 },
      { date: "2026-11-04", received: 0, resolved: 1 },
      { date: "2026-11-06", received: 0, resolved: 1 },
      { date: "2026-11-09", received: 1, resolved: 0 },
      { date: "2026-11-10", received: 1, resolved: 0 },
      { date: "2026-11-12", received: 0, resolved: 1 },
      { date: "2026-11-13", received: 0, resolved: 1 },
      { date: "2026-11-16", received: 1, resolved: 0 },
      { date: "2026-11-20", received: 1, resolved: 0 },
      { date: "2026-11-23", received: 1, resolved: 0 },
      { date: "2026-11-24", received: 1, resolved: 0 },
      { date: "2026-11-26", received: 1, resolved: 0 },
      { date: "2026-11-30", received: 1, resolved: 0 },
    ]);
  });

  it("for the province (an admin without a commune) and for a commune an admin picks", async () => {
    const province = dashboardResponseSchema.parse((await get("admin.tinh", RANGE)).body);
    expect(province.communeCode).toBeNull();
    expect(province.summary).toEqual({
      received: 12,
      resolved: 6,
      resolvedEarly: 3,
      resolvedOnDueDay: 1,
      resolvedLate: 2,
      onTime: { count: 4, of: 6, rate: 4 / 6 },
      overdueNow: 3,
      online: { count: 10, of: 12, rate: 10 / 12 },
      selfSubmitted: { count: 9, of: 10, rate: 0.9 },
      averageWorkingDays: 16 / 6,
      unreachableMessages: 4,
    });
    const other = dashboardResponseSchema.parse(
      (await get("admin.tinh", `${RANGE}&commune=${OTHER_COMMUNE}`)).body,
    );
    expect(other.summary).toMatchObject({
      received: 2,
      resolved: 1,
      resolvedEarly: 1,
      overdueNow: 1,
      unreachableMessages: 1,
    });
    expect(other.overdue.map((row) => row.code)).toEqual([B(2)]);
  });

  it("counts working days late as of the time asked, skipping the weekend", async () => {
    // Friday 2026-11-27 10:00: A5 was due Thursday 19 (20, 23, 25, 26, 27 → 5: the weekend and Tuesday
    // 24, Ngày Văn hóa Việt Nam, are not counted), A6 Wednesday 25 (26, 27 → 2).
    const figures = await dashboardFigures(
      db(),
      { communeCode: TEST_COMMUNE },
      { from: "2026-11-01", to: "2026-11-30" },
      vn("2026-11-27T10:00"),
    );
    expect(figures.overdue.map((row) => [row.code, row.workingDaysLate])).toEqual([
      [A(5), 5],
      [A(6), 2],
    ]);
    // A8 (stopped) and A7 (due later) are not overdue; nothing beyond A5 and A6 on that day either.
    expect(figures.summary.overdueNow).toBe(2);
  });
});

describe("who sees what", () => {
  it("refuses a commune officer, and a leader asking for another commune", async () => {
    expect((await get("canbo.a", RANGE)).status).toBe(403);
    const other = await get("lanhdao.a", `${RANGE}&commune=${OTHER_COMMUNE}`);
    expect(other.status).toBe(403);
    expect(errorBodySchema.parse(other.body).message).toMatch(/xã mình/);
    expect((await get("lanhdao.a", `${RANGE}&commune=${TEST_COMMUNE}`)).status).toBe(200);
    expect((await call(test.app, "GET", `/api/officer/dashboard?${RANGE}`)).status).toBe(401);
  });

  it("answers an unknown commune with 404 and a reversed range with a Vietnamese field error", async () => {
    expect((await get("admin.tinh", `${RANGE}&commune=99999`)).status).toBe(404);
    const reversed = await get("admin.tinh", "from=2026-11-30&to=2026-11-01");
    expect(reversed.status).toBeGreaterThanOrEqual(400);
    expect(reversed.status).toBeLessThan(500);
    expect(JSON.stringify(reversed.body)).toMatch(/Ngày kết thúc phải từ ngày bắt đầu trở đi/);
  });
});

async function csv(username: string, table: string, query = RANGE) {
  const response = await test.app.request(
    `/api/officer/dashboard/export/${table}.csv?${query}`,
    { headers: { Authorization: `Bearer ${tokens.get(username) ?? ""}` } },
    { incoming: { socket: { remoteAddress: randomTestIp() } } },
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { response, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

describe("the CSV export", () => {
  it("opens in Excel: UTF-8 with a BOM, a file name, the hand-counted summary", async () => {
    const { response, bytes, text } = await csv("lanhdao.a", "summary");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="bao-cao-summary-${TEST_COMMUNE}-2026-11-01-2026-11-30.csv"`,
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines[0]).toBe('"Chỉ số","Số lượng","Trên tổng số","Tỷ lệ (%)","Định nghĩa"');
    expect(lines).toContainEqual(expect.stringMatching(/^"Hồ sơ tiếp nhận","10","","",/));
    expect(lines).toContainEqual(expect.stringMatching(/^"Tỷ lệ trước hạn và đúng hạn","3","5","60",/));
    expect(lines).toContainEqual(expect.stringMatching(/^"Tỷ lệ nộp trực tuyến","9","10","90",/));
    expect(lines).toContainEqual(expect.stringMatching(/^"Tỷ lệ người dân tự nộp","8","9","88.89",/));
  });

  it("exports the procedures, the overdue list and the unreachable messages of the commune only", async () => {
    const procedures = await csv("lanhdao.a", "procedures");
    expect(procedures.text).toContain(`"${KHAI_SINH}","Đăng ký khai sinh","6","4","1","1","2","3.25","1"`);
    const overdue = (await csv("lanhdao.a", "overdue")).text.slice(1).trimEnd().split("\r\n");
    expect(overdue).toHaveLength(3);
    // The last cell (working days late) depends on today: the rest is fixed.
    expect(overdue[1]).toMatch(
      new RegExp(
        `^"${A(5)}","${TEST_COMMUNE}","${KHAI_TU}","Đăng ký khai tử","Đang xử lý","2026-11-19 17:00","\\d+"$`,
      ),
    );
    expect(overdue.join("\n")).not.toContain(B(2));
    const unreachable = (await csv("lanhdao.a", "unreachable")).text;
    expect(unreachable).toContain(
      `"${A(3)}","${TEST_COMMUNE}","${KHAI_SINH}","Đã xử lý xong","Gửi lại nhiều lần không được","2026-11-10 11:00"`,
    );
    expect(unreachable).not.toContain(B(1));
  });

  it("refuses an unknown table", async () => {
    expect((await csv("lanhdao.a", "citizens")).response.status).toBe(400);
  });
});

describe("resolution times", () => {
  it("are written by the first move to result_ready, not moved by the return", async () => {
    await seedDossier({
      code: "R01-DASH",
      status: "processing",
      submitted: "2026-10-05T09:00",
      due: "2026-10-09T17:00",
    });
    const move = (to: "result_ready" | "returned", at: string) =>
      db().transaction((tx) =>
        moveDossierByOfficer(tx, {
          code: "R01-DASH",
          communeCode: TEST_COMMUNE,
          change:
            to === "result_ready" ? { to, result: { pickUp: "Bộ phận Một cửa, sáng thứ Năm" } } : { to },
          now: vn(at),
        }),
      );
    await move("result_ready", "2026-10-07T15:00");
    await move("returned", "2026-10-12T09:00");
    const [row] = await db().select().from(dossiers).where(eq(dossiers.code, "R01-DASH"));
    expect(row?.resolvedAt?.toISOString()).toBe(vn("2026-10-07T15:00").toISOString());
    expect(row?.resolvedWorkingDays).toBe(2);
  });

  it("are filled at start-up for dossiers resolved before the column existed", async () => {
    await seedDossier({
      code: "R02-DASH",
      status: "returned",
      submitted: "2026-10-05T09:00",
      due: "2026-10-09T17:00",
    });
    await seedDossier({
      code: "R03-DASH",
      status: "returned",
      submitted: "2026-10-12T18:30",
      due: "2026-10-16T17:00",
    });
    await db()
      .insert(dossierEvents)
      .values([
        { dossierCode: "R02-DASH", status: "result_ready", actor: "officer", at: vn("2026-10-08T15:00") },
        { dossierCode: "R02-DASH", status: "returned", actor: "officer", at: vn("2026-10-09T09:00") },
        { dossierCode: "R03-DASH", status: "returned", actor: "officer", at: vn("2026-10-15T10:00") },
      ]);
    expect(await backfillResolutions(db())).toBe(2);
    const rows = await db().select().from(dossiers).where(eq(dossiers.status, "returned"));
    const byCode = new Map(rows.map((row) => [row.code, row]));
    // R02: received Monday 05, result Thursday 08 → 06, 07, 08. R03: sent Monday 12 after closing, so
    // received Tuesday 13 → 14, 15.
    expect(byCode.get("R02-DASH")?.resolvedAt?.toISOString()).toBe(vn("2026-10-08T15:00").toISOString());
    expect(byCode.get("R02-DASH")?.resolvedWorkingDays).toBe(3);
    expect(byCode.get("R03-DASH")?.resolvedWorkingDays).toBe(2);
    expect(await backfillResolutions(db())).toBe(0);
  });
});
