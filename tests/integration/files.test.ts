import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { draftSchema, errorBodySchema, uploadedFileSchema } from "@dvc/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileBlobs, files } from "../../bot-server/src/db/schema";
import { canReadFile } from "../../bot-server/src/modules/files/access";
import { createFileStorage, newStorageKey } from "../../bot-server/src/storage";
import { asCitizen, KHAI_SINH, SAMPLE_BYTES, signedInCitizen, TEST_COMMUNE } from "../support/citizens";
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

const MB = 1024 * 1024;
const FIELD = "birthProofFile";

async function citizenWithDraft(options: { consent?: boolean } = {}) {
  const signedIn = await signedInCitizen(database.handle.db, options);
  const api = asCitizen(test.app, signedIn);
  const created = await api.post("/api/drafts", {
    id: randomUUID(),
    procedureCode: KHAI_SINH,
    communeCode: TEST_COMMUNE,
  });
  const draft = draftSchema.parse(created.body);
  const upload = (bytes: Uint8Array, name: string, fieldId = FIELD) =>
    api.upload(bytes, name, { draftId: draft.id, fieldId });
  return { ...signedIn, api, draft, upload };
}

/** A buffer of `size` bytes starting with JPEG's magic bytes. */
function jpegOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(SAMPLE_BYTES.jpeg.subarray(0, 4));
  return bytes;
}

describe("POST /api/files: what is accepted", () => {
  it.each([
    ["PDF", SAMPLE_BYTES.pdf, "giay-chung-sinh.pdf", "application/pdf", "giay-chung-sinh.pdf"],
    ["PNG", SAMPLE_BYTES.png, "anh.png", "image/png", "anh.png"],
    [
      "JPEG (extension lower-cased)",
      SAMPLE_BYTES.jpeg,
      "Giấy chứng sinh.JPG",
      "image/jpeg",
      "Giấy chứng sinh.jpg",
    ],
    ["PNG saved as .jpg (renamed to .png)", SAMPLE_BYTES.png, "chup.jpg", "image/png", "chup.png"],
    ["no extension (one is added)", SAMPLE_BYTES.pdf, "scan", "application/pdf", "scan.pdf"],
  ])("%s → 201 with a server-made id", async (_label, bytes, name, mimeType, storedName) => {
    const { upload } = await citizenWithDraft();
    const response = await upload(bytes, name);
    expect(response.status).toBe(201);
    const uploaded = uploadedFileSchema.parse(response.body);
    expect(uploaded).toMatchObject({ mimeType, name: storedName, sizeBytes: bytes.length });
    expect(uploaded.fileId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("judges by the bytes, not the claimed type: an .exe renamed .jpg sent as image/jpeg → 400", async () => {
    const { auth, draft } = await citizenWithDraft();
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(SAMPLE_BYTES.exe)], { type: "image/jpeg" }), "anh.jpg");
    form.set("draftId", draft.id);
    form.set("fieldId", FIELD);
    const response = await test.app.request("/api/files", { method: "POST", body: form, headers: auth });
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(await response.json()).message).toMatch(
      /Chỉ nhận ảnh JPG, PNG hoặc tệp PDF/,
    );
  });

  it("refuses a real image whose name says it is something else (.html) → 400", async () => {
    const { upload } = await citizenWithDraft();
    const response = await upload(SAMPLE_BYTES.jpeg, "trang.html");
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(response.body).message).toMatch(/“\.html”/);
  });

  it("refuses an empty file (400), 5 MB + 1 byte (413) and a body far over the limit (413)", async () => {
    const { upload } = await citizenWithDraft();
    const empty = await upload(new Uint8Array(0), "rong.jpg");
    expect(empty.status).toBe(400);
    expect(errorBodySchema.parse(empty.body).message).toMatch(/0 byte/);
    const justOver = await upload(jpegOfSize(5 * MB + 1), "lon.jpg");
    expect(justOver.status).toBe(413);
    expect(errorBodySchema.parse(justOver.body).message).toMatch(/5 MB/);
    const exactly = await upload(jpegOfSize(5 * MB), "vua.jpg");
    expect(exactly.status).toBe(201);
    const huge = await upload(jpegOfSize(8 * MB), "rat-lon.jpg");
    expect(huge.status).toBe(413);
    expect(errorBodySchema.parse(huge.body).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a field that takes no files, and more files than the field's maxCount (3)", async () => {
    const { upload } = await citizenWithDraft();
    const notAttachment = await upload(SAMPLE_BYTES.pdf, "a.pdf", "phone");
    expect(notAttachment.status).toBe(400);
    expect(errorBodySchema.parse(notAttachment.body).fields?.fieldId).toMatch(/không nhận tệp/);
    for (let i = 0; i < 3; i += 1) expect((await upload(SAMPLE_BYTES.pdf, `${i}.pdf`)).status).toBe(201);
    const fourth = await upload(SAMPLE_BYTES.pdf, "4.pdf");
    expect(fourth.status).toBe(400);
    expect(errorBodySchema.parse(fourth.body).message).toMatch(/tối đa 3 tệp/);
  });

  it("needs a live consent (409 consent_required) and stores no bytes without it", async () => {
    const { upload } = await citizenWithDraft({ consent: false });
    const before = (await database.handle.db.select().from(fileBlobs)).length;
    const response = await upload(SAMPLE_BYTES.pdf, "a.pdf");
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: "CONFLICT", reason: "consent_required" });
    expect((await database.handle.db.select().from(fileBlobs)).length).toBe(before);
  });

  it("needs one of draftId / dossierCode, and a file part", async () => {
    const { api, auth, draft } = await citizenWithDraft();
    const noTarget = await api.upload(SAMPLE_BYTES.pdf, "a.pdf", { fieldId: FIELD });
    expect(noTarget.status).toBe(400);
    const form = new FormData();
    form.set("file", "not a file");
    form.set("draftId", draft.id);
    form.set("fieldId", FIELD);
    const response = await test.app.request("/api/files", { method: "POST", body: form, headers: auth });
    expect(response.status).toBe(400);
  });
});

describe("GET /api/files/:id and DELETE", () => {
  it("serves the bytes to the owner only, as an attachment with a safe name", async () => {
    const owner = await citizenWithDraft();
    const uploaded = uploadedFileSchema.parse(
      (await owner.upload(SAMPLE_BYTES.pdf, 'Giấy "chứng" sinh.pdf')).body,
    );
    const response = await test.app.request(`/api/files/${uploaded.fileId}`, { headers: owner.auth });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(SAMPLE_BYTES.pdf);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const disposition = response.headers.get("Content-Disposition") ?? "";
    expect(disposition).toMatch(/^attachment; /);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent("Giấy chứng sinh.pdf")}`);
    expect(disposition).toContain('filename="Giay chung sinh.pdf"');
  });

  it("another citizen gets 404 on GET and DELETE; so does an unknown or malformed id", async () => {
    const owner = await citizenWithDraft();
    const other = await citizenWithDraft();
    const uploaded = uploadedFileSchema.parse((await owner.upload(SAMPLE_BYTES.png, "a.png")).body);
    expect((await other.api.get(`/api/files/${uploaded.fileId}`)).status).toBe(404);
    expect((await other.api.delete(`/api/files/${uploaded.fileId}`)).status).toBe(404);
    expect((await other.api.get(`/api/files/${randomUUID()}`)).status).toBe(404);
    expect((await other.api.get("/api/files/..%2F..%2Fetc%2Fpasswd")).status).toBe(404);
    // Nor can another citizen upload into the owner's draft.
    const intoOthers = await other.api.upload(SAMPLE_BYTES.pdf, "a.pdf", {
      draftId: owner.draft.id,
      fieldId: FIELD,
    });
    expect(intoOthers.status).toBe(404);
    expect((await owner.api.get(`/api/files/${uploaded.fileId}`)).status).toBe(200);
  });

  it("the owner deletes a file not yet submitted (204): row and bytes are gone", async () => {
    const owner = await citizenWithDraft();
    const uploaded = uploadedFileSchema.parse((await owner.upload(SAMPLE_BYTES.png, "a.png")).body);
    const [row] = await database.handle.db.select().from(files).where(eq(files.id, uploaded.fileId));
    expect((await owner.api.delete(`/api/files/${uploaded.fileId}`)).status).toBe(204);
    expect((await owner.api.get(`/api/files/${uploaded.fileId}`)).status).toBe(404);
    const blobs = await database.handle.db
      .select()
      .from(fileBlobs)
      .where(eq(fileBlobs.storageKey, row?.storageKey ?? ""));
    expect(blobs).toEqual([]);
  });

  it("an officer reads a filed dossier's attachment of their commune only, never an unfiled upload", () => {
    const code = "00292-K7M4-RX26";
    const filed = { ownerCitizenId: randomUUID(), dossierCode: code, dossierCommuneCode: "00292" };
    const officer = { kind: "officer", officerId: "o1", communeCode: "00292", dossierCode: code } as const;
    expect(canReadFile(officer, filed)).toBe(true);
    expect(canReadFile({ ...officer, communeCode: "00070" }, filed)).toBe(false);
    expect(canReadFile({ ...officer, dossierCode: "00292-AAAA-BBBB" }, filed)).toBe(false);
    expect(canReadFile(officer, { ...filed, dossierCode: null, dossierCommuneCode: null })).toBe(false);
    expect(canReadFile({ kind: "citizen", citizenId: filed.ownerCitizenId }, filed)).toBe(true);
    expect(canReadFile({ kind: "citizen", citizenId: randomUUID() }, filed)).toBe(false);
  });
});

describe("file storage backends", () => {
  it("the folder backend puts, gets and deletes under DATA_DIR/files, and refuses a path-like key", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "dvc-files-"));
    try {
      const storage = createFileStorage("folder", { db: database.handle.db, dataDir });
      const key = newStorageKey();
      await storage.put(key, SAMPLE_BYTES.png);
      expect(await storage.get(key)).toEqual(Buffer.from(SAMPLE_BYTES.png));
      await storage.delete(key);
      expect(await storage.get(key)).toBeUndefined();
      await storage.delete(key);
      await expect(storage.put("../escape", SAMPLE_BYTES.png)).rejects.toThrow(/invalid storage key/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("the database backend does the same in file_blobs", async () => {
    const storage = createFileStorage("database", { db: database.handle.db, dataDir: tmpdir() });
    const key = newStorageKey();
    await storage.put(key, SAMPLE_BYTES.jpeg);
    expect(new Uint8Array((await storage.get(key)) ?? [])).toEqual(SAMPLE_BYTES.jpeg);
    await storage.delete(key);
    expect(await storage.get(key)).toBeUndefined();
  });
});
