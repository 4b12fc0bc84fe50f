import { randomUUID } from "node:crypto";
import { CONSENT_NOTICE_VERSION, uploadedFileSchema } from "@dvc/shared";
import { inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dossiers, drafts, files } from "../../bot-server/src/db/schema";
import { call, signIn, sqlRows } from "../support/citizen-client";
import { asCitizen, readyKhaiSinhDraft, SAMPLE_BYTES, signedInCitizen } from "../support/citizens";
import { zaloId } from "../support/fake-zalo-graph";
import { productionAppForFile } from "../support/production-app";

/**
 * DELETE /api/profile: the citizen's right to deletion. Their account, sessions, consents, profile, drafts
 * and draft files go; a submitted dossier stays as the commune's record, no longer linked to them.
 */

const ctx = productionAppForFile();
const { graph } = ctx;

async function rowsOf(table: string, column: string, citizenId: string): Promise<number> {
  const result = await sqlRows(
    ctx.database.handle.db,
    sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)} = ${citizenId}`,
  );
  return Number((result.rows[0] as { n: number }).n);
}

/** A draft with a file, and a submitted dossier with an attachment, as the drafts module would write them. */
async function fileSomething(citizenId: string) {
  const db = ctx.database.handle.db;
  const communes = await sqlRows(db, sql`select code from communes order by code limit 1`);
  const communeCode = String(communes.rows[0]?.code);
  const draftId = randomUUID();
  const common = { procedureCode: "1.001193", procedureVersion: 2, communeCode, answersSealed: "v1.x.y.z" };
  await db.insert(drafts).values({ id: draftId, citizenId, ...common });
  const code = `TEST-${Date.now()}`;
  await db.insert(dossiers).values({
    code,
    citizenId,
    draftId: randomUUID(),
    ...common,
    status: "received",
    submittedAt: new Date(),
    dueAt: new Date(Date.now() + 86_400_000),
    idempotencyKey: randomUUID(),
    requestHash: "hash",
  });
  const file = { mimeType: "application/pdf", sizeBytes: 10, sha256: "0".repeat(64), storageKey: "k" };
  const [draftFile] = await db
    .insert(files)
    .values({ ownerCitizenId: citizenId, draftId, name: "nhap.pdf", ...file })
    .returning({ id: files.id });
  const [dossierFile] = await db
    .insert(files)
    .values({ ownerCitizenId: citizenId, dossierCode: code, name: "ho-so.pdf", ...file })
    .returning({ id: files.id });
  return { code, draftFileId: draftFile?.id, dossierFileId: dossierFile?.id };
}

describe("DELETE /api/profile", () => {
  it("deletes everything of the citizen, ends every session, keeps submitted dossiers unlinked", async () => {
    const id = zaloId();
    const accessToken = graph.addUser({ id, name: "Cao Thị Xuân" });
    const phone = await signIn(ctx.test.app, accessToken);
    const tablet = await signIn(ctx.test.app, accessToken);
    const citizenId = phone.citizen.id;
    await call(ctx.test.app, "POST", "/api/consents", {
      token: phone.token,
      body: { purposes: ["prefill_profile"], noticeVersion: CONSENT_NOTICE_VERSION },
    });
    await call(ctx.test.app, "PUT", "/api/profile", { token: phone.token, body: { cccd: "001190012345" } });
    const filed = await fileSomething(citizenId);

    const deleted = await call(ctx.test.app, "DELETE", "/api/profile", { token: phone.token });
    expect(deleted.status).toBe(204);

    for (const token of [phone.token, tablet.token]) {
      expect((await call(ctx.test.app, "GET", "/api/auth/me", { token })).status).toBe(401);
    }
    expect(await rowsOf("citizens", "id", citizenId)).toBe(0);
    for (const table of ["citizen_sessions", "consents", "citizen_profiles", "drafts", "dossiers"]) {
      expect(await rowsOf(table, "citizen_id", citizenId), table).toBe(0);
    }
    const kept = await sqlRows(
      ctx.database.handle.db,
      sql`select citizen_id from dossiers where code = ${filed.code}`,
    );
    expect(kept.rows).toEqual([{ citizen_id: null }]);
    const remainingFiles = await sqlRows(ctx.database.handle.db, sql`select id, owner_citizen_id from files`);
    expect(remainingFiles.rows).toEqual([{ id: filed.dossierFileId, owner_citizen_id: null }]);
    expect(ctx.test.rawLogs().join("\n")).toContain("citizen data deleted");

    // Signing in again with the same Zalo account starts afresh.
    const again = await signIn(ctx.test.app, accessToken);
    expect(again.citizen.id).not.toBe(citizenId);
    expect(again.consentGiven).toBe(false);
  });

  it("removes the bytes of the draft uploads from storage; the filed dossier's stay", async () => {
    const db = ctx.database.handle.db;
    const citizen = await signedInCitizen(db);
    const api = asCitizen(ctx.test.app, citizen);
    const filed = await readyKhaiSinhDraft(api);
    const submitted = await api.post(
      "/api/dossiers",
      { draftId: filed.draft.id },
      { "Idempotency-Key": randomUUID() },
    );
    expect(submitted.status).toBe(201);
    const pending = await readyKhaiSinhDraft(api);
    const second = await api.upload(SAMPLE_BYTES.pdf, "CCCD 001095012345.pdf", {
      draftId: pending.draft.id,
      fieldId: "birthProofFile",
    });
    expect(second.status).toBe(201);
    const keysOf = async (fileIds: string[]) =>
      (await db.select({ key: files.storageKey }).from(files).where(inArray(files.id, fileIds))).map(
        (row) => row.key,
      );
    const draftKeys = await keysOf([pending.file.fileId, uploadedFileSchema.parse(second.body).fileId]);
    const [dossierKey] = await keysOf([filed.file.fileId]);
    expect(draftKeys).toHaveLength(2);
    const blobs = async () =>
      (await sqlRows(db, sql`select storage_key from file_blobs`)).rows.map((row) => String(row.storage_key));
    expect(await blobs()).toEqual(expect.arrayContaining([...draftKeys, dossierKey]));

    expect((await api.delete("/api/profile")).status).toBe(204);

    const left = await blobs();
    for (const key of draftKeys) expect(left).not.toContain(key);
    expect(left).toContain(dossierKey);
    const queued = await sqlRows(db, sql`select count(*)::int as n from storage_deletions`);
    expect(queued.rows).toEqual([{ n: 0 }]);
  });

  it("needs a session", async () => {
    expect((await call(ctx.test.app, "DELETE", "/api/profile")).status).toBe(401);
  });
});
