import { describe, expect, it } from "vitest";
import { vnInstant } from "./calendar/vietnam-time";
import { addOfficeMinutes, nextOfficeOpen } from "./office-time";

describe("office time", () => {
  it("counts inside one working day", () => {
    expect(addOfficeMinutes(vnInstant("2026-12-07", "09:15"), 120)).toEqual(vnInstant("2026-12-07", "11:15"));
  });

  it("carries what is left past closing to the next working day, skipping the weekend", () => {
    // Friday 16:30 + 2 h → Monday 09:30.
    expect(addOfficeMinutes(vnInstant("2026-12-11", "16:30"), 120)).toEqual(vnInstant("2026-12-14", "09:30"));
  });

  it("starts at opening time when asked at night or on a day off", () => {
    expect(nextOfficeOpen(vnInstant("2026-12-07", "20:00"))).toEqual(vnInstant("2026-12-08", "08:00"));
    expect(nextOfficeOpen(vnInstant("2026-12-13", "10:00"))).toEqual(vnInstant("2026-12-14", "08:00"));
    expect(addOfficeMinutes(vnInstant("2026-12-07", "06:00"), 120)).toEqual(vnInstant("2026-12-07", "10:00"));
    // Tết 2026 (16–20 Feb off, then the weekend): Friday 13 Feb 16:00 + 2 h → Monday 23 Feb 09:00.
    expect(addOfficeMinutes(vnInstant("2026-02-13", "16:00"), 120)).toEqual(vnInstant("2026-02-23", "09:00"));
  });
});
