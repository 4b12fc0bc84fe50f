import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MOBILE_PREFIXES_BY_CARRIER } from "../data/vn-identity";
import { maskPhone, normalisePhone } from "./phone";

const OK = { ok: true, value: "84912345678", display: "0912 345 678" };

describe("normalisePhone", () => {
  it("accepts the national, international and spaced forms of one number", () => {
    for (const input of [
      "0912345678",
      "0912 345 678",
      "0912.345.678",
      "0912-345-678",
      "(0912) 345678",
      "+84912345678",
      "+84 912 345 678",
      "84912345678",
      "0084912345678",
      "+84 0912 345 678",
    ]) {
      expect(normalisePhone(input), input).toEqual(OK);
    }
  });

  it("accepts every prefix of the data file", () => {
    for (const prefix of Object.values(MOBILE_PREFIXES_BY_CARRIER).flat()) {
      expect(normalisePhone(`${prefix}1234567`).ok, prefix).toBe(true);
    }
  });

  it("asks for the number when nothing was typed", () => {
    expect(normalisePhone("  ")).toEqual({ ok: false, message: "Vui lòng nhập số điện thoại di động" });
  });

  it("counts the digits typed when the length is wrong", () => {
    expect(normalisePhone("091234567")).toEqual({
      ok: false,
      message: "Số điện thoại di động gồm 10 chữ số bắt đầu bằng 0, bạn đã nhập 9",
    });
    expect(normalisePhone("09123456789")).toMatchObject({
      message: "Số điện thoại di động gồm 10 chữ số bắt đầu bằng 0, bạn đã nhập 11",
    });
    expect(normalisePhone("912345678")).toMatchObject({
      message: "Số điện thoại di động gồm 10 chữ số bắt đầu bằng 0, bạn đã nhập 9 (thiếu số 0 ở đầu?)",
    });
    expect(normalisePhone("+8491234567")).toMatchObject({
      message: "Số điện thoại dạng +84 có 9 chữ số sau 84, bạn đã nhập 8",
    });
  });

  it("rejects prefixes that are not mobile", () => {
    expect(normalisePhone("0112345678")).toEqual({
      ok: false,
      message: "Đầu số 011 không phải đầu số di động Việt Nam",
    });
    expect(normalisePhone("0512345678")).toMatchObject({
      message: "Đầu số 051 không phải đầu số di động Việt Nam",
    });
  });

  it("tells the new prefix of an old 11-digit number (2018 conversion)", () => {
    expect(normalisePhone("0168 123 4567")).toEqual({
      ok: false,
      message: "Số 11 chữ số đầu 0168 đã đổi sang đầu 038 từ năm 2018: hãy nhập 0381 234 567",
    });
    expect(normalisePhone("+84 121 123 4567")).toMatchObject({ message: expect.stringContaining("đầu 079") });
  });

  it("recognises a landline", () => {
    expect(normalisePhone("024 3825 1234")).toEqual({
      ok: false,
      message: "Số đầu 024 là số máy bàn, hãy nhập số điện thoại di động 10 chữ số",
    });
    expect(normalisePhone("+84 24 3825 1234")).toMatchObject({ message: expect.stringContaining("máy bàn") });
  });

  it("names the character that is not a digit and refuses other countries", () => {
    expect(normalisePhone("0912a45678")).toEqual({
      ok: false,
      message: 'Số điện thoại chỉ gồm chữ số, hãy bỏ ký tự "a"',
    });
    expect(normalisePhone("+1 415 555 0100")).toEqual({
      ok: false,
      message: "Chỉ nhận số di động Việt Nam: số phải bắt đầu bằng 0 hoặc +84",
    });
  });

  it("never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (input) => {
        const result = normalisePhone(input);
        if (result.ok) expect(result.value).toMatch(/^84\d{9}$/);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
    );
  });

  const prefix = fc.constantFrom(...Object.values(MOBILE_PREFIXES_BY_CARRIER).flat());
  const subscriber = fc.stringMatching(/^\d{7}$/);

  it("normalises the 0… and 84… forms of a number equal, and is idempotent", () => {
    fc.assert(
      fc.property(prefix, subscriber, (p, s) => {
        const national = normalisePhone(`${p}${s}`);
        const international = normalisePhone(`+84${p.slice(1)}${s}`);
        expect(national).toEqual(international);
        expect(national.ok).toBe(true);
        if (!national.ok) return;
        expect(normalisePhone(national.value)).toEqual(national);
        expect(normalisePhone(national.display)).toEqual(national);
      }),
    );
  });

  it("is idempotent on arbitrary digit strings", () => {
    const typed = fc
      .array(fc.constantFrom("0", "3", "8", "4", "9", "1", " ", ".", "+"), { maxLength: 16 })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(typed, (input) => {
        const first = normalisePhone(input);
        if (first.ok) expect(normalisePhone(first.value)).toEqual(first);
      }),
    );
  });
});

describe("maskPhone", () => {
  it("keeps the prefix and the last 3 digits", () => {
    expect(maskPhone("+84912345678")).toBe("0912 ••• 678");
  });

  it("shows at most the last 3 digits of an invalid number", () => {
    expect(maskPhone("0112345678")).toBe("•••••••678");
    expect(maskPhone("12")).toBe("••••••••••");
  });
});
