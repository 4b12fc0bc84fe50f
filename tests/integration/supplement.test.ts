import { randomUUID } from "node:crypto";
import {
  computeDueAt,
  dossierDetailSchema,
  dossierSummarySchema,
  dueAtLegalTimeOf,
  errorBodySchema,
  findProcedure,
  uploadedFileSchema,
} from "@dvc/shared";
import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossierEvents, dossiers } from "../../bot-server/src/db/schema";
import { SEALED } from "../../bot-server/src/db/sealed-places";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { requestSupplement } from "../../bot-server/src/modules/dossiers/supplement";
import {
  asCitizen,
  readyKhaiSinhDraft,
  SAMPLE_BYTES,
  signedInCitizen,
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

const MESSAGE = "Ảnh Giấy chứng sinh bị mờ, số điện thoại không liên lạc được. Vui lòng bổ sung.";

/** A citizen with a filed birth registration whose phone and birth proof an officer asked to fix. */
async function dossierAwaitingSupplement(status: "submitted" | "processing" = "submitted") {
  const signedIn = await signedInCitizen(database.handle.db);
  const api = asCitizen(test.app, signedIn);
  const { draft, file } = await readyKhaiSinhDraft(api);
  const filed = await api.post("/api/dossiers", { draftId: draft.id }, { "Idempotency-Key": randomUUID() });
  const { code } = dossierSummarySchema.parse(filed.body);
  if (status === "processing") {
    // The officer area does not exist yet: put the dossier where an officer would have.
    await database.handle.db.update(dossiers).set({ status: "processing" }).where(eq(dossiers.code, code));
  }
  await requestSupplement(database.handle.db, code, {
    communeCode: TEST_COMMUNE,
    fieldIds: ["phone", "birthProofFile"],
    message: MESSAGE,
    actor: "officer",
  });
  return { ...signedIn, api, code, file };
}

describe("requestSupplement (officer, used by the officer area later)", () => {
  it("moves the dossier to supplement_requested; the citizen sees the request and the timeline", async () => {
    const { api, code } = await dossierAwaitingSupplement();
    const detail = dossierDetailSchema.parse((await api.get(`/api/dossiers/${code}`)).body);
    expect(detail.status).toBe("supplement_requested");
    expect(detail.statusLabel).toBe("Cần bổ sung giấy tờ");
    expect(detail.supplement).toMatchObject({ fieldIds: ["phone", "birthProofFile"], message: MESSAGE });
    expect(detail.timeline.map((event) => [event.status, event.label, event.note])).toEqual([
      ["submitted", "Đã nộp, chờ tiếp nhận", null],
      ["supplement_requested", "Cần bổ sung giấy tờ", MESSAGE],
    ]);
  });

  it("is scoped to the officer's commune (404 elsewhere) and refuses a move the status machine forbids", async () => {
    const { code } = await dossierAwaitingSupplement();
    const request = { fieldIds: ["phone"], message: "x", actor: "officer" as const };
    await expect(
      requestSupplement(database.handle.db, code, { ...request, communeCode: "00082" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await database.handle.db.update(dossiers).set({ status: "returned" }).where(eq(dossiers.code, code));
    await expect(
      requestSupplement(database.handle.db, code, { ...request, communeCode: TEST_COMMUNE }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("refuses field ids that are not in the form", async () => {
    const { code } = await dossierAwaitingSupplement();
    await database.handle.db.update(dossiers).set({ status: "received" }).where(eq(dossiers.code, code));
    await expect(
      requestSupplement(database.handle.db, code, {
        communeCode: TEST_COMMUNE,
        fieldIds: ["nope"],
        message: "x",
        actor: "officer",
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});

describe("POST /api/dossiers/:code/supplement", () => {
  it("accepts only the flagged fields (400 naming the others)", async () => {
    const { api, code } = await dossierAwaitingSupplement();
    const response = await api.post(`/api/dossiers/${code}/supplement`, {
      answers: { phone: "0987654321", copies: 5 },
    });
    expect(response.status).toBe(400);
    const body = errorBodySchema.parse(response.body);
    expect(body.fields?.copies).toMatch(/không yêu cầu sửa/);
    expect(body.fields?.phone).toBeUndefined();
  });

  it("re-validates the whole dossier: an invalid flagged value → 400 in Vietnamese, nothing changes", async () => {
    const { api, code } = await dossierAwaitingSupplement();
    const response = await api.post(`/api/dossiers/${code}/supplement`, { answers: { phone: "12" } });
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(response.body).fields?.phone).toMatch(/Số điện thoại/);
    const detail = dossierDetailSchema.parse((await api.get(`/api/dossiers/${code}`)).body);
    expect(detail.status).toBe("supplement_requested");
    expect(detail.answers.phone).toBe("84912345678");
  });

  it("merges the new answers and a new upload, keeps the old answers in the event, restarts the clock", async () => {
    const { api, code, file: oldFile } = await dossierAwaitingSupplement();
    const upload = await api.upload(SAMPLE_BYTES.pdf, "giay-chung-sinh-ro.pdf", {
      dossierCode: code,
      fieldId: "birthProofFile",
    });
    expect(upload.status).toBe(201);
    const newFile = uploadedFileSchema.parse(upload.body);
    // Unflagged fields cannot get uploads.
    const wrongField = await api.upload(SAMPLE_BYTES.pdf, "x.pdf", { dossierCode: code, fieldId: "phone" });
    expect(wrongField.status).toBe(400);

    const before = Date.now();
    const response = await api.post(`/api/dossiers/${code}/supplement`, {
      answers: { phone: "0987654321", birthProofFile: [newFile] },
    });
    expect(response.status).toBe(200);
    const detail = dossierDetailSchema.parse(response.body);
    // Asked before reception: back to the desk's queue (statusAfterSupplement).
    expect(detail.status).toBe("submitted");
    expect(detail.supplement).toBeNull();
    expect(detail.answers).toMatchObject({ phone: "84987654321", birthProofFile: [newFile] });
    expect(detail.answers.child).toMatchObject({ fullName: "Nguyễn Minh An" });
    expect(detail.timeline.map((event) => event.status)).toEqual([
      "submitted",
      "supplement_requested",
      "submitted",
    ]);

    const procedure = findProcedure("1.001193");
    if (!procedure) throw new Error("catalog lost khai sinh");
    const [row] = await database.handle.db.select().from(dossiers).where(eq(dossiers.code, code));
    expect(row?.updatedAt.getTime()).toBeGreaterThanOrEqual(before);
    const restarted = computeDueAt({
      receivedAt: row?.updatedAt ?? new Date(),
      legalTime: dueAtLegalTimeOf(procedure.legalTime),
    });
    expect(detail.dueAt).toBe(restarted.dueAt.toISOString());

    const [event] = await database.handle.db
      .select()
      .from(dossierEvents)
      .where(eq(dossierEvents.dossierCode, code))
      .orderBy(desc(dossierEvents.id))
      .limit(1);
    expect(event?.actor).toBe("citizen");
    expect(event?.previousAnswersSealed).toBeTruthy();
    expect(event?.previousAnswersSealed).not.toMatch(/\b\d{12}\b/);
    const previous = sealedAnswers(event?.previousAnswersSealed ?? "", event?.id ?? 0);
    expect(previous).toMatchObject({ phone: "84912345678", birthProofFile: [oldFile] });

    // The new file now belongs to the dossier; answering again is refused.
    expect((await api.delete(`/api/files/${newFile.fileId}`)).status).toBe(409);
    const again = await api.post(`/api/dossiers/${code}/supplement`, { answers: { phone: "0987654321" } });
    expect(again.status).toBe(409);
  });

  it("a supplement asked during processing goes back to processing", async () => {
    const { api, code } = await dossierAwaitingSupplement("processing");
    const response = await api.post(`/api/dossiers/${code}/supplement`, { answers: { phone: "0987654321" } });
    expect(response.status).toBe(200);
    expect(dossierDetailSchema.parse(response.body)).toMatchObject({
      status: "processing",
      statusLabel: "Đang giải quyết",
    });
  });

  it("answers 409 when no supplement is pending, and 400 for an empty answer", async () => {
    const { api, code } = await dossierAwaitingSupplement();
    const empty = await api.post(`/api/dossiers/${code}/supplement`, { answers: {} });
    expect(empty.status).toBe(400);
    await database.handle.db.update(dossiers).set({ status: "processing" }).where(eq(dossiers.code, code));
    const none = await api.post(`/api/dossiers/${code}/supplement`, { answers: { phone: "0987654321" } });
    expect(none.status).toBe(409);
  });
});

function sealedAnswers(sealed: string, eventId: number): unknown {
  // The test app's sealer shares the key of the app under test (same DATA_DIR secrets).
  return createSealer(test.config.dataEncryptionKey).openJson(sealed, SEALED.previousAnswers(eventId));
}
