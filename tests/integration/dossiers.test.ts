import { randomUUID } from "node:crypto";
import {
  computeDueAt,
  conflictBodySchema,
  dossierDetailSchema,
  dossierListResponseSchema,
  dossierSummarySchema,
  draftListResponseSchema,
  dueAtLegalTimeOf,
  errorBodySchema,
  findProcedure,
  parseDossierCode,
} from "@dvc/shared";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierEvents, dossiers, files } from "../../bot-server/src/db/schema";
import {
  asCitizen,
  KHAI_SINH,
  readyKhaiSinhDraft,
  signedInCitizen,
  TEST_CCCD,
  TEST_COMMUNE,
} from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

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

async function citizen() {
  const signedIn = await signedInCitizen(database.handle.db);
  return { ...signedIn, api: asCitizen(test.app, signedIn) };
}

const submit = (
  api: Awaited<ReturnType<typeof citizen>>["api"],
  draftId: string,
  key: string = randomUUID(),
) => api.post("/api/dossiers", { draftId }, { "Idempotency-Key": key });

describe("POST /api/dossiers: submit", () => {
  it("files the draft: 201 with a parseable code of the commune and a due date from the legal clock", async () => {
    const { api } = await citizen();
    const { draft, file } = await readyKhaiSinhDraft(api);
    const response = await submit(api, draft.id);
    expect(response.status).toBe(201);
    const dossier = dossierSummarySchema.parse(response.body);
    const parsed = parseDossierCode(dossier.code);
    expect(parsed).toMatchObject({ ok: true, communeCode: TEST_COMMUNE });
    expect(dossier).toMatchObject({
      procedureCode: KHAI_SINH,
      procedureTitle: "Đăng ký khai sinh",
      status: "submitted",
      statusLabel: "Đã nộp, chờ tiếp nhận",
      communeCode: TEST_COMMUNE,
    });
    const procedure = findProcedure(KHAI_SINH);
    if (!procedure) throw new Error("catalog lost khai sinh");
    const expected = computeDueAt({
      receivedAt: new Date(dossier.submittedAt),
      legalTime: dueAtLegalTimeOf(procedure.legalTime),
    });
    expect(dossier.dueAt).toBe(expected.dueAt.toISOString());
    // The draft is done: gone from the open list, refused on save, and its file belongs to the dossier.
    expect(draftListResponseSchema.parse((await api.get("/api/drafts")).body).drafts).toEqual([]);
    const save = await api.put(`/api/drafts/${draft.id}`, {
      version: draft.version,
      answers: {},
      currentStepId: null,
    });
    expect(conflictBodySchema.parse(save.body)).toMatchObject({
      reason: "already_submitted",
      submittedAs: dossier.code,
    });
    expect((await api.delete(`/api/files/${file.fileId}`)).status).toBe(409);
    const [fileRow] = await database.handle.db.select().from(files).where(eq(files.id, file.fileId));
    expect(fileRow?.dossierCode).toBe(dossier.code);
  });

  it("requires an Idempotency-Key (400, in Vietnamese)", async () => {
    const { api } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api);
    const response = await api.post("/api/dossiers", { draftId: draft.id });
    expect(response.status).toBe(400);
    expect(JSON.stringify(errorBodySchema.parse(response.body).fields)).toMatch(/Idempotency-Key/);
  });

  it("answers invalid answers with 400 VALIDATION_FAILED, fields keyed by path in Vietnamese", async () => {
    const { api } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api, { phone: "12345", declaration: false });
    const response = await submit(api, draft.id);
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(response.body);
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.message).toMatch(/Hồ sơ còn 2 mục chưa đúng/);
    expect(body.fields?.phone).toMatch(/Số điện thoại/);
    expect(body.fields?.declaration).toMatch(/Lời cam đoan/);
    expect(await dossierCount(draft.id)).toBe(0);
  });

  it("a failed attempt does not burn the key: fixed, the same key files it", async () => {
    const { api } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api, { phone: "12345" });
    const key = randomUUID();
    expect((await submit(api, draft.id, key)).status).toBe(400);
    const fixed = await api.put(`/api/drafts/${draft.id}`, {
      version: draft.version,
      answers: { ...draft.answers, phone: "0912345678" },
      currentStepId: "banSao",
    });
    expect(fixed.status).toBe(200);
    const retry = await submit(api, draft.id, key);
    expect(retry.status).toBe(201);
  });

  it("refuses a reference to a file that is not the citizen's upload for this draft", async () => {
    const a = await citizen();
    const b = await citizen();
    const { file: bFile } = await readyKhaiSinhDraft(b.api);
    const { draft } = await readyKhaiSinhDraft(a.api, { birthProofFile: [bFile] });
    const response = await submit(a.api, draft.id);
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(response.body).fields?.birthProofFile).toMatch(/tải lên lại/);
  });

  it("needs a live consent at the moment of filing (409 consent_required)", async () => {
    const { api, citizenId } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api);
    await database.handle.db.execute(
      sql`update consents set withdrawn_at = now() where citizen_id = ${citizenId}`,
    );
    const response = await submit(api, draft.id);
    expect(conflictBodySchema.parse(response.body).reason).toBe("consent_required");
  });
});

describe("idempotency (ID-1)", () => {
  it("the same key and body replays the same dossier; another body under that key → 422", async () => {
    const { api } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api);
    const { draft: other } = await readyKhaiSinhDraft(api);
    const key = randomUUID();
    const first = dossierSummarySchema.parse((await submit(api, draft.id, key)).body);
    const replay = await submit(api, draft.id, key);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(dossierSummarySchema.parse(replay.body)).toEqual(first);
    const reused = await submit(api, other.id, key);
    expect(reused.status).toBe(422);
    expect(errorBodySchema.parse(reused.body).code).toBe("UNPROCESSABLE");
  });

  it("the same draft under another key returns the dossier it already is (200), no second one", async () => {
    const { api } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api);
    const first = dossierSummarySchema.parse((await submit(api, draft.id)).body);
    const again = await submit(api, draft.id);
    expect(again.status).toBe(200);
    expect(dossierSummarySchema.parse(again.body).code).toBe(first.code);
    expect(await dossierCount(draft.id)).toBe(1);
  });

  it("five concurrent submits give exactly one dossier and one event", async () => {
    const { api } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api);
    const key = randomUUID();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => submit(api, draft.id, key)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const codes = new Set(results.map((r) => dossierSummarySchema.parse(r.body).code));
    expect(codes.size).toBe(1);
    expect(await dossierCount(draft.id)).toBe(1);
    const [code] = [...codes];
    const events = await database.handle.db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierCode, code ?? ""));
    expect(events).toHaveLength(1);
  });

  it("five concurrent submits with five different keys still give one dossier", async () => {
    const { api } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => submit(api, draft.id)));
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await dossierCount(draft.id)).toBe(1);
  });

  it("one key raced over two drafts: one dossier, the other request 422", async () => {
    const { api } = await citizen();
    const { draft: one } = await readyKhaiSinhDraft(api);
    const { draft: two } = await readyKhaiSinhDraft(api);
    const key = randomUUID();
    const results = await Promise.all([submit(api, one.id, key), submit(api, two.id, key)]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
  });
});

describe("tracking and scoping", () => {
  it("lists own dossiers newest first; the detail has the timeline and the answers", async () => {
    const { api } = await citizen();
    const { draft: d1 } = await readyKhaiSinhDraft(api);
    const { draft: d2 } = await readyKhaiSinhDraft(api);
    const first = dossierSummarySchema.parse((await submit(api, d1.id)).body);
    const second = dossierSummarySchema.parse((await submit(api, d2.id)).body);
    const list = dossierListResponseSchema.parse((await api.get("/api/dossiers")).body);
    expect(list.dossiers.map((d) => d.code)).toEqual([second.code, first.code]);
    const detail = dossierDetailSchema.parse(
      (await api.get(`/api/dossiers/${first.code.toLowerCase()}`)).body,
    );
    expect(detail.timeline).toEqual([
      {
        status: "submitted",
        label: "Đã nộp, chờ tiếp nhận",
        at: first.submittedAt,
        note: null,
        // The receipt message waits in the outbox (no delivery worker runs in this test).
        notice: { state: "queued", label: "Đang gửi qua Zalo" },
      },
    ]);
    expect(detail.answers).toMatchObject({ phone: "84912345678", requester: { cccd: TEST_CCCD } });
    expect(detail.supplement).toBeNull();
  });

  it("another citizen gets 404 on the dossier, an empty list, and 404 submitting the draft", async () => {
    const a = await citizen();
    const b = await citizen();
    const { draft } = await readyKhaiSinhDraft(a.api);
    expect((await submit(b.api, draft.id)).status).toBe(404);
    const dossier = dossierSummarySchema.parse((await submit(a.api, draft.id)).body);
    expect((await b.api.get(`/api/dossiers/${dossier.code}`)).status).toBe(404);
    expect(dossierListResponseSchema.parse((await b.api.get("/api/dossiers")).body).dossiers).toEqual([]);
    const supplement = await b.api.post(`/api/dossiers/${dossier.code}/supplement`, {
      answers: { phone: "0987654321" },
    });
    expect(supplement.status).toBe(404);
    expect((await b.api.get("/api/dossiers/00292-AAAA-AAAA")).status).toBe(400);
  });

  it("stores no plain CCCD: the dossier and its events hold sealed answers only", async () => {
    const { api } = await citizen();
    const { draft } = await readyKhaiSinhDraft(api);
    const dossier = dossierSummarySchema.parse((await submit(api, draft.id)).body);
    // Every column of the row, as stored.
    const [row] = await database.handle.db.select().from(dossiers).where(eq(dossiers.code, dossier.code));
    const text = JSON.stringify(row);
    expect(text).not.toContain(TEST_CCCD);
    expect(text).not.toContain("Nguyễn Thị Lan");
    expect(row?.answersSealed).not.toMatch(/\b\d{12}\b/);
    const events = await database.handle.db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierCode, dossier.code));
    expect(JSON.stringify(events)).not.toMatch(/\b\d{12}\b/);
  });
});

async function dossierCount(draftId: string): Promise<number> {
  const rows = await database.handle.db
    .select({ code: dossiers.code })
    .from(dossiers)
    .where(eq(dossiers.draftId, draftId));
  return rows.length;
}
