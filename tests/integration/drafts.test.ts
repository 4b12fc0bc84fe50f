import { randomUUID } from "node:crypto";
import {
  conflictBodySchema,
  draftListResponseSchema,
  draftSchema,
  errorBodySchema,
  stepValidationResponseSchema,
} from "@dvc/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drafts } from "../../bot-server/src/db/schema";
import { asCitizen, KHAI_SINH, signedInCitizen, TEST_CCCD, TEST_COMMUNE } from "../support/citizens";
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

async function citizen(options: { consent?: boolean } = {}) {
  const signedIn = await signedInCitizen(database.handle.db, options);
  return { ...signedIn, api: asCitizen(test.app, signedIn) };
}

async function newDraft(api: Awaited<ReturnType<typeof citizen>>["api"], id = randomUUID()) {
  const response = await api.post("/api/drafts", { id, procedureCode: KHAI_SINH, communeCode: TEST_COMMUNE });
  expect(response.status).toBe(201);
  return draftSchema.parse(response.body);
}

describe("POST /api/drafts", () => {
  it("creates a draft on the procedure's current version, and returns the same one on a retry", async () => {
    const { api } = await citizen();
    const id = randomUUID();
    const draft = await newDraft(api, id);
    expect(draft).toMatchObject({
      id,
      procedureCode: KHAI_SINH,
      procedureVersion: 2,
      version: 0,
      answers: {},
    });
    const again = await api.post("/api/drafts", { id, procedureCode: KHAI_SINH, communeCode: TEST_COMMUNE });
    expect(again.status).toBe(200);
    expect(draftSchema.parse(again.body)).toEqual(draft);
  });

  it("refuses an unknown procedure (404), an information-only one (400) and an unknown commune (400)", async () => {
    const { api } = await citizen();
    const unknown = await api.post("/api/drafts", {
      id: randomUUID(),
      procedureCode: "9.999999",
      communeCode: TEST_COMMUNE,
    });
    expect(unknown.status).toBe(404);
    const infoOnly = await api.post("/api/drafts", {
      id: randomUUID(),
      procedureCode: "1.000689",
      communeCode: TEST_COMMUNE,
    });
    expect(infoOnly.status).toBe(400);
    expect(errorBodySchema.parse(infoOnly.body).message).toMatch(/chưa nộp trực tuyến/);
    const commune = await api.post("/api/drafts", {
      id: randomUUID(),
      procedureCode: KHAI_SINH,
      communeCode: "99999",
    });
    expect(commune.status).toBe(400);
    expect(errorBodySchema.parse(commune.body).fields?.communeCode).toMatch(/xã\/phường/);
  });

  it("answers 401 without a session", async () => {
    const response = await test.app.request("/api/drafts");
    expect(response.status).toBe(401);
  });
});

describe("PUT /api/drafts/:id", () => {
  it("saves, bumps the version, seals the answers and keeps invalid values as typed", async () => {
    const { api } = await citizen();
    const draft = await newDraft(api);
    const saved = await api.put(`/api/drafts/${draft.id}`, {
      version: 0,
      answers: { phone: "09x", copies: "hai", requester: { cccd: TEST_CCCD }, notAField: "x" },
      currentStepId: "nguoiKhai",
    });
    expect(saved.status).toBe(200);
    const body = draftSchema.parse(saved.body);
    expect(body.version).toBe(1);
    expect(body.currentStepId).toBe("nguoiKhai");
    expect(body.answers).toEqual({ phone: "09x", copies: "hai", requester: { cccd: TEST_CCCD } });
    const [row] = await database.handle.db.select().from(drafts).where(eq(drafts.id, draft.id));
    expect(row?.answersSealed).not.toContain(TEST_CCCD);
    expect(row?.answersSealed.startsWith(`v2.${test.sealer.keyId}.`)).toBe(true);
  });

  it("refuses a stale version with 409 and the stored draft, ready to merge", async () => {
    const { api } = await citizen();
    const draft = await newDraft(api);
    const first = await api.put(`/api/drafts/${draft.id}`, {
      version: 0,
      answers: { phone: "0912345678" },
      currentStepId: null,
    });
    expect(first.status).toBe(200);
    const stale = await api.put(`/api/drafts/${draft.id}`, {
      version: 0,
      answers: { copies: 2 },
      currentStepId: "tre",
    });
    expect(stale.status).toBe(409);
    const conflict = conflictBodySchema.parse(stale.body);
    expect(conflict.reason).toBe("stale_version");
    expect(conflict.message).toMatch(/vẫn còn trên máy/);
    expect(conflict.current).toMatchObject({ version: 1, answers: { phone: "84912345678" } });
    // The app merges and saves on top of the version it was told about.
    const merged = await api.put(`/api/drafts/${draft.id}`, {
      version: conflict.current?.version ?? -1,
      answers: { ...conflict.current?.answers, copies: 2 },
      currentStepId: "tre",
    });
    expect(merged.status).toBe(200);
    expect(draftSchema.parse(merged.body)).toMatchObject({
      version: 2,
      answers: { phone: "84912345678", copies: 2 },
    });
  });

  it("two saves of the same version at once: exactly one wins, the other gets 409", async () => {
    const { api } = await citizen();
    const draft = await newDraft(api);
    const results = await Promise.all(
      [1, 2, 3].map((copies) =>
        api.put(`/api/drafts/${draft.id}`, { version: 0, answers: { copies }, currentStepId: null }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it("needs a live consent to store answers (409 consent_required); nothing is stored", async () => {
    const { api } = await citizen({ consent: false });
    const draft = await newDraft(api);
    const response = await api.put(`/api/drafts/${draft.id}`, {
      version: 0,
      answers: { phone: "0912345678" },
      currentStepId: null,
    });
    expect(response.status).toBe(409);
    const body = conflictBodySchema.parse(response.body);
    expect(body.reason).toBe("consent_required");
    expect(body.message).toMatch(/Đồng ý/);
    expect(draftSchema.parse((await api.get(`/api/drafts/${draft.id}`)).body).answers).toEqual({});
  });

  it("can move the draft to another commune, and refuses one that does not exist", async () => {
    const { api } = await citizen();
    const draft = await newDraft(api);
    const moved = await api.put(`/api/drafts/${draft.id}`, {
      version: 0,
      answers: {},
      currentStepId: null,
      communeCode: "00082",
    });
    expect(draftSchema.parse(moved.body).communeCode).toBe("00082");
    const wrong = await api.put(`/api/drafts/${draft.id}`, {
      version: 1,
      answers: {},
      currentStepId: null,
      communeCode: "99999",
    });
    expect(wrong.status).toBe(400);
  });

  it("refuses a body over the 256 KB JSON limit with 413", async () => {
    const { api } = await citizen();
    const draft = await newDraft(api);
    const response = await api.put(`/api/drafts/${draft.id}`, {
      version: 0,
      answers: { purpose: "x".repeat(300 * 1024) },
      currentStepId: null,
    });
    expect(response.status).toBe(413);
  });
});

describe("GET, DELETE and validate-step", () => {
  it("lists the citizen's own open drafts, the most recently saved first", async () => {
    const { api } = await citizen();
    const older = await newDraft(api);
    const newer = await newDraft(api);
    await api.put(`/api/drafts/${older.id}`, { version: 0, answers: { copies: 1 }, currentStepId: null });
    const list = draftListResponseSchema.parse((await api.get("/api/drafts")).body);
    expect(list.drafts.map((d) => d.id)).toEqual([older.id, newer.id]);
  });

  it("deletes a draft (204), after which it is gone (404)", async () => {
    const { api } = await citizen();
    const draft = await newDraft(api);
    expect((await api.delete(`/api/drafts/${draft.id}`)).status).toBe(204);
    expect((await api.get(`/api/drafts/${draft.id}`)).status).toBe(404);
  });

  it("checks one step of the saved answers, in Vietnamese", async () => {
    const { api } = await citizen();
    const draft = await newDraft(api);
    await api.put(`/api/drafts/${draft.id}`, {
      version: 0,
      answers: { phone: "12345" },
      currentStepId: "nguoiKhai",
    });
    const response = await api.post(`/api/drafts/${draft.id}/validate-step`, { stepId: "nguoiKhai" });
    expect(response.status).toBe(200);
    const result = stepValidationResponseSchema.parse(response.body);
    expect(result.ok).toBe(false);
    expect(result.fields.phone).toMatch(/Số điện thoại/);
    expect(result.fields["requester.fullName"]).toMatch(/vui lòng nhập/);
    expect(Object.keys(result.fields).some((path) => path.startsWith("child"))).toBe(false);
    const unknownStep = await api.post(`/api/drafts/${draft.id}/validate-step`, { stepId: "nope" });
    expect(unknownStep.status).toBe(400);
  });
});

describe("another citizen's draft is not found (404) on every route", () => {
  it("GET, PUT, DELETE, validate-step → 404; list leaves it out; re-creating its id → 409", async () => {
    const a = await citizen();
    const b = await citizen();
    const draft = await newDraft(a.api);
    const path = `/api/drafts/${draft.id}`;
    expect((await b.api.get(path)).status).toBe(404);
    expect((await b.api.put(path, { version: 0, answers: {}, currentStepId: null })).status).toBe(404);
    expect((await b.api.delete(path)).status).toBe(404);
    expect((await b.api.post(`${path}/validate-step`, { stepId: "nguoiKhai" })).status).toBe(404);
    expect(draftListResponseSchema.parse((await b.api.get("/api/drafts")).body).drafts).toEqual([]);
    const taken = await b.api.post("/api/drafts", {
      id: draft.id,
      procedureCode: KHAI_SINH,
      communeCode: TEST_COMMUNE,
    });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.body)).not.toContain(a.citizenId);
    // A's draft is untouched.
    expect((await a.api.get(path)).status).toBe(200);
  });
});
