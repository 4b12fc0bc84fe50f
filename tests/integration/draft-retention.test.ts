import { randomUUID } from "node:crypto";
import { draftSchema } from "@dvc/shared";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drafts } from "../../bot-server/src/db/schema";
import { DRAFT_RETENTION_DAYS, purgeStaleDrafts } from "../../bot-server/src/modules/drafts/retention";
import { defaultFileStorage } from "../../bot-server/src/storage";
import { asCitizen, KHAI_SINH, signedInCitizen, TEST_COMMUNE } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/** The consent notice promises unsubmitted drafts are kept at most 90 days after their last change. */

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

async function draftLastChanged(daysAgo: number): Promise<string> {
  const signedIn = await signedInCitizen(database.handle.db);
  const api = asCitizen(test.app, signedIn);
  const response = await api.post("/api/drafts", {
    id: randomUUID(),
    procedureCode: KHAI_SINH,
    communeCode: TEST_COMMUNE,
  });
  const { id } = draftSchema.parse(response.body);
  const updatedAt = new Date(Date.now() - daysAgo * 24 * 3600 * 1000);
  await database.handle.db.update(drafts).set({ updatedAt }).where(eq(drafts.id, id));
  return id;
}

async function exists(id: string): Promise<boolean> {
  return (await database.handle.db.select().from(drafts).where(eq(drafts.id, id))).length === 1;
}

describe("draft retention", () => {
  it(`deletes unsubmitted drafts untouched for ${DRAFT_RETENTION_DAYS} days and keeps the rest`, async () => {
    const stale = await draftLastChanged(DRAFT_RETENTION_DAYS + 1);
    const recent = await draftLastChanged(DRAFT_RETENTION_DAYS - 1);
    const submitted = await draftLastChanged(DRAFT_RETENTION_DAYS + 30);
    await database.handle.db
      .update(drafts)
      .set({ submittedDossierCode: "00292-AAAA-AAAA" })
      .where(eq(drafts.id, submitted));

    const storage = defaultFileStorage({ db: database.handle.db, dataDir: test.config.dataDir });
    expect(await purgeStaleDrafts(database.handle.db, storage)).toBe(1);
    expect(await exists(stale)).toBe(false);
    expect(await exists(recent)).toBe(true);
    expect(await exists(submitted)).toBe(true);
    expect(await purgeStaleDrafts(database.handle.db, storage)).toBe(0);
  });
});
