import { describe, expect, it } from "vitest";
import { vnInstant } from "./calendar/vietnam-time";
import { dueSoonBefore, isDueSoon, isOverdue, remainingWorkingTime } from "./countdown";

const dueMonday = vnInstant("2026-02-23", "17:00");

describe("isOverdue", () => {
  it("is on time at the due instant and late one millisecond after", () => {
    expect(isOverdue(dueMonday, dueMonday)).toBe(false);
    expect(isOverdue(dueMonday, new Date(dueMonday.getTime() + 1))).toBe(true);
  });
});

describe("isDueSoon", () => {
  it("flags a deadline today or on the next working day, not further", () => {
    expect(isDueSoon(dueMonday, vnInstant("2026-02-23", "09:00"))).toBe(true);
    // Friday before Tết: Monday 23/2 is the next working day.
    expect(isDueSoon(dueMonday, vnInstant("2026-02-13", "16:00"))).toBe(true);
    expect(isDueSoon(dueMonday, vnInstant("2026-02-12", "16:00"))).toBe(false);
    expect(isDueSoon(dueMonday, vnInstant("2026-02-12", "16:00"), 2)).toBe(true);
    expect(isDueSoon(dueMonday, vnInstant("2026-02-23", "17:01"))).toBe(false);
  });
});

describe("remainingWorkingTime", () => {
  it("counts office hours on working days only (not the Tết break)", () => {
    expect(remainingWorkingTime(dueMonday, vnInstant("2026-02-13", "16:00"))).toEqual({
      overdue: false,
      dueSoon: true,
      totalMinutes: 600,
      workingDays: 1,
      hours: 1,
      minutes: 0,
    });
  });

  it("splits into office days (9 h), hours and minutes over a weekend", () => {
    const result = remainingWorkingTime(vnInstant("2026-03-17", "17:00"), vnInstant("2026-03-13", "16:30"));
    expect(result).toMatchObject({
      totalMinutes: 1110,
      workingDays: 2,
      hours: 0,
      minutes: 30,
      dueSoon: false,
    });
  });

  it("is negative when overdue", () => {
    expect(remainingWorkingTime(dueMonday, vnInstant("2026-02-24", "10:15"))).toEqual({
      overdue: true,
      dueSoon: false,
      totalMinutes: -135,
      workingDays: 0,
      hours: -2,
      minutes: -15,
    });
  });

  it("is overdue with no working time elapsed after closing on the due day", () => {
    const result = remainingWorkingTime(dueMonday, vnInstant("2026-02-23", "20:00"));
    expect(result).toMatchObject({ overdue: true, totalMinutes: 0, workingDays: 0, hours: 0, minutes: 0 });
  });

  it("uses the office hours given", () => {
    const result = remainingWorkingTime(vnInstant("2026-03-13", "16:30"), vnInstant("2026-03-13", "07:30"), {
      open: "07:30",
      close: "16:30",
    });
    expect(result).toMatchObject({ totalMinutes: 540, workingDays: 1, hours: 0 });
  });
});

describe("dueSoonBefore", () => {
  it("bounds exactly the due dates isDueSoon calls soon, every hour of four weeks with holidays", () => {
    const start = new Date("2026-04-20T00:00:00Z").getTime();
    for (let hour = 0; hour < 24 * 28; hour += 7) {
      const now = new Date(start + hour * 3_600_000);
      const cutoff = dueSoonBefore(now);
      for (let ahead = 0; ahead < 24 * 8; ahead += 5) {
        const due = new Date(now.getTime() + ahead * 3_600_000);
        expect(isDueSoon(due, now), `${now.toISOString()} → ${due.toISOString()}`).toBe(due < cutoff);
      }
    }
  });
});
