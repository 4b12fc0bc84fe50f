import { randomUUID } from "node:crypto";
import { dossierDetailSchema, dossierListResponseSchema, dossierSummarySchema } from "@dvc/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dossiers } from "../../bot-server/src/db/schema";
import { asCitizen, readyKhaiSinhDraft, signedInCitizen, TEST_CCCD } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * Whose dossier it is (the child of a birth registration), opened from the sealed answers for the owner
 * only: on the receipt, in the list and on the tracking page; never stored in the clear, never a CCCD.
 */

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
  return asCitizen(test.app, signedIn);
}

describe("the dossier's subject", () => {
  it("names the child on the receipt, the list and the detail, for the owner only", async () => {
    const owner = await citizen();
    const other = await citizen();
    const { draft } = await readyKhaiSinhDraft(owner);
    const receipt = await owner.post(
      "/api/dossiers",
      { draftId: draft.id },
      { "Idempotency-Key": randomUUID() },
    );
    expect(receipt.status).toBe(201);
    const filed = dossierSummarySchema.parse(receipt.body);
    expect(filed.subjectName).toBe("Nguyễn Minh An");

    const list = dossierListResponseSchema.parse((await owner.get("/api/dossiers")).body);
    expect(list.dossiers.map((dossier) => [dossier.code, dossier.subjectName])).toEqual([
      [filed.code, "Nguyễn Minh An"],
    ]);
    const detail = dossierDetailSchema.parse((await owner.get(`/api/dossiers/${filed.code}`)).body);
    expect(detail.subjectName).toBe("Nguyễn Minh An");

    // Someone else's list stays empty: the query is scoped to the owner before anything is opened.
    expect(dossierListResponseSchema.parse((await other.get("/api/dossiers")).body).dossiers).toEqual([]);
    // The list carries names, not identity numbers; the row keeps no name in the clear.
    expect(JSON.stringify(list)).not.toContain(TEST_CCCD);
    const [row] = await database.handle.db.select().from(dossiers).where(eq(dossiers.code, filed.code));
    expect(JSON.stringify(row)).not.toContain("Nguyễn Minh An");
  });
});
