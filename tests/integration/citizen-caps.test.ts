import { randomUUID } from "node:crypto";
import { draftSchema, errorBodySchema, uploadedFileSchema } from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_OPEN_DRAFTS } from "../../bot-server/src/modules/drafts/quota";
import { MAX_PENDING_UPLOAD_BYTES } from "../../bot-server/src/modules/files/service";
import {
  type ApiResult,
  asCitizen,
  KHAI_SINH,
  SAMPLE_BYTES,
  signedInCitizen,
  TEST_COMMUNE,
} from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * Per-citizen caps (ASVS 2.4.1, anti-automation per user): 20 unsubmitted drafts and 50 MB of uploads
 * not yet part of a submitted dossier. Counted under the citizen's row lock, so parallel requests cannot
 * overshoot; what a citizen frees (a deleted draft or file) can be used again.
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

const MB = 1024 * 1024;
/** The general API limit (12 per second per citizen) is not under test: requests go in small waves. */
const WAVE = 10;
const pastOneSecond = () => new Promise((resolve) => setTimeout(resolve, 1_050));

async function inWaves(requests: (() => Promise<ApiResult>)[]): Promise<ApiResult[]> {
  const results: ApiResult[] = [];
  for (let start = 0; start < requests.length; start += WAVE) {
    if (start > 0) await pastOneSecond();
    results.push(...(await Promise.all(requests.slice(start, start + WAVE).map((send) => send()))));
  }
  return results;
}

async function citizen() {
  const api = asCitizen(test.app, await signedInCitizen(database.handle.db));
  const newDraft = () =>
    api.post("/api/drafts", { id: randomUUID(), procedureCode: KHAI_SINH, communeCode: TEST_COMMUNE });
  return { api, newDraft };
}

function jpegOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(SAMPLE_BYTES.jpeg.subarray(0, 4));
  return bytes;
}

describe("open drafts per citizen", () => {
  it(`allows ${MAX_OPEN_DRAFTS}, even to parallel creates; the next is 409 LIMIT_REACHED in Vietnamese`, async () => {
    const { api, newDraft } = await citizen();
    const first = await inWaves(Array.from({ length: MAX_OPEN_DRAFTS - 2 }, () => newDraft));
    expect(first.every((result) => result.status === 201)).toBe(true);
    await pastOneSecond();
    // Five at once with room for two: exactly two get in.
    const racing = await Promise.all(Array.from({ length: 5 }, newDraft));
    expect(racing.map((result) => result.status).sort()).toEqual([201, 201, 409, 409, 409]);
    const refused = errorBodySchema.parse(racing.find((result) => result.status === 409)?.body);
    expect(refused.code).toBe("LIMIT_REACHED");
    expect(refused.message).toMatch(/20 bản nháp chưa nộp.*xoá bớt bản nháp cũ/);

    const other = await citizen();
    expect((await other.newDraft()).status).toBe(201);

    const oldest = draftSchema.parse(first[0]?.body);
    expect((await api.delete(`/api/drafts/${oldest.id}`)).status).toBe(204);
    expect((await newDraft()).status).toBe(201);
  });
});

describe("upload bytes per citizen", () => {
  it("allows 50 MB of unsubmitted uploads; one more kilobyte is 409 LIMIT_REACHED; deleting frees room", async () => {
    const { api, newDraft } = await citizen();
    const fileSize = 5 * MB;
    const filesInQuota = MAX_PENDING_UPLOAD_BYTES / fileSize;
    // Three files per draft (the field's maxCount).
    const drafts = (
      await inWaves(Array.from({ length: Math.ceil((filesInQuota + 1) / 3) }, () => newDraft))
    ).map((result) => draftSchema.parse(result.body));
    const uploadTo =
      (index: number, size = fileSize) =>
      () =>
        api.upload(jpegOfSize(size), `anh-${index}.jpg`, {
          draftId: drafts[Math.floor(index / 3)]?.id ?? "",
          fieldId: "birthProofFile",
        });
    await pastOneSecond();
    const stored = await inWaves(Array.from({ length: filesInQuota }, (_, index) => uploadTo(index)));
    expect(stored.map((result) => result.status)).toEqual(Array(filesInQuota).fill(201));
    await pastOneSecond();

    const over = await uploadTo(filesInQuota, 1024)();
    expect(over.status).toBe(409);
    const refused = errorBodySchema.parse(over.body);
    expect(refused.code).toBe("LIMIT_REACHED");
    expect(refused.message).toMatch(/50 MB.*xoá bớt tệp/);

    const freed = uploadedFileSchema.parse(stored[0]?.body);
    expect((await api.delete(`/api/files/${freed.fileId}`)).status).toBe(204);
    expect((await uploadTo(filesInQuota, 1024)()).status).toBe(201);
  });
});
