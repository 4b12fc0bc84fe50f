import {
  CATALOG,
  errorBodySchema,
  type ProcedureDefinition,
  procedureDefinitionSchema,
  procedureListResponseSchema,
} from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogVersionError, syncCatalog } from "../../bot-server/src/modules/procedures/catalog-sync";
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

async function list(query = "") {
  const response = await test.app.request(`/api/procedures${query}`);
  expect(response.status).toBe(200);
  return procedureListResponseSchema.parse(await response.json()).procedures;
}

async function detail(path: string): Promise<ProcedureDefinition> {
  const response = await test.app.request(`/api/procedures/${path}`);
  expect(response.status).toBe(200);
  return procedureDefinitionSchema.parse(await response.json());
}

describe("GET /api/procedures", () => {
  it("lists all 30 procedures of the catalog, at least 15 of them fileable online", async () => {
    const all = await list();
    expect(all).toHaveLength(30);
    expect((await list("?online=true")).length).toBeGreaterThanOrEqual(15);
  });

  it("finds the procedure from how a citizen writes it", async () => {
    expect((await list("?q=lam%20giay%20khai%20sinh%20cho%20con"))[0]?.code).toBe("1.001193");
    expect((await list("?q=dang%20ky%20tam%20tru"))[0]?.code).toBe("1.004194");
    expect((await list("?q=xin%20giay%20phep%20xay%20nha"))[0]?.code).toBe("1.013225");
  });

  it("filters by sector", async () => {
    const civilStatus = await list(`?sector=${encodeURIComponent("Hộ tịch")}`);
    expect(civilStatus.length).toBeGreaterThan(3);
    expect(civilStatus.every((p) => p.sector === "Hộ tịch")).toBe(true);
    const searched = await list(`?q=khai%20sinh&sector=${encodeURIComponent("Cư trú")}`);
    expect(searched.every((p) => p.sector === "Cư trú")).toBe(true);
  });

  it("rejects an unknown sector with a Vietnamese validation error", async () => {
    const response = await test.app.request("/api/procedures?sector=abc");
    expect(response.status).toBe(400);
    expect(errorBodySchema.parse(await response.json()).code).toBe("VALIDATION_FAILED");
  });
});

describe("GET /api/procedures/:code", () => {
  it("returns the stored current definition with its form", async () => {
    const khaiSinh = await detail("1.001193");
    expect(khaiSinh).toMatchObject({ code: "1.001193", version: 2, online: true });
    expect(khaiSinh).toEqual(CATALOG.find((p) => p.code === "1.001193"));
  });

  it("answers 404 for an unknown code or version and 400 for a malformed code", async () => {
    expect((await test.app.request("/api/procedures/9.999999")).status).toBe(404);
    expect((await test.app.request("/api/procedures/1.001193?version=99")).status).toBe(404);
    expect((await test.app.request("/api/procedures/khai-sinh")).status).toBe(400);
  });
});

describe("catalog versions in the database", () => {
  const khaiSinh = (): ProcedureDefinition => {
    const found = CATALOG.find((p) => p.code === "1.001193");
    if (!found) throw new Error("khai sinh missing from the catalog");
    return structuredClone(found);
  };

  it("is written idempotently at start", async () => {
    expect(await syncCatalog(database.handle.db, CATALOG, test.logger)).toEqual({ added: 0 });
  });

  it("refuses a changed definition that kept its version number", async () => {
    const edited = { ...khaiSinh(), title: "Khai sinh (sửa)" };
    await expect(syncCatalog(database.handle.db, [edited], test.logger)).rejects.toBeInstanceOf(
      CatalogVersionError,
    );
  });

  it("keeps the old version for drafts in progress when a new version is published", async () => {
    const current = khaiSinh().version;
    const next = { ...khaiSinh(), version: current + 1, title: "Đăng ký khai sinh cho con" };
    expect(await syncCatalog(database.handle.db, [next], test.logger)).toEqual({ added: 1 });
    expect((await detail("1.001193")).title).toBe("Đăng ký khai sinh cho con");
    expect((await detail(`1.001193?version=${current}`)).title).toBe(khaiSinh().title);
    expect((await detail(`1.001193?version=${current + 1}`)).version).toBe(current + 1);
  });
});
