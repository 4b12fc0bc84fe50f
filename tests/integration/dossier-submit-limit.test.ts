import { randomUUID } from "node:crypto";
import { errorBodySchema } from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asCitizen, readyKhaiSinhDraft, signedInCitizen } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/** House rule SEC-4: a citizen submits at most 5 dossiers per 15 minutes; other citizens are not affected. */

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

function pastGeneralSecondLimit() {
  return new Promise((resolve) => setTimeout(resolve, 1_050));
}

async function citizen() {
  return asCitizen(test.app, await signedInCitizen(database.handle.db));
}

describe("POST /api/dossiers rate limit", () => {
  it("the sixth submission within 15 minutes is 429 with Retry-After and a Vietnamese wait", async () => {
    const api = await citizen();
    const drafts = [];
    // Three requests per draft: a pause every three drafts keeps under the general per-second limit,
    // which is not the one under test.
    for (let i = 0; i < 6; i += 1) {
      drafts.push((await readyKhaiSinhDraft(api)).draft);
      if (i % 3 === 2) await pastGeneralSecondLimit();
    }
    for (const draft of drafts.slice(0, 5)) {
      const filed = await api.post(
        "/api/dossiers",
        { draftId: draft.id },
        { "Idempotency-Key": randomUUID() },
      );
      expect(filed.status).toBe(201);
    }
    const sixth = await api.post(
      "/api/dossiers",
      { draftId: drafts[5]?.id },
      { "Idempotency-Key": randomUUID() },
    );
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Fixed 15-minute windows: near a window's end the wait is said in seconds.
    expect(errorBodySchema.parse(sixth.body).message).toMatch(/Vui lòng đợi khoảng \d+ (giây|phút)/);

    const other = await citizen();
    const { draft } = await readyKhaiSinhDraft(other);
    const theirs = await other.post(
      "/api/dossiers",
      { draftId: draft.id },
      { "Idempotency-Key": randomUUID() },
    );
    expect(theirs.status).toBe(201);
  });
});
