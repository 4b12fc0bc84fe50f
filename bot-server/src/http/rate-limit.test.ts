import { describe, expect, it } from "vitest";
import { createSealer } from "../lib/crypto";
import { createLogger } from "../lib/logger";
import type { AppDeps } from "./env";
import { addressBlock, MAX_WINDOW_MS, RATE_LIMITS, rateLimit, waitMessage } from "./rate-limit";

describe("addressBlock", () => {
  it("keeps IPv4 addresses and unwraps IPv4-mapped IPv6", () => {
    expect(addressBlock("203.0.113.7")).toBe("203.0.113.7");
    expect(addressBlock("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("reduces IPv6 to its /64, however it is written", () => {
    expect(addressBlock("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("2001:0DB8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressBlock("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressBlock("::1")).toBe("0:0:0:0::/64");
    expect(addressBlock("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });
});

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
