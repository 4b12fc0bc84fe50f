import { describe, expect, it } from "vitest";
import {
  dayNumberOf,
  isLocalDate,
  localDateOf,
  minutesOf,
  toVnLocalDate,
  vnDayNumber,
  vnInstant,
  vnMinuteOfDay,
  weekdayOf,
} from "./vietnam-time";

describe("Vietnam time (UTC+7, whatever the host's TZ)", () => {
  it("turns a Vietnam wall-clock time into the right instant", () => {
    expect(vnInstant("2026-02-13", "16:00").toISOString()).toBe("2026-02-13T09:00:00.000Z");
    expect(vnInstant("2026-01-01").toISOString()).toBe("2025-12-31T17:00:00.000Z");
  });

  it("reads the Vietnam date of an instant, not the host's", () => {
    // 17:00 UTC is already midnight in Hà Nội; in New York it is still the morning of the 13th.
    expect(toVnLocalDate(new Date("2026-02-13T16:59:59Z"))).toBe("2026-02-13");
    expect(toVnLocalDate(new Date("2026-02-13T17:00:00Z"))).toBe("2026-02-14");
    expect(vnMinuteOfDay(new Date("2026-02-13T09:00:00Z"))).toBe(16 * 60);
  });

  it("round-trips dates and knows weekdays", () => {
    const day = dayNumberOf("2026-02-17");
    expect(localDateOf(day)).toBe("2026-02-17");
    expect(weekdayOf(day)).toBe(2); // Tuesday, mùng 1 Tết Bính Ngọ
    expect(vnDayNumber(vnInstant("2026-02-17", "23:59"))).toBe(day);
  });

  it("rejects impossible dates, times and instants", () => {
    expect(isLocalDate("2026-02-29")).toBe(false);
    expect(isLocalDate("2028-02-29")).toBe(true);
    expect(isLocalDate("26-2-1")).toBe(false);
    expect(() => minutesOf("24:00")).toThrow(RangeError);
    expect(() => minutesOf("7:00")).toThrow(RangeError);
    expect(() => vnDayNumber(new Date(Number.NaN))).toThrow(RangeError);
  });
});
