import { describe, expect, it } from "vitest";
import type { OaClient } from "../../zalo/oa-client";
import { OaError } from "../../zalo/oa-error";
import type { ZnsClient } from "../../zalo/zns-client";
import { zaloAdapter } from "./zalo-adapter";

/** What a Zalo failure means for a message: the error table (zalo/zalo-error-codes.ts) through the adapter. */

const never = () => {
  throw new Error("not called");
};
const adapter = zaloAdapter({
  oa: new Proxy({}, { get: () => never }) as OaClient,
  zns: { sendTemplate: never } as ZnsClient,
});
const noon = new Date("2026-12-06T05:00:00Z"); // 12:00 in Vietnam
const night = new Date("2026-12-06T16:00:00Z"); // 23:00 in Vietnam

describe("zaloAdapter.classify", () => {
  it("-230/-232 outside the 7-day window: the next rung (the template) may take it", () => {
    expect(adapter.classify(new OaError("outside_window", -230), noon)).toEqual({
      action: "next_channel",
      reason: "outside_window:-230",
    });
  });

  it("-32 slows the whole fleet; a network error, a timeout or a 5xx is retried", () => {
    expect(adapter.classify(new OaError("rate_limited", -32), noon)).toEqual({
      action: "slow_down",
      reason: "rate_limited:-32",
    });
    expect(adapter.classify(new OaError("unavailable", undefined), noon)).toMatchObject({
      action: "retry",
      reason: "unavailable",
    });
    expect(adapter.classify(new TypeError("fetch failed"), noon)).toMatchObject({
      action: "retry",
      reason: "TypeError",
    });
  });

  it("ZNS at night (-133) waits for 06:00 in Vietnam; a template Zalo has not approved fails for good", () => {
    expect(adapter.classify(new OaError("night_window", -133), night)).toEqual({
      action: "retry",
      reason: "night_window:-133",
      notBefore: new Date("2026-12-06T23:00:00Z"),
    });
    expect(adapter.classify(new OaError("template_not_approved", -131), noon)).toEqual({
      action: "permanent",
      reason: "template_not_approved:-131",
    });
  });
});
