import { describe, expect, it } from "vitest";
import { HOLIDAY_FILE } from "./holiday-data";
import { holidayFileSchema } from "./holiday-schema";
import { PROJECTED_DAYS_OFF } from "./projected-days";
import { vnInstant } from "./vietnam-time";
import {
  addWorkingDays,
  calendarYearCoverage,
  describeDay,
  isWorkingDay,
  workingDaysBetween,
} from "./working-days";

function nonWorking(from: string, to: string): string[] {
  const days: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const date = d.toISOString().slice(0, 10);
    if (!isWorkingDay(date)) days.push(date);
  }
  return days;
}

describe("holiday data", () => {
  it("gives every notified weekday off and make-up Saturday its status", () => {
    for (const entry of Object.values(HOLIDAY_FILE.years)) {
      if (!("weekdays_off" in entry)) continue;
      for (const day of entry.weekdays_off) expect(isWorkingDay(day.date), day.date).toBe(false);
      for (const day of entry.saturdays_worked) expect(isWorkingDay(day.date), day.date).toBe(true);
    }
  });

  it("rejects a data file with a day off on a weekend or a make-up day that is not a Saturday", () => {
    const year = { notice: "x", weekdays_off: [], saturdays_worked: [] };
    const file = { description: "", legal_basis: {}, sources: [] };
    const weekendOff = {
      ...year,
      weekdays_off: [{ date: "2026-02-14", name: "x", confidence: "confirmed" }],
    };
    const mondayWorked = {
      ...year,
      saturdays_worked: [{ date: "2026-02-16", reason: "x", confidence: "confirmed" }],
    };
    const badDate = { ...year, weekdays_off: [{ date: "2026-02-30", name: "x", confidence: "confirmed" }] };
    for (const bad of [weekendOff, mondayWorked, badDate]) {
      expect(holidayFileSchema.safeParse({ ...file, years: { "2026": bad } }).success).toBe(false);
    }
    expect(holidayFileSchema.safeParse({ ...file, years: { "2026": year } }).success).toBe(true);
  });

  it("keeps a projection only for years without a notice (delete it when the notice arrives)", () => {
    for (const year of Object.keys(PROJECTED_DAYS_OFF)) {
      expect(HOLIDAY_FILE.years[year], year).toBeDefined();
      expect("weekdays_off" in (HOLIDAY_FILE.years[year] ?? {}), year).toBe(false);
    }
  });
});

describe("working days 2025–2026 (from the notices)", () => {
  it("Tết Bính Ngọ 2026: 9 days off from Sat 14/2 to Sun 22/2, no make-up Saturday", () => {
    expect(nonWorking("2026-02-13", "2026-02-23")).toEqual([
      "2026-02-14",
      "2026-02-15",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-21",
      "2026-02-22",
    ]);
    expect(describeDay("2026-02-17")).toMatchObject({ kind: "day_off", confidence: "confirmed" });
  });

  it("Giỗ Tổ 2026 falls on Sunday 26/4 and is given on Monday 27/4; 30/4–1/5 with no swap", () => {
    expect(nonWorking("2026-04-24", "2026-05-04")).toEqual([
      "2026-04-25",
      "2026-04-26",
      "2026-04-27",
      "2026-04-30",
      "2026-05-01",
      "2026-05-02",
      "2026-05-03",
    ]);
  });

  it("Quốc khánh 2026: 31/8 swapped for Saturday 22/8, 1/9 is the adjacent day", () => {
    expect(nonWorking("2026-08-28", "2026-09-03")).toEqual([
      "2026-08-29",
      "2026-08-30",
      "2026-08-31",
      "2026-09-01",
      "2026-09-02",
    ]);
    expect(describeDay("2026-08-22")).toMatchObject({ isWorkingDay: true, kind: "make_up_saturday" });
  });

  it("marks the single-source make-up Saturday 10/1/2026 unconfirmed", () => {
    expect(describeDay("2026-01-10")).toMatchObject({ isWorkingDay: true, confidence: "unconfirmed" });
    expect(isWorkingDay("2026-01-02")).toBe(false);
  });

  it("2025: Saturday 26/4 worked for Friday 2/5; 24/11 off from 2026 only", () => {
    expect(isWorkingDay("2025-04-26")).toBe(true);
    expect(isWorkingDay("2025-05-02")).toBe(false);
    expect(isWorkingDay("2025-11-24")).toBe(true);
    expect(describeDay("2026-11-24")).toMatchObject({ isWorkingDay: false, name: "Ngày Văn hóa Việt Nam" });
  });

  it("reads an instant in Vietnam time", () => {
    // Monday 23/2/2026 00:00 in Hà Nội is Sunday noon in New York.
    expect(isWorkingDay(new Date("2026-02-22T17:00:00Z"))).toBe(true);
    expect(isWorkingDay(new Date("2026-02-22T16:59:00Z"))).toBe(false);
  });
});

describe("2027 (projection) and years outside the data (fallback)", () => {
  it("exposes the confidence of each year", () => {
    expect(calendarYearCoverage(2026)).toMatchObject({ basis: "notice", confidence: "confirmed" });
    expect(calendarYearCoverage(2027)).toMatchObject({ basis: "projection", confidence: "unconfirmed" });
    expect(calendarYearCoverage(2028)).toMatchObject({ basis: "fallback", confidence: "fallback" });
    expect(calendarYearCoverage(2028).message).toContain("chưa trừ Tết Âm lịch");
  });

  it("projects Tết Đinh Mùi 2027 on five weekdays around Saturday 6/2 and 3/9 as the adjacent day", () => {
    expect(nonWorking("2027-02-03", "2027-02-11")).toEqual([
      "2027-02-04",
      "2027-02-05",
      "2027-02-06",
      "2027-02-07",
      "2027-02-08",
      "2027-02-09",
      "2027-02-10",
    ]);
    expect(describeDay("2027-02-04")).toMatchObject({ kind: "day_off", confidence: "unconfirmed" });
    expect(describeDay("2027-03-01")).toMatchObject({ isWorkingDay: true, confidence: "unconfirmed" });
    expect(isWorkingDay("2027-05-03")).toBe(false);
    expect(isWorkingDay("2027-09-03")).toBe(false);
  });

  it("outside the data keeps weekends and solar holidays, moving those on a weekend (Điều 111(3))", () => {
    expect(describeDay("2028-01-03")).toMatchObject({ isWorkingDay: false, confidence: "fallback" });
    // Sun 30/4/2028 + Mon 1/5/2028 → Tuesday 2/5 off.
    expect(nonWorking("2028-04-28", "2028-05-03")).toEqual([
      "2028-04-29",
      "2028-04-30",
      "2028-05-01",
      "2028-05-02",
    ]);
    // 24/11 is not an Điều 112 holiday: on Saturday 24/11/2029 nothing moves.
    expect(isWorkingDay("2029-11-26")).toBe(true);
    expect(isWorkingDay("2024-04-30")).toBe(false);
    expect(describeDay("2030-09-03")).toMatchObject({ isWorkingDay: true, confidence: "fallback" });
  });
});

describe("counting working days", () => {
  it("counts the days after `from` up to `to`, negative backwards", () => {
    expect(workingDaysBetween("2026-02-13", "2026-02-23")).toBe(1);
    expect(workingDaysBetween("2026-02-23", "2026-02-13")).toBe(-1);
    expect(workingDaysBetween("2026-02-13", "2026-02-13")).toBe(0);
    expect(workingDaysBetween(vnInstant("2026-03-13", "16:00"), vnInstant("2026-03-17", "08:00"))).toBe(2);
  });

  it("adds working days across a holiday", () => {
    expect(addWorkingDays("2026-04-29", 1)).toBe("2026-05-04");
    expect(addWorkingDays("2026-08-21", 1)).toBe("2026-08-22");
    expect(addWorkingDays("2026-02-14", 0)).toBe("2026-02-14");
    expect(() => addWorkingDays("2026-02-14", -1)).toThrow(RangeError);
  });

  it("rejects an impossible date", () => {
    expect(() => isWorkingDay("2026-02-30")).toThrow(RangeError);
  });
});
