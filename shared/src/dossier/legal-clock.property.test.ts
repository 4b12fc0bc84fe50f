import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { vnMinuteOfDay } from "./calendar/vietnam-time";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "./calendar/working-days";
import { computeDueAt, type DueAtLegalTime } from "./legal-clock";

// From mid-2024 to mid-2028: before, inside and after the data (2025–2027), at any minute of the day.
const instant = fc
  .integer({ min: Date.UTC(2024, 5, 1), max: Date.UTC(2028, 5, 30) })
  .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
const legalTime: fc.Arbitrary<DueAtLegalTime> = fc.oneof(
  fc.integer({ min: 1, max: 30 }).map((workingDays) => ({ workingDays })),
  fc.constant({ sameDay: true as const, cutoff: "15:00" as const }),
);

describe("computeDueAt properties", () => {
  it("receivedAt ≤ countedFrom ≤ dueAt, and dueAt is 17:00 on a working day", () => {
    fc.assert(
      fc.property(instant, legalTime, (receivedAt, time) => {
        const { dueAt, countedFrom } = computeDueAt({ receivedAt, legalTime: time });
        expect(countedFrom.getTime()).toBeGreaterThanOrEqual(receivedAt.getTime());
        expect(dueAt.getTime()).toBeGreaterThanOrEqual(countedFrom.getTime());
        expect(isWorkingDay(dueAt)).toBe(true);
        expect(vnMinuteOfDay(dueAt)).toBe(17 * 60);
      }),
      { numRuns: 500 },
    );
  });

  it("takes exactly the legal number of working days after the receipt day", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 30 }), (receivedAt, workingDays) => {
        const result = computeDueAt({ receivedAt, legalTime: { workingDays } });
        expect(workingDaysBetween(result.receivedOn, result.dueOn)).toBe(workingDays);
        expect(isWorkingDay(result.receivedOn)).toBe(true);
      }),
    );
  });

  it("is monotonic in receivedAt", () => {
    fc.assert(
      fc.property(instant, instant, legalTime, (a, b, time) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        const dueEarly = computeDueAt({ receivedAt: early, legalTime: time }).dueAt;
        const dueLate = computeDueAt({ receivedAt: late, legalTime: time }).dueAt;
        expect(dueEarly.getTime()).toBeLessThanOrEqual(dueLate.getTime());
      }),
      { numRuns: 500 },
    );
  });

  it("is strictly monotonic in workingDays", () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 1, max: 29 }),
        fc.integer({ min: 1, max: 10 }),
        (at, n, extra) => {
          const shorter = computeDueAt({ receivedAt: at, legalTime: { workingDays: n } }).dueAt;
          const longer = computeDueAt({ receivedAt: at, legalTime: { workingDays: n + extra } }).dueAt;
          expect(longer.getTime()).toBeGreaterThan(shorter.getTime());
        },
      ),
    );
  });
});

describe("working-day arithmetic properties", () => {
  it("addWorkingDays and workingDaysBetween agree; counting is additive", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 40 }), instant, (start, n, other) => {
        const end = addWorkingDays(start, n);
        expect(workingDaysBetween(start, end)).toBe(n);
        expect(workingDaysBetween(start, other) + workingDaysBetween(other, end)).toBe(n);
      }),
      { numRuns: 200 },
    );
  });
});
