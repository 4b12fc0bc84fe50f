import { describe, expect, it } from "vitest";
import {
  presetOf,
  presetRange,
  rangeProblem,
  rangeText,
  selectionFromSearch,
  selectionSearch,
} from "./range";

// 06:30 on 1 December in Vietnam, still 30 November in UTC: the range follows Vietnam's calendar.
const EARLY_DECEMBER_1 = new Date("2026-11-30T23:30:00.000Z");
const DECEMBER_7 = new Date("2026-12-07T03:00:00.000Z");

describe("the dashboard's range", () => {
  it("counts presets in Vietnam days, whatever the UTC date", () => {
    expect(presetRange("this-month", EARLY_DECEMBER_1)).toEqual({ from: "2026-12-01", to: "2026-12-01" });
    expect(presetRange("last-month", EARLY_DECEMBER_1)).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(presetRange("last-30-days", DECEMBER_7)).toEqual({ from: "2026-11-08", to: "2026-12-07" });
    expect(presetRange("last-month", new Date("2026-03-10T03:00:00.000Z"))).toEqual({
      from: "2026-02-01",
      to: "2026-02-28",
    });
  });

  it("reads the address, and falls back to this month on anything wrong", () => {
    expect(
      selectionFromSearch(new URLSearchParams("from=2026-11-01&to=2026-11-15&commune=00292"), DECEMBER_7),
    ).toEqual({
      from: "2026-11-01",
      to: "2026-11-15",
      commune: "00292",
    });
    const thisMonth = { from: "2026-12-01", to: "2026-12-07", commune: null };
    expect(selectionFromSearch(new URLSearchParams(""), DECEMBER_7)).toEqual(thisMonth);
    expect(
      selectionFromSearch(new URLSearchParams("from=2026-11-31&to=2026-12-01&commune=x"), DECEMBER_7),
    ).toEqual(thisMonth);
    expect(selectionFromSearch(new URLSearchParams("from=2026-12-05&to=2026-12-01"), DECEMBER_7)).toEqual(
      thisMonth,
    );
    expect(selectionSearch({ from: "2026-11-01", to: "2026-11-30", commune: null })).toBe(
      "from=2026-11-01&to=2026-11-30",
    );
  });

  it("says what is wrong with a typed range", () => {
    expect(rangeProblem({ from: "", to: "2026-12-01" })).toMatch(/chọn đủ ngày/);
    expect(rangeProblem({ from: "2026-12-02", to: "2026-12-01" })).toMatch(/Ngày bắt đầu phải trước/);
    expect(rangeProblem({ from: "2025-01-01", to: "2026-12-01" })).toMatch(/tối đa 366 ngày/);
    expect(rangeProblem({ from: "2025-12-01", to: "2026-12-01" })).toBeNull();
  });

  it("names the preset a range is, and writes it in Vietnamese dates", () => {
    expect(presetOf({ from: "2026-11-01", to: "2026-11-30" }, DECEMBER_7)).toBe("last-month");
    expect(presetOf({ from: "2026-11-02", to: "2026-11-30" }, DECEMBER_7)).toBeNull();
    expect(rangeText({ from: "2026-12-01", to: "2026-12-07" })).toBe("01/12/2026 – 07/12/2026");
    expect(rangeText({ from: "2026-12-01", to: "2026-12-01" })).toBe("01/12/2026");
  });
});
