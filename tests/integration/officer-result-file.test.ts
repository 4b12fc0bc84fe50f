import { randomUUID } from "node:crypto";
import {
  dossierDetailSchema,
  dossierSummarySchema,
  errorBodySchema,
  officerDossierSchema,
  officerSignInResponseSchema,
  RESULT_FILE_NOTE,
  uploadedFileSchema,
} from "@dvc/shared";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, deliveries, dossiers, files } from "../../bot-server/src/db/schema";
import { createOfficer } from "../../bot-server/src/modules/officer-auth";
import { call, randomTestIp } from "../support/citizen-client";
import {
  asCitizen,
  type CitizenApi,
  readyKhaiSinhDraft,
  SAMPLE_BYTES,
  signedInCitizen,
  TEST_COMMUNE,
} from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * The electronic result (issue 11): an officer of the dossier's commune uploads the result file, names
 * it in the "result_ready" move, and the citizen downloads it; another commune's officer is a 404 and
 * leaves nothing behind; another dossier's file is refused.
 */

const OTHER_COMMUNE = "00070";
const PASSWORD = "mat-khau-thu-nghiem-2026";

let database: FreshDatabase;
let test: TestApp;
const db = () => database.handle.db;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  await createOfficer(db(), {
    username: "canbo.kq",
    password: PASSWORD,
    role: "officer",
    communeCode: TEST_COMMUNE,
  });
  await createOfficer(db(), {
    username: "canbo.khac",
    password: PASSWORD,
    role: "officer",
    communeCode: OTHER_COMMUNE,
  });
});
afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});

async function tokenOf(username: string): Promise<string> {
  const response = await call(test.app, "POST", "/api/officer/session", {
    body: { username, password: PASSWORD },
    ip: randomTestIp(),
  });
  expect(response.status).toBe(200);
  return officerSignInResponseSchema.parse(response.body).token;
}

/** A khai sinh filed at TEST_COMMUNE and received by its officer (so "result_ready" is allowed). */
async function receivedDossier(
  token: string,
): Promise<{ code: string; api: CitizenApi; auth: Record<string, string> }> {
  const citizen = await signedInCitizen(db());
  const api = asCitizen(test.app, citizen);
  const { draft } = await readyKhaiSinhDraft(api);
  const filed = await api.post("/api/dossiers", { draftId: draft.id }, { "Idempotency-Key": randomUUID() });
  const { code } = dossierSummarySchema.parse(filed.body);
  expect((await moveTo(token, code, { to: "received" })).status).toBe(200);
  return { code, api, auth: citizen.auth };
}

const moveTo = (token: string, code: string, body: unknown) =>
  call(test.app, "POST", `/api/officer/dossiers/${code}/status`, {
    token,
    body,
    headers: { "Idempotency-Key": randomUUID() },
  });

async function uploadResult(token: string, code: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(bytes)]), name);
  const response = await test.app.request(
    `/api/officer/dossiers/${code}/result-file`,
    { method: "POST", body: form, headers: { Authorization: `Bearer ${token}` } },
    { incoming: { socket: { remoteAddress: randomTestIp() } } },
  );
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function filesOf(code: string) {
  return db().select().from(files).where(eq(files.dossierCode, code));
}

describe("the result file of a dossier", () => {
  it("is uploaded by the commune's officer, named by result_ready, and downloaded by the citizen", async () => {
    const token = await tokenOf("canbo.kq");
    const { code, api, auth } = await receivedDossier(token);
    const before = (await filesOf(code)).length;

    const uploaded = await uploadResult(token, code, SAMPLE_BYTES.pdf, "ket-qua.pdf");
    expect(uploaded.status).toBe(201);
    const file = uploadedFileSchema.parse(uploaded.body);
    expect(file).toMatchObject({
      name: "ket-qua.pdf",
      mimeType: "application/pdf",
      sizeBytes: SAMPLE_BYTES.pdf.length,
    });
    expect((await filesOf(code)).length).toBe(before + 1);
    const [audited] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.dossierCode, code), eq(auditLog.action, "dossier.result_file")));
    expect(audited?.detail).toMatchObject({ fileId: file.fileId });

    // Not yet the result: the citizen's page offers it only once the move names it.
    expect(dossierDetailSchema.parse((await api.get(`/api/dossiers/${code}`)).body).resultFile).toBeNull();

    const moved = await moveTo(token, code, { to: "result_ready", result: { fileId: file.fileId } });
    expect(moved.status).toBe(200);

    const detail = dossierDetailSchema.parse((await api.get(`/api/dossiers/${code}`)).body);
    expect(detail.status).toBe("result_ready");
    expect(detail.resultFile).toEqual({ fileId: file.fileId, name: "ket-qua.pdf" });
    expect(detail.timeline.at(-1)?.note).toContain(RESULT_FILE_NOTE);

    const [message] = await db()
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.dossierCode, code), sql`${deliveries.payload}->>'status' = 'result_ready'`));
    expect(JSON.stringify(message?.payload)).toContain("Tải kết quả");

    const download = await test.app.request(`/api/files/${file.fileId}`, {
      headers: auth,
    });
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(SAMPLE_BYTES.pdf);

    // The commune's officers read it as any attachment of the dossier.
    const officerRead = await test.app.request(
      `/api/officer/dossiers/${code}/files/${file.fileId}`,
      { headers: { Authorization: `Bearer ${token}` } },
      { incoming: { socket: { remoteAddress: randomTestIp() } } },
    );
    expect(officerRead.status).toBe(200);
    const officerView = await call(test.app, "GET", `/api/officer/dossiers/${code}`, { token });
    expect(officerDossierSchema.parse(officerView.body).resultFile).toEqual({
      fileId: file.fileId,
      name: "ket-qua.pdf",
    });
  });

  it("is a 404 for another commune's officer, and nothing is stored", async () => {
    const token = await tokenOf("canbo.kq");
    const { code } = await receivedDossier(token);
    const before = await filesOf(code);
    const other = await tokenOf("canbo.khac");

    const refused = await uploadResult(other, code, SAMPLE_BYTES.pdf, "ket-qua.pdf");
    expect(refused.status).toBe(404);
    expect(await filesOf(code)).toEqual(before);
    const audited = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.dossierCode, code), eq(auditLog.action, "dossier.result_file")));
    expect(audited).toEqual([]);
  });

  it("takes a file of up to 5 MB past the app's small-body limit, and refuses a larger one (413)", async () => {
    const token = await tokenOf("canbo.kq");
    const { code } = await receivedDossier(token);
    const before = (await filesOf(code)).length;
    const jpegOf = (size: number) => {
      const bytes = new Uint8Array(size);
      bytes.set(SAMPLE_BYTES.jpeg.subarray(0, 4));
      return bytes;
    };
    const big = await uploadResult(token, code, jpegOf(2 * 1024 * 1024), "ket-qua.jpg");
    expect(big.status).toBe(201);
    const tooBig = await uploadResult(token, code, jpegOf(5 * 1024 * 1024 + 1), "ket-qua.jpg");
    expect(tooBig.status).toBe(413);
    expect(errorBodySchema.parse(tooBig.body).message).toMatch(/5 MB/);
    expect((await filesOf(code)).length).toBe(before + 1);
  });

  it("is refused for a dossier that cannot be marked ready (a refused one), and nothing is stored", async () => {
    const token = await tokenOf("canbo.kq");
    const { code } = await receivedDossier(token);
    expect((await moveTo(token, code, { to: "stopped", reason: "Người dân không bổ sung" })).status).toBe(
      200,
    );
    const before = await filesOf(code);
    const refused = await uploadResult(token, code, SAMPLE_BYTES.pdf, "ket-qua.pdf");
    expect(refused.status).toBe(409);
    expect(errorBodySchema.parse(refused.body).message).toMatch(/chưa thể gửi kết quả/);
    expect(await filesOf(code)).toEqual(before);
  });

  it("refuses what is no PDF or image by its bytes", async () => {
    const token = await tokenOf("canbo.kq");
    const { code } = await receivedDossier(token);
    const before = await filesOf(code);
    const refused = await uploadResult(token, code, SAMPLE_BYTES.exe, "ket-qua.pdf");
    expect(refused.status).toBe(400);
    expect(errorBodySchema.parse(refused.body).message).toMatch(/Chỉ nhận ảnh JPG, PNG hoặc tệp PDF/);
    expect(await filesOf(code)).toEqual(before);
  });

  it("refuses a file of another dossier, and a result_ready with neither place nor file", async () => {
    const token = await tokenOf("canbo.kq");
    const first = await receivedDossier(token);
    const second = await receivedDossier(token);
    const file = uploadedFileSchema.parse(
      (await uploadResult(token, first.code, SAMPLE_BYTES.png, "ket-qua.png")).body,
    );

    const wrong = await moveTo(token, second.code, { to: "result_ready", result: { fileId: file.fileId } });
    expect(wrong.status).toBe(400);
    expect(errorBodySchema.parse(wrong.body).fields?.["result.fileId"]).toMatch(/không thuộc hồ sơ này/);
    const [row] = await db().select().from(dossiers).where(eq(dossiers.code, second.code));
    expect(row?.status).toBe("received");

    // The citizen's own attachment of the dossier is no result file either.
    const [attachment] = (await filesOf(second.code)).filter((candidate) => candidate.fieldId !== "ketQua");
    const notResult = await moveTo(token, second.code, {
      to: "result_ready",
      result: { fileId: attachment?.id },
    });
    expect(notResult.status).toBe(400);

    const empty = await moveTo(token, second.code, { to: "result_ready", result: {} });
    expect(empty.status).toBe(400);
    expect(errorBodySchema.parse(empty.body).fields?.["result.pickUp"]).toMatch(/tệp kết quả/);

    const pickUpOnly = await moveTo(token, second.code, {
      to: "result_ready",
      result: { pickUp: "Bộ phận một cửa, 14:00 thứ Ba" },
    });
    expect(pickUpOnly.status).toBe(200);
    const detail = dossierDetailSchema.parse((await second.api.get(`/api/dossiers/${second.code}`)).body);
    expect(detail.resultFile).toBeNull();
  });
});
