import { describe, expect, it } from "vitest";
import {
  RESOLVING_STATUSES,
  resolutionWorkingDays,
  shareOf,
  timelinessOf,
  workingDaysLate,
} from "./indicators";

const vn = (local: string) => new Date(`${local}+07:00`);

describe("timeliness (trước hạn / đúng hạn / trễ hạn)", () => {
  const due = vn("2026-11-05T17:00");
  it("is early on a day before the due day, even after closing time", () => {
    expect(timelinessOf(vn("2026-11-04T18:30"), due)).toBe("early");
  });
  it("is on the due day up to the due time itself", () => {
    expect(timelinessOf(vn("2026-11-05T08:00"), due)).toBe("on_due_day");
    expect(timelinessOf(due, due)).toBe("on_due_day");
  });
  it("is late a minute after the due time, on the same day", () => {
    expect(timelinessOf(vn("2026-11-05T17:01"), due)).toBe("late");
  });
});

describe("working days of a resolution", () => {
  it("counts the days after receipt up to the day of the result", () => {
    // Monday 02 → Wednesday 04: 03, 04.
    expect(resolutionWorkingDays(vn("2026-11-02T09:00"), vn("2026-11-04T10:00"))).toBe(2);
  });
  it("is 0 on the day of receipt", () => {
    expect(resolutionWorkingDays(vn("2026-11-02T09:00"), vn("2026-11-02T16:00"))).toBe(0);
  });
  it("receives a dossier sent after closing time on the next working day", () => {
    // Friday 20 at 18:00 → received Monday 23; result Wednesday 25: 24 is Ngày Văn hóa Việt Nam → 1.
    expect(resolutionWorkingDays(vn("2026-11-20T18:00"), vn("2026-11-25T10:00"))).toBe(1);
  });
  it("skips the Quốc khánh days off (2026 notice)", () => {
    // Friday 2026-08-28 → Friday 09-04: 31/8 (swapped), 1/9 and 2/9 off; 03, 04 count → 2.
    expect(resolutionWorkingDays(vn("2026-08-28T09:00"), vn("2026-09-04T10:00"))).toBe(2);
  });
});

describe("days late and shares", () => {
  it("counts working days after the due day", () => {
    expect(workingDaysLate(vn("2026-11-26T17:00"), vn("2026-11-26T17:30"))).toBe(0);
    expect(workingDaysLate(vn("2026-11-27T17:00"), vn("2026-11-30T08:00"))).toBe(1);
  });
  it("gives no rate for 0 of 0", () => {
    expect(shareOf(0, 0)).toEqual({ count: 0, of: 0, rate: null });
    expect(shareOf(3, 4)).toEqual({ count: 3, of: 4, rate: 0.75 });
  });
  it("resolves only with a result", () => {
    expect([...RESOLVING_STATUSES].sort()).toEqual(["result_ready", "returned"]);
  });
});
