import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROVINCES, provinceName } from "./provinces";

const CSV = join(import.meta.dirname, "../../../bot-server/data/vn-admin-2025/provinces_34.csv");

describe("the province list forms show", () => {
  it("is the reference data's 34 provinces, same codes and names", () => {
    const rows = readFileSync(CSV, "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((line) => line.split(","));
    expect(PROVINCES.map((p) => [p.code, p.name])).toEqual(
      rows.map(([code, name]) => [code, name?.normalize("NFC")]),
    );
  });

  it("names a province by its code and nothing for an unknown code", () => {
    expect(provinceName("01")).toBe("Thành phố Hà Nội");
    expect(provinceName("02")).toBeUndefined();
  });
});
