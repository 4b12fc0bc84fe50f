import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt, RETRY_JITTER, RETRY_WAITS_MS } from "./retry-schedule";

const HOUR = 3_600_000;

/** Runs a message that always fails retryably on a fake clock: the times of its attempts. */
function attemptTimes(start: number, random: () => number): number[] {
  const times = [start];
  for (let made = 1; ; made += 1) {
    const next = nextAttemptAt(made, new Date(times[times.length - 1] ?? start), { random });
    if (!next) return times;
    times.push(next.getTime());
  }
}

describe("nextAttemptAt (OB-5)", () => {
  it("gives 8 attempts at 0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: about 27.6 h without jitter", () => {
    const times = attemptTimes(0, () => 0.5);
    expect(times).toHaveLength(MAX_DELIVERY_ATTEMPTS);
    const waits = times.slice(1).map((at, i) => at - (times[i] ?? 0));
    expect(waits).toEqual(RETRY_WAITS_MS.slice(1));
    expect((times[times.length - 1] ?? 0) / HOUR).toBeCloseTo(27.6, 1);
  });

  it("keeps every wait within ±10 % of the schedule, whatever the jitter draws", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000_000 }),
        fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), {
          minLength: 8,
          maxLength: 8,
        }),
        (start, draws) => {
          let i = 0;
          const times = attemptTimes(start, () => draws[i++ % draws.length] ?? 0);
          expect(times).toHaveLength(MAX_DELIVERY_ATTEMPTS);
          times.slice(1).forEach((at, index) => {
            const wait = at - (times[index] ?? 0);
            const planned = RETRY_WAITS_MS[index + 1] ?? 0;
            expect(wait).toBeGreaterThanOrEqual(Math.floor(planned * (1 - RETRY_JITTER)));
            expect(wait).toBeLessThanOrEqual(Math.ceil(planned * (1 + RETRY_JITTER)));
          });
        },
      ),
    );
  });

  it("has nothing after the 8th attempt, and honours a later time Zalo asked for", () => {
    expect(nextAttemptAt(MAX_DELIVERY_ATTEMPTS, new Date(0))).toBeNull();
    const six = new Date(Date.UTC(2026, 11, 6, 23, 0)); // 06:00 in Vietnam
    expect(nextAttemptAt(1, new Date(Date.UTC(2026, 11, 6, 16, 0)), { notBefore: six })).toEqual(six);
  });
});
