import { describe, expect, it } from "vitest";
import { vnInstant } from "./calendar/vietnam-time";
import { DOSSIER_STATUSES, isClockRunning, isDossierOverdue, nationalCodeOf, reportGroupOf } from "./status";

describe("status groups and the overdue flag", () => {
  it("groups statuses like the portal's reports: Đã xử lý 9, 10, 7; Đang xử lý 4; Tạm dừng 5, 6, 8", () => {
    const byGroup = (group: string | undefined) =>
      DOSSIER_STATUSES.filter((s) => reportGroupOf(s) === group).map(nationalCodeOf);
    expect(byGroup("done")).toEqual([7, 9, 10]);
    expect(byGroup("in_progress")).toEqual([4]);
    expect(byGroup("paused")).toEqual([5, 6, 8]);
    expect(byGroup(undefined)).toEqual([1, 2, 3]);
  });

  it("lets the clock run except in 3, 7, 8, 9, 10", () => {
    expect(DOSSIER_STATUSES.filter(isClockRunning).map(nationalCodeOf)).toEqual([1, 2, 4, 5, 6]);
  });

  it("flags a dossier overdue only while its clock runs", () => {
    const dueAt = vnInstant("2026-03-13", "17:00");
    const later = vnInstant("2026-03-16", "09:00");
    expect(isDossierOverdue("processing", dueAt, later)).toBe(true);
    expect(isDossierOverdue("supplement_requested", dueAt, later)).toBe(true);
    expect(isDossierOverdue("result_ready", dueAt, later)).toBe(false);
    expect(isDossierOverdue("processing", dueAt, dueAt)).toBe(false);
  });
});
