import { describe, expect, it } from "vitest";
import { createSealer } from "../lib/crypto";
import { createLogger } from "../lib/logger";
import type { AppDeps } from "./env";
import { MAX_WINDOW_MS, RATE_LIMITS, rateLimit, waitMessage } from "./rate-limit";

describe("waitMessage", () => {
  it("says seconds under a minute and a half, minutes above", () => {
    expect(waitMessage(1)).toBe("Bạn thao tác quá nhanh. Vui lòng đợi khoảng 1 giây rồi thử lại.");
    expect(waitMessage(89)).toContain("89 giây");
    expect(waitMessage(90)).toContain("2 phút");
    expect(waitMessage(900)).toContain("15 phút");
  });
});

describe("rateLimit", () => {
  const deps = {
    database: {} as AppDeps["database"],
    logger: createLogger("error"),
    sealer: createSealer(Buffer.alloc(32, 1)),
    config: { trustedProxies: [] },
  };

  it("refuses rules the cleanup could not serve", () => {
    expect(() =>
      rateLimit(deps, { rules: [{ name: "x", limit: 1, windowMs: MAX_WINDOW_MS + 1 }], subjects: ["ip"] }),
    ).toThrow(/1 h/);
    expect(() =>
      rateLimit(deps, { rules: [{ name: "x", limit: 0, windowMs: 1000 }], subjects: ["ip"] }),
    ).toThrow();
  });

  it("keeps the house targets within the cleanup horizon", () => {
    for (const options of Object.values(RATE_LIMITS)) {
      for (const rule of options.rules) expect(rule.windowMs).toBeLessThanOrEqual(MAX_WINDOW_MS);
    }
  });
});
