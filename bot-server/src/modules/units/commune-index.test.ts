import { describe, expect, it } from "vitest";
import { readAdminUnits } from "../../db/seed/admin-units-data";
import { type AdminUnitRows, buildCommuneIndex } from "./commune-index";

// The rows the seed writes into the database (db/seed/admin-units.ts), which the server reads back.
const index = buildCommuneIndex(readAdminUnits());

const names = (q: string, province?: string) =>
  index.search({ q, ...(province ? { province } : {}) }).communes.map((c) => c.name);

describe("commune index: search", () => {
  it("puts the commune whose new name is the query first, with the old ward that matched", () => {
    const { communes } = index.search({ q: "bach mai" });
    expect(communes[0]).toMatchObject({ code: "00292", name: "Phường Bạch Mai", provinceCode: "01" });
    expect(communes[0]?.matchedOldNames).toContain("Phường Bạch Mai (Quận Hai Bà Trưng)");
    // Unit words and diacritics do not change the answer.
    expect(names("Phường Bạch Mai")).toEqual(names("bach mai"));
  });

  it("finds a commune through a pre-2025 name only, and ranks it after new-name matches", () => {
    const { communes } = index.search({ q: "hang bai" });
    expect(communes.map((c) => c.code)).toEqual(["00082"]);
    expect(communes[0]?.matchedOldNames).toEqual(["Phường Hàng Bài (Quận Hoàn Kiếm)"]);
    const mai = index.search({ q: "mai" }).communes;
    const firstOldOnly = mai.findIndex((c) => !c.name.toLowerCase().includes("mai"));
    expect(firstOldOnly).toBeGreaterThan(0);
    expect(mai.slice(firstOldOnly).every((c) => !c.name.toLowerCase().includes("mai"))).toBe(true);
  });

  it("lists a whole province for an empty query, by name, without old names", () => {
    const { communes } = index.search({});
    expect(communes).toHaveLength(126);
    expect(communes.every((c) => c.provinceCode === "01" && c.matchedOldNames.length === 0)).toBe(true);
    const sorted = [...communes].sort((a, b) => a.name.localeCompare(b.name, "vi"));
    expect(communes.map((c) => c.code)).toEqual(sorted.map((c) => c.code));
  });

  it("searches the province asked for, and answers nothing for an unknown name or province", () => {
    expect(names("sai gon", "79")).toContain("Phường Sài Gòn");
    expect(names("sai gon")).not.toContain("Phường Sài Gòn");
    expect(names("khong ton tai xyz")).toEqual([]);
    expect(names("", "99")).toEqual([]);
  });

  it("answers at most 200 communes, the first by code, as the database query did", () => {
    const rows: AdminUnitRows = {
      provinces: [{ code: "02", name: "Tỉnh thử" }],
      communes: Array.from({ length: 250 }, (_, i) => {
        const code = String(10_000 + 249 - i);
        return { code, name: `Xã Thử ${code}`, type: "Xã", provinceCode: "02", searchText: `xa thu ${code}` };
      }),
      predecessors: [],
    };
    const { communes } = buildCommuneIndex(rows).search({ q: "thu", province: "02" });
    expect(communes).toHaveLength(200);
    expect(communes.map((c) => c.code).sort()).toEqual(
      Array.from({ length: 200 }, (_, i) => String(10_000 + i)),
    );
  });
});

describe("commune index: one commune", () => {
  it("returns a commune with its province and every predecessor", () => {
    const detail = index.get("00292");
    expect(detail).toMatchObject({ name: "Phường Bạch Mai", provinceName: "Thành phố Hà Nội" });
    expect(detail?.predecessors).toHaveLength(9);
    expect(detail?.predecessors).toContainEqual({
      code: "00232",
      name: "Phường Phương Mai",
      district: "Quận Đống Đa",
      scope: "partial",
    });
    expect(index.get("26740")).toMatchObject({ name: "Phường Sài Gòn", predecessors: [] });
  });

  it("answers undefined for an unknown code", () => {
    expect(index.get("99999")).toBeUndefined();
  });
});
