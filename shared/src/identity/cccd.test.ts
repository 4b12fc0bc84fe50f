import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CCCD_PROVINCE_CODES } from "../data/vn-identity";
import { maskCccd, parseCccd, validateCccd } from "./cccd";

const NOW = { currentYear: 2026 };

describe("validateCccd", () => {
  it("accepts a well-formed number and strips the spaces and dots people type", () => {
    expect(validateCccd("001099012345", NOW)).toEqual({ ok: true, value: "001099012345" });
    expect(validateCccd(" 001 099 012 345 ", NOW)).toEqual({ ok: true, value: "001099012345" });
    expect(validateCccd("001.099.012.345", NOW)).toEqual({ ok: true, value: "001099012345" });
    expect(validateCccd("001-099-012-345", NOW)).toEqual({ ok: true, value: "001099012345" });
  });

  it("asks for the number when nothing was typed", () => {
    expect(validateCccd("   ", NOW)).toEqual({
      ok: false,
      message: "Vui lòng nhập số CCCD (12 chữ số in trên thẻ căn cước)",
    });
  });

  it("counts the digits typed when the length is wrong", () => {
    expect(validateCccd("00109901234", NOW)).toEqual({
      ok: false,
      message: "Số CCCD gồm 12 chữ số, bạn đã nhập 11",
    });
    expect(validateCccd("0010990123456", NOW)).toMatchObject({
      message: "Số CCCD gồm 12 chữ số, bạn đã nhập 13",
    });
  });

  it("recognises an old 9-digit CMND", () => {
    expect(validateCccd("012345678", NOW)).toMatchObject({
      message:
        "Số CCCD gồm 12 chữ số, bạn đã nhập 9 (số CMND 9 chữ số cũ không dùng được, hãy nhập số trên thẻ căn cước)",
    });
  });

  it("names the character that is not a digit", () => {
    expect(validateCccd("00109901234A", NOW)).toEqual({
      ok: false,
      message: 'Số CCCD chỉ gồm chữ số, hãy bỏ ký tự "A"',
    });
  });

  it("rejects a province code outside the 63 of Thông tư 07/2016/TT-BCA", () => {
    expect(validateCccd("003099012345", NOW)).toEqual({
      ok: false,
      message:
        "3 chữ số đầu (003) không phải mã tỉnh nơi đăng ký khai sinh hợp lệ, hãy kiểm tra lại số trên thẻ",
    });
    expect(validateCccd("097099012345", NOW).ok).toBe(false);
  });

  it("accepts every one of the 63 province codes", () => {
    expect(Object.keys(CCCD_PROVINCE_CODES)).toHaveLength(63);
    for (const code of Object.keys(CCCD_PROVINCE_CODES)) {
      expect(validateCccd(`${code}201000001`, NOW).ok).toBe(true);
    }
  });

  it("rejects a birth year that has not come yet", () => {
    expect(validateCccd("001299012345", NOW)).toEqual({
      ok: false,
      message: "Chữ số thứ 4 đến 6 (299) cho năm sinh 2099, chưa tới năm đó: hãy kiểm tra lại số CCCD",
    });
    expect(validateCccd("001426012345", NOW).ok).toBe(false);
    expect(validateCccd("001226012345", NOW).ok).toBe(true);
  });

  it("compares the century digit with a known date of birth", () => {
    expect(validateCccd("001290012345", { ...NOW, dateOfBirth: "1990-05-01" })).toEqual({
      ok: false,
      message:
        "Chữ số thứ 4 và năm sinh không khớp: người sinh năm 1990 có chữ số thứ 4 là 0 (nam) hoặc 1 (nữ), số đã nhập có 2",
    });
    expect(validateCccd("001090012345", { ...NOW, dateOfBirth: "2090-01-01" })).toMatchObject({ ok: false });
  });

  it("names the exact digit expected when sex is known too", () => {
    expect(validateCccd("001205012345", { ...NOW, dateOfBirth: "1995-02-03", sex: "nu" })).toMatchObject({
      message:
        "Chữ số thứ 4 và năm sinh không khớp: người nữ sinh năm 1995 có chữ số thứ 4 là 1, số đã nhập có 2",
    });
  });

  it("compares digits 5–6 with the birth year", () => {
    expect(validateCccd("001091012345", { ...NOW, dateOfBirth: "1990-05-01" })).toEqual({
      ok: false,
      message:
        "Chữ số thứ 5 và 6 (91) phải là 2 số cuối năm sinh 1990 (90): hãy kiểm tra lại số CCCD hoặc ngày sinh",
    });
    expect(validateCccd("001090012345", { ...NOW, dateOfBirth: "1990-05-01" }).ok).toBe(true);
    expect(validateCccd("001305012345", { ...NOW, dateOfBirth: "2005-12-31", sex: "nu" }).ok).toBe(true);
  });

  it("compares the sex digit with a known sex", () => {
    expect(validateCccd("001190012345", { ...NOW, sex: "nam" })).toEqual({
      ok: false,
      message:
        "Chữ số thứ 4 (1) là của người nữ nhưng giới tính đã chọn là nam: hãy kiểm tra lại số CCCD hoặc giới tính",
    });
    expect(validateCccd("001190012345", { ...NOW, sex: "nu" }).ok).toBe(true);
  });

  it("ignores a date of birth it cannot read or that predates the scheme", () => {
    expect(validateCccd("001090012345", { ...NOW, dateOfBirth: "không rõ" }).ok).toBe(true);
    expect(validateCccd("001090012345", { ...NOW, dateOfBirth: "1899-01-01" }).ok).toBe(true);
  });

  it("never throws and always answers a 12-digit value or a message", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (input) => {
        const result = validateCccd(input, NOW);
        if (result.ok) expect(result.value).toMatch(/^\d{12}$/);
        else expect(result.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it("is idempotent: a normalised number normalises to itself", () => {
    const digitsWithSeparators = fc
      .array(fc.constantFrom("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", " ", "."), {
        minLength: 10,
        maxLength: 16,
      })
      .map((chars) => chars.join(""));
    fc.assert(
      fc.property(digitsWithSeparators, (input) => {
        const first = validateCccd(input, NOW);
        if (first.ok) expect(validateCccd(first.value, NOW)).toEqual(first);
      }),
    );
  });
});

describe("parseCccd", () => {
  it("decodes province, century, sex and birth year", () => {
    expect(parseCccd("079 301 001234")).toEqual({
      value: "079301001234",
      provinceCode: "079",
      provinceName: "TP. Hồ Chí Minh",
      centuryDigit: 3,
      century: 21,
      sex: "nu",
      birthYearSuffix: "01",
      birthYear: 2001,
    });
    expect(parseCccd("001099012345")).toMatchObject({ century: 20, sex: "nam", birthYear: 1999 });
    expect(parseCccd("001499012345")).toMatchObject({ century: 22, sex: "nam", birthYear: 2199 });
  });

  it("returns undefined for anything that is not 12 digits with a known province", () => {
    expect(parseCccd("00109901234")).toBeUndefined();
    expect(parseCccd("003099012345")).toBeUndefined();
    expect(parseCccd("abc")).toBeUndefined();
  });
});

describe("maskCccd", () => {
  it("shows only the last 4 digits", () => {
    expect(maskCccd("001099011234")).toBe("••••••••1234");
    expect(maskCccd("001 099 011 234")).toBe("••••••••1234");
  });

  it("shows nothing of something too short to be a number", () => {
    expect(maskCccd("1234")).toBe("••••••••••••");
  });
});
