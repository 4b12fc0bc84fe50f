import { describe, expect, it } from "vitest";
import { OaError } from "./oa-error";
import {
  ACTION_OF_KIND,
  decisionForKind,
  deliveryDecision,
  kindOfZaloError,
  nextVietnamMidnight,
  nightWindowEnd,
  ZALO_ERROR_CODES,
} from "./zalo-error-codes";

/** A moment given in Vietnam's time (UTC+7). */
const vn = (iso: string) => new Date(`${iso}+07:00`);

describe("the Zalo error table", () => {
  it("names each code once, and every kind has an action", () => {
    const codes = ZALO_ERROR_CODES.map((row) => row.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const row of ZALO_ERROR_CODES) expect(ACTION_OF_KIND[row.kind]).toBeDefined();
  });

  it.each([
    [-32, "rate_limited", "retry"],
    [-216, "unauthorized", "retry"],
    [-220, "unauthorized", "retry"],
    [-124, "unauthorized", "retry"],
    [-230, "outside_window", "next_channel"],
    [-232, "outside_window", "next_channel"],
    [-227, "inactive", "next_channel"],
    [-213, "not_follower", "next_channel"],
    [-108, "bad_phone", "next_channel"],
    [-118, "no_zalo_account", "next_channel"],
    [-114, "cannot_receive", "next_channel"],
    [-119, "cannot_receive", "next_channel"],
    [-115, "quota_exceeded", "retry"],
    [-144, "quota_exceeded", "retry"],
    [-131, "template_not_approved", "permanent"],
    [-133, "night_window", "retry"],
    [-139, "user_refused", "next_channel"],
    [-141, "user_refused", "next_channel"],
    [-201, "rejected", "permanent"],
    [-99999, "rejected", "permanent"],
  ] as const)("%i → %s → %s", (code, kind, action) => {
    expect(kindOfZaloError(code)).toBe(kind);
    expect(deliveryDecision(new OaError(kindOfZaloError(code), code)).action).toBe(action);
  });

  it("retries what never reached Zalo; slows down only when rate limited", () => {
    expect(deliveryDecision(new OaError("unavailable", undefined))).toEqual({
      action: "retry",
      slowDown: false,
    });
    expect(deliveryDecision(new OaError("rate_limited", -32))).toEqual({ action: "retry", slowDown: true });
    expect(deliveryDecision(new TypeError("fetch failed"))).toEqual({ action: "retry", slowDown: false });
    expect(deliveryDecision(new OaError("invalid", undefined))).toEqual({ action: "permanent" });
  });

  it("-133 at night: not before 06:00 Vietnam time, the same night's end", () => {
    const late = decisionForKind("night_window", vn("2026-12-03T22:30:00"));
    expect(late).toEqual({ action: "retry", slowDown: false, notBefore: vn("2026-12-04T06:00:00") });
    const early = decisionForKind("night_window", vn("2026-12-04T05:59:59"));
    expect(early).toEqual({ action: "retry", slowDown: false, notBefore: vn("2026-12-04T06:00:00") });
    // Our clock says day already (Zalo's lags a little): an ordinary retry.
    expect(decisionForKind("night_window", vn("2026-12-04T06:00:01"))).toEqual({
      action: "retry",
      slowDown: false,
    });
  });

  it("quota: not before the next midnight in Vietnam", () => {
    expect(nextVietnamMidnight(vn("2026-12-03T23:59:00"))).toEqual(vn("2026-12-04T00:00:00"));
    expect(nextVietnamMidnight(vn("2026-12-04T00:00:00"))).toEqual(vn("2026-12-05T00:00:00"));
    expect(decisionForKind("quota_exceeded", vn("2026-12-03T10:00:00"))).toEqual({
      action: "retry",
      slowDown: false,
      notBefore: vn("2026-12-04T00:00:00"),
    });
    expect(nightWindowEnd(vn("2026-12-03T12:00:00"))).toBeUndefined();
  });
});
