import { randomUUID } from "node:crypto";
import { CONSENT_NOTICE_VERSION } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dossiers, drafts, files } from "../../bot-server/src/db/schema";
import { call, signIn, sqlRows } from "../support/citizen-client";
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
  const common = { procedureCode: "1.001193", procedureVersion: 1, communeCode, answersSealed: "v1.x.y.z" };
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

  it("needs a session", async () => {
    expect((await call(ctx.test.app, "DELETE", "/api/profile")).status).toBe(401);
  });
});
