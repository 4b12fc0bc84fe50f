import {
  type CommuneDetail,
  type CommuneSearchResponse,
  communeDetailSchema,
  communeSearchResponseSchema,
  type ErrorBody,
  errorBodySchema,
} from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

async function search(query: string): Promise<CommuneSearchResponse> {
  const response = await test.app.request(`/api/units/communes${query}`);
  expect(response.status).toBe(200);
  return communeSearchResponseSchema.parse(await response.json());
}

async function errorOf(path: string, status: number): Promise<ErrorBody> {
  const response = await test.app.request(path);
  expect(response.status).toBe(status);
  return errorBodySchema.parse(await response.json());
}

describe("GET /api/units/communes", () => {
  it("finds Phường Bạch Mai first for 'bach mai', with the old ward that matched", async () => {
    const { communes } = await search("?q=bach%20mai");
    expect(communes[0]).toMatchObject({
      code: "00292",
      name: "Phường Bạch Mai",
      type: "Phường",
      provinceCode: "01",
    });
    expect(communes[0]?.matchedOldNames).toContain("Phường Bạch Mai (Quận Hai Bà Trưng)");
  });

  it("ranks the same with diacritics and a unit word ('Phường Bạch Mai')", async () => {
    const { communes } = await search(`?q=${encodeURIComponent("Phường Bạch Mai")}`);
    expect(communes[0]?.code).toBe("00292");
  });

  it("finds a pre-2025 ward typed without diacritics: 'hang bai' → Phường Cửa Nam", async () => {
    const { communes } = await search("?q=hang%20bai");
    expect(communes.map((c) => c.code)).toEqual(["00082"]);
    expect(communes[0]).toMatchObject({ name: "Phường Cửa Nam" });
    expect(communes[0]?.matchedOldNames).toEqual(["Phường Hàng Bài (Quận Hoàn Kiếm)"]);
  });

  it("lists all 126 Hà Nội communes for an empty query, without matched old names", async () => {
    for (const query of ["", "?q=", "?q=%20%20"]) {
      const { communes } = await search(query);
      expect(communes).toHaveLength(126);
      expect(new Set(communes.map((c) => c.code)).size).toBe(126);
      expect(communes.every((c) => c.provinceCode === "01" && c.matchedOldNames.length === 0)).toBe(true);
    }
  });

  it("searches another province with province=79 (Hồ Chí Minh City)", async () => {
    const all = await search("?province=79");
    expect(all.communes).toHaveLength(168);
    expect(all.communes.every((c) => c.provinceCode === "79")).toBe(true);
    const { communes } = await search("?province=79&q=sai%20gon");
    expect(communes[0]).toMatchObject({ code: "26740", name: "Phường Sài Gòn" });
    // Hà Nội's Bạch Mai is not found when searching in Hồ Chí Minh City.
    const elsewhere = await search("?province=79&q=bach%20mai");
    expect(elsewhere.communes.map((c) => c.code)).not.toContain("00292");
  });

  it("answers an empty list for a name that exists nowhere", async () => {
    expect((await search("?q=khong%20ton%20tai%20xyz")).communes).toEqual([]);
  });

  it("rejects a malformed province code with 400 VALIDATION_FAILED naming the field", async () => {
    const body = await errorOf("/api/units/communes?province=1", 400);
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.fields?.province).toBe("Mã tỉnh gồm 2 chữ số");
  });

  it("rejects a query longer than 100 characters", async () => {
    const body = await errorOf(`/api/units/communes?q=${"a".repeat(101)}`, 400);
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(Object.keys(body.fields ?? {})).toEqual(["q"]);
  });
});

describe("GET /api/units/communes/:code", () => {
  it("returns the commune with its province and every predecessor", async () => {
    const response = await test.app.request("/api/units/communes/00292");
    expect(response.status).toBe(200);
    const detail: CommuneDetail = communeDetailSchema.parse(await response.json());
    expect(detail).toMatchObject({
      code: "00292",
      name: "Phường Bạch Mai",
      type: "Phường",
      provinceCode: "01",
      provinceName: "Thành phố Hà Nội",
    });
    expect(detail.predecessors).toHaveLength(9);
    expect(detail.predecessors).toContainEqual({
      code: "00292",
      name: "Phường Bạch Mai",
      district: "Quận Hai Bà Trưng",
      scope: "full",
    });
    expect(detail.predecessors).toContainEqual({
      code: "00232",
      name: "Phường Phương Mai",
      district: "Quận Đống Đa",
      scope: "partial",
    });
  });

  it("returns a commune outside Hà Nội with no predecessors", async () => {
    const response = await test.app.request("/api/units/communes/26740");
    expect(response.status).toBe(200);
    expect(communeDetailSchema.parse(await response.json())).toMatchObject({
      name: "Phường Sài Gòn",
      provinceName: "Thành phố Hồ Chí Minh",
      predecessors: [],
    });
  });

  it("answers 404 NOT_FOUND for an unknown code", async () => {
    const body = await errorOf("/api/units/communes/99999", 404);
    expect(body.code).toBe("NOT_FOUND");
    expect(body.message).toBe("Không tìm thấy xã/phường với mã này.");
  });

  it("answers 400 for a code that is not 5 digits", async () => {
    const body = await errorOf("/api/units/communes/abc", 400);
    expect(body).toMatchObject({ code: "VALIDATION_FAILED", fields: { code: "Mã xã/phường gồm 5 chữ số" } });
  });
});
