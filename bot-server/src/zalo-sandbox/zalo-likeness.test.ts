import { describe, expect, it } from "vitest";
import { vietnamDate, vietnamDayStart, zaloHexId, zaloLikeId, zaloTime } from "./zalo-likeness";

describe("zalo-likeness", () => {
  it("mints 19-digit ids beyond 2^53 and 20-hex message ids", () => {
    const id = zaloLikeId();
    expect(id).toMatch(/^[1-9]\d{18}$/);
    expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(zaloHexId()).toMatch(/^[0-9a-f]{20}$/);
    expect(zaloTime(new Date(1626926349402))).toBe("1626926349402");
  });

  it("writes dates in Vietnam's time (UTC+7): 17:00 UTC is already the next day", () => {
    expect(vietnamDate(new Date("2025-07-01T16:59:59Z"))).toBe("01/07/2025");
    expect(vietnamDate(new Date("2025-07-01T17:00:00Z"))).toBe("02/07/2025");
    expect(vietnamDate(new Date("2025-12-31T18:00:00Z"))).toBe("01/01/2026");
  });

  it("starts the quota day at midnight in Vietnam", () => {
    expect(vietnamDayStart(new Date("2025-07-02T03:00:00Z")).toISOString()).toBe("2025-07-01T17:00:00.000Z");
    expect(vietnamDayStart(new Date("2025-07-01T16:59:59Z")).toISOString()).toBe("2025-06-30T17:00:00.000Z");
  });
});
