import { describe, expect, it } from "vitest";
import { vnInstant } from "./calendar/vietnam-time";
import { computeDueAt, type DueAtLegalTime, dueAtLegalTimeOf } from "./legal-clock";
import { SAME_DAY_CUTOFF } from "./office-hours";

const sameDay: DueAtLegalTime = { sameDay: true, cutoff: SAME_DAY_CUTOFF };

/** Due date (Vietnam) of a dossier received on a Vietnam date and time. */
function due(date: string, time: string, legalTime: DueAtLegalTime): string {
  return computeDueAt({ receivedAt: vnInstant(date, time), legalTime }).dueOn;
}
const days = (workingDays: number): DueAtLegalTime => ({ workingDays });

describe("computeDueAt — counting rule", () => {
  it("does not count the receipt day: day 1 is the next working day, due at its 17:00", () => {
    const result = computeDueAt({ receivedAt: vnInstant("2026-03-10", "09:30"), legalTime: days(3) });
    expect(result).toEqual({
      dueAt: vnInstant("2026-03-13", "17:00"),
      countedFrom: vnInstant("2026-03-11", "08:00"),
      receivedOn: "2026-03-10",
      dueOn: "2026-03-13",
      confidence: "confirmed",
    });
  });

  it("moves a dossier received after 17:00, on a weekend or a holiday to the next working day", () => {
    expect(due("2026-03-16", "16:59", days(1))).toBe("2026-03-17");
    expect(due("2026-03-16", "17:00", days(1))).toBe("2026-03-18");
    const saturday = computeDueAt({ receivedAt: vnInstant("2026-03-14", "10:00"), legalTime: days(1) });
    expect([saturday.receivedOn, saturday.dueOn]).toEqual(["2026-03-16", "2026-03-17"]);
    expect(
      computeDueAt({ receivedAt: vnInstant("2026-04-30", "10:00"), legalTime: days(1) }).receivedOn,
    ).toBe("2026-05-04");
  });

  it("rejects a legal time that is not a whole number of working days ≥ 1", () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      expect(() =>
        computeDueAt({ receivedAt: vnInstant("2026-03-10", "09:00"), legalTime: days(bad) }),
      ).toThrow(RangeError);
    }
  });
});

describe("computeDueAt — holidays", () => {
  it("Tết 2026: Friday 13/2 + 1 working day is Monday 23/2, after the 9-day break", () => {
    expect(due("2026-02-13", "10:00", days(1))).toBe("2026-02-23");
    expect(due("2026-02-12", "10:00", days(3))).toBe("2026-02-24");
    const duringBreak = computeDueAt({ receivedAt: vnInstant("2026-02-17", "09:00"), legalTime: days(1) });
    expect([duringBreak.receivedOn, duringBreak.dueOn]).toEqual(["2026-02-23", "2026-02-24"]);
  });

  it("Giỗ Tổ 2026 (Monday 27/4) and 30/4–1/5", () => {
    expect(due("2026-04-24", "09:00", days(1))).toBe("2026-04-28");
    expect(due("2026-04-24", "09:00", days(3))).toBe("2026-05-04");
    expect(due("2026-04-29", "10:00", days(1))).toBe("2026-05-04");
  });

  it("Quốc khánh 2026: 31/8, 1/9 and 2/9 off; the make-up Saturday 22/8 counts", () => {
    expect(due("2026-08-28", "10:00", days(1))).toBe("2026-09-03");
    expect(due("2026-08-21", "10:00", days(1))).toBe("2026-08-22");
    const onMakeUpSaturday = computeDueAt({
      receivedAt: vnInstant("2026-08-22", "10:00"),
      legalTime: days(1),
    });
    expect([onMakeUpSaturday.receivedOn, onMakeUpSaturday.dueOn]).toEqual(["2026-08-22", "2026-08-24"]);
    expect(due("2026-08-22", "14:00", sameDay)).toBe("2026-08-22");
  });

  it("Ngày Văn hóa Việt Nam 24/11/2026 and the 2025 swap (Saturday 26/4 worked)", () => {
    expect(due("2026-11-23", "10:00", days(1))).toBe("2026-11-25");
    expect(due("2025-04-25", "10:00", days(1))).toBe("2025-04-26");
  });

  it("reports a deadline that crosses the single-source make-up Saturday 10/1/2026 as unconfirmed", () => {
    const result = computeDueAt({ receivedAt: vnInstant("2026-01-09", "10:00"), legalTime: days(1) });
    expect([result.dueOn, result.confidence]).toEqual(["2026-01-10", "unconfirmed"]);
  });
});

describe("computeDueAt — year boundaries", () => {
  it("2026 → 2027: 1/1/2027 off (projected), so the deadline is unconfirmed", () => {
    const result = computeDueAt({ receivedAt: vnInstant("2026-12-30", "10:00"), legalTime: days(3) });
    expect([result.dueOn, result.confidence]).toEqual(["2027-01-05", "unconfirmed"]);
    expect(
      computeDueAt({ receivedAt: vnInstant("2026-12-28", "10:00"), legalTime: days(2) }).confidence,
    ).toBe("confirmed");
  });

  it("Tết 2027 (projection): Wednesday 3/2 + 1 working day is Thursday 11/2", () => {
    expect(due("2027-02-03", "10:00", days(1))).toBe("2027-02-11");
  });

  it("2027 → 2028: outside the data, with the fallback confidence", () => {
    const result = computeDueAt({ receivedAt: vnInstant("2027-12-29", "10:00"), legalTime: days(5) });
    // 30/12, 31/12, (1–2/1 weekend, Mon 3/1 = Tết Dương lịch moved), 4/1, 5/1, 6/1.
    expect([result.dueOn, result.confidence]).toEqual(["2028-01-06", "fallback"]);
  });
});

describe("computeDueAt — same-day procedures (15:00 rule)", () => {
  it("Friday 14:00 is due the same day at 17:00; Friday 16:00 on Monday", () => {
    const early = computeDueAt({ receivedAt: vnInstant("2026-03-13", "14:00"), legalTime: sameDay });
    expect(early.dueAt).toEqual(vnInstant("2026-03-13", "17:00"));
    expect(early.countedFrom).toEqual(vnInstant("2026-03-13", "14:00"));
    const late = computeDueAt({ receivedAt: vnInstant("2026-03-13", "16:00"), legalTime: sameDay });
    expect(late.dueAt).toEqual(vnInstant("2026-03-16", "17:00"));
    expect(late.countedFrom).toEqual(vnInstant("2026-03-16", "08:00"));
  });

  it("15:00 exactly is already late; before opening counts from 08:00", () => {
    expect(due("2026-03-13", "15:00", sameDay)).toBe("2026-03-16");
    expect(due("2026-03-13", "14:59", sameDay)).toBe("2026-03-13");
    const early = computeDueAt({ receivedAt: vnInstant("2026-03-13", "06:00"), legalTime: sameDay });
    expect(early.countedFrom).toEqual(vnInstant("2026-03-13", "08:00"));
  });

  it("Friday 16:00 before Tết 2026 is due after the break; a Saturday or holiday on the next working day", () => {
    expect(due("2026-02-13", "16:00", sameDay)).toBe("2026-02-23");
    expect(due("2026-03-14", "09:00", sameDay)).toBe("2026-03-16");
    expect(due("2026-09-02", "09:00", sameDay)).toBe("2026-09-03");
  });
});

describe("computeDueAt — options and adapters", () => {
  it("takes other office hours", () => {
    const result = computeDueAt({
      receivedAt: vnInstant("2026-03-10", "16:45"),
      legalTime: days(1),
      officeHours: { open: "07:30", close: "16:30" },
    });
    expect([result.receivedOn, result.dueAt]).toEqual(["2026-03-11", vnInstant("2026-03-12", "16:30")]);
    expect(() =>
      computeDueAt({
        receivedAt: new Date(),
        legalTime: days(1),
        officeHours: { open: "17:00", close: "08:00" },
      }),
    ).toThrow(RangeError);
  });

  it("reads the procedure catalog's legal time", () => {
    expect(dueAtLegalTimeOf({ kind: "working_days", days: 7 })).toEqual({ workingDays: 7 });
    expect(dueAtLegalTimeOf({ kind: "same_day", cutoff: "15:00" })).toEqual(sameDay);
  });
});
