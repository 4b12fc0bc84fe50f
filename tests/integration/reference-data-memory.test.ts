import {
  CATALOG,
  communeDetailSchema,
  communeSearchResponseSchema,
  procedureDefinitionSchema,
  procedureListResponseSchema,
} from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCatalog } from "../../bot-server/src/modules/procedures/catalog-sync";
import { loadCommuneIndex } from "../../bot-server/src/modules/units";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * Reference data that changes only with a release is answered from memory once read at start, as
 * server.ts does (the catalog written by prepareDatabase's syncCatalog, the communes by
 * loadCommuneIndex): proved here by closing the database after start-up and asking again.
 */

let database: FreshDatabase;
let test: TestApp;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  // What start-up does before serving.
  await syncCatalog(database.handle.db, CATALOG, test.logger);
  await loadCommuneIndex(database.handle.db);
  await database.handle.close();
});

afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});

async function okJson(path: string): Promise<unknown> {
  const response = await test.app.request(path);
  expect(response.status, path).toBe(200);
  return response.json();
}

describe("with the database gone after start-up", () => {
  it("still searches communes by new and old names, and looks one up", async () => {
    const search = communeSearchResponseSchema.parse(await okJson("/api/units/communes?q=hang%20bai"));
    expect(search.communes.map((c) => c.code)).toEqual(["00082"]);
    expect(search.communes[0]?.matchedOldNames).toEqual(["Phường Hàng Bài (Quận Hoàn Kiếm)"]);
    const detail = communeDetailSchema.parse(await okJson("/api/units/communes/00292"));
    expect(detail).toMatchObject({ name: "Phường Bạch Mai", provinceName: "Thành phố Hà Nội" });
    expect((await test.app.request("/api/units/communes/99999")).status).toBe(404);
  });

  it("still lists the catalog and answers each procedure's current definition", async () => {
    const list = procedureListResponseSchema.parse(await okJson("/api/procedures?q=khai%20sinh"));
    expect(list.procedures[0]?.code).toBe("1.001193");
    const khaiSinh = CATALOG.find((p) => p.code === "1.001193");
    const detail = procedureDefinitionSchema.parse(await okJson("/api/procedures/1.001193"));
    expect(detail).toEqual(khaiSinh);
    const exact = procedureDefinitionSchema.parse(
      await okJson(`/api/procedures/1.001193?version=${khaiSinh?.version}`),
    );
    expect(exact).toEqual(khaiSinh);
  });

  it("is really gone: a route that needs it does not answer 200", async () => {
    const response = await test.app.request("/api/auth/me", {
      headers: { Authorization: "Bearer no-such-session-token-anywhere" },
    });
    expect(response.status).toBeGreaterThanOrEqual(500);
  });
});
