import { describe, expect, it } from "vitest";
import type { FieldInput } from "../definition";
import { formOf, TODAY } from "./testing/fixtures";
import { validateDossier } from "./validate";

/** Validates one answer of a one-field form: the normalised value or the messages. */
function check(field: FieldInput, value: unknown, today = TODAY) {
  const result = validateDossier(formOf(field), value === undefined ? {} : { x: value }, { today });
  return result.ok ? { value: result.value.x } : { errors: result.errors.map((error) => error.message) };
}

describe("text", () => {
  const field = { id: "x", type: "text", label: "Họ và tên", minLength: 2, maxLength: 10 } as const;
  it("trims, collapses inner whitespace and stores NFC", () => {
    expect(check(field, "  Lê \t  Văn\u00a0 A ")).toEqual({ value: "Lê Văn A" });
    expect(check(field, "Lê Văn A".normalize("NFD"))).toEqual({ value: "Lê Văn A" });
  });
  it("names the label when missing or blank", () => {
    expect(check(field, undefined)).toEqual({ errors: ["Họ và tên: vui lòng nhập"] });
    expect(check(field, "   ")).toEqual({ errors: ["Họ và tên: vui lòng nhập"] });
  });
  it("counts letters after normalisation for the length limits", () => {
    expect(check(field, "A")).toEqual({ errors: ["Họ và tên: cần ít nhất 2 ký tự, bạn đã nhập 1"] });
    expect(check(field, "Nguyễn Văn Anh")).toEqual({
      errors: ["Họ và tên: tối đa 10 ký tự, bạn đã nhập 14"],
    });
    expect(check(field, "Ệ".normalize("NFD").repeat(10))).toEqual({ value: "Ệ".repeat(10) });
  });
  it("refuses what is not text", () => {
    expect(check(field, 12)).toEqual({ errors: ["Họ và tên: giá trị không hợp lệ, vui lòng nhập lại"] });
  });
  it("leaves an optional blank field out", () => {
    expect(check({ ...field, required: false }, " ")).toEqual({ value: undefined });
  });
});

describe("long_text", () => {
  const field = { id: "x", type: "long_text", label: "Lý do", maxLength: 20 } as const;
  it("keeps line breaks, normalising Windows ones", () => {
    expect(check(field, "  Dòng 1\r\nDòng 2  ")).toEqual({ value: "Dòng 1\nDòng 2" });
  });
  it("limits the length", () => {
    expect(check(field, "a".repeat(21))).toEqual({ errors: ["Lý do: tối đa 20 ký tự, bạn đã nhập 21"] });
  });
});

describe("number", () => {
  const field = { id: "x", type: "number", label: "Số bản sao", min: 0, max: 2000 } as const;
  const decimal = { id: "x", type: "number", label: "Diện tích", integer: false } as const;
  it("accepts keypad numbers and Vietnamese notation", () => {
    expect(check(field, 3)).toEqual({ value: 3 });
    expect(check(field, " 1.500 ")).toEqual({ value: 1500 });
    expect(check(decimal, "2,5")).toEqual({ value: 2.5 });
    expect(check(decimal, "1.250.000,75")).toEqual({ value: 1250000.75 });
    expect(check(decimal, "1 250")).toEqual({ value: 1250 });
  });
  it("refuses a dot used as a decimal point, with the Vietnamese spelling as the hint", () => {
    expect(check(decimal, "1.5")).toEqual({
      errors: ["Diện tích: dùng dấu phẩy cho phần thập phân, ví dụ 1,5"],
    });
  });
  it("checks integer and bounds", () => {
    expect(check(field, "2,5")).toEqual({ errors: ["Số bản sao phải là số nguyên"] });
    expect(check(field, -1)).toEqual({ errors: ["Số bản sao không được nhỏ hơn 0"] });
    expect(check(field, "2.001")).toEqual({ errors: ["Số bản sao không được lớn hơn 2.000"] });
  });
  it("refuses words, NaN and infinities", () => {
    for (const bad of ["hai", "1e3", "", Number.NaN, Number.POSITIVE_INFINITY, true]) {
      const result = check(field, bad);
      expect(result.errors?.[0]).toMatch(/^Số bản sao: (nhập một số|vui lòng nhập)/);
    }
  });
  it("stores 0, never -0", () => {
    expect(Object.is(check(field, "-0").value, 0)).toBe(true);
  });
});

describe("date", () => {
  const field = { id: "x", type: "date", label: "Ngày sinh", bounds: { maxDaysFromToday: 0 } } as const;
  it("accepts ISO and day-first input, stores ISO", () => {
    expect(check(field, "2024-02-29")).toEqual({ value: "2024-02-29" });
    expect(check(field, "29/02/2024")).toEqual({ value: "2024-02-29" });
    expect(check(field, "5/9/2024")).toEqual({ value: "2024-09-05" });
    expect(check(field, "05.09.2024")).toEqual({ value: "2024-09-05" });
  });
  it("refuses dates that are not on the calendar", () => {
    expect(check(field, "31/02/2024")).toEqual({ errors: ["Ngày sinh: ngày 31/02/2024 không có trên lịch"] });
    expect(check(field, "2023-02-29")).toEqual({ errors: ["Ngày sinh: ngày 29/02/2023 không có trên lịch"] });
  });
  it("explains the expected format and year", () => {
    expect(check(field, "ngày 5")).toEqual({
      errors: ["Ngày sinh: nhập ngày theo dạng ngày/tháng/năm, ví dụ 05/09/2024"],
    });
    expect(check(field, "05/09/0205").errors?.[0]).toContain("năm phải gồm 4 chữ số");
  });
  it("applies bounds relative to today", () => {
    expect(check(field, TODAY)).toEqual({ value: TODAY });
    expect(check(field, "02/09/2025")).toEqual({ errors: ["Ngày sinh không được sau ngày hôm nay"] });
    const window: FieldInput = {
      id: "x",
      type: "date",
      label: "Ngày hẹn",
      bounds: { minDaysFromToday: 1, maxDaysFromToday: 30 },
    };
    expect(check(window, TODAY)).toEqual({ errors: ["Ngày hẹn không được trước ngày 02/09/2025"] });
    expect(check(window, "2025-10-02")).toEqual({ errors: ["Ngày hẹn không được sau ngày 01/10/2025"] });
  });
});

describe("select and radio", () => {
  const options = [
    { value: "me", label: "Mẹ" },
    { value: "cha", label: "Cha" },
  ];
  it("accepts an option value and lists the labels otherwise", () => {
    expect(check({ id: "x", type: "select", label: "Quan hệ", options }, "cha")).toEqual({ value: "cha" });
    expect(check({ id: "x", type: "radio", label: "Quan hệ", options }, "Cha")).toEqual({
      errors: ["Quan hệ: chọn một trong các lựa chọn: Mẹ, Cha"],
    });
    expect(check({ id: "x", type: "radio", label: "Quan hệ", options }, undefined)).toEqual({
      errors: ["Quan hệ: vui lòng chọn"],
    });
  });
});

describe("yes_no and declaration", () => {
  it("takes booleans only; false is an answer", () => {
    const field = { id: "x", type: "yes_no", label: "Có ô tô" } as const;
    expect(check(field, false)).toEqual({ value: false });
    expect(check(field, "co")).toEqual({ errors: ["Có ô tô: chọn Có hoặc Không"] });
  });
  it("requires a declaration to be ticked", () => {
    const field = {
      id: "x",
      type: "declaration",
      label: "Lời cam đoan",
      statement: "Tôi cam đoan.",
    } as const;
    expect(check(field, true)).toEqual({ value: true });
    expect(check(field, false)).toEqual({ errors: ["Lời cam đoan: vui lòng đánh dấu để xác nhận"] });
    expect(check(field, "true")).toEqual({ errors: ["Lời cam đoan: vui lòng đánh dấu để xác nhận"] });
  });
});

describe("cccd, phone, email", () => {
  it("checks a CCCD with the identity rules and keeps its 12 digits", () => {
    const field = { id: "x", type: "cccd", label: "Số CCCD" } as const;
    expect(check(field, "001 090 012 345")).toEqual({ value: "001090012345" });
    expect(check(field, "00109001234")).toEqual({
      errors: ["Số CCCD: số CCCD gồm 12 chữ số, bạn đã nhập 11"],
    });
  });
  it("refuses a CCCD whose birth year is after today's year", () => {
    const field = { id: "x", type: "cccd", label: "Số CCCD" } as const;
    expect(check(field, "001226012345", "2025-09-01").errors?.[0]).toContain("năm sinh 2026");
  });
  it("stores a mobile number as 84…", () => {
    const field = { id: "x", type: "phone", label: "Số điện thoại" } as const;
    expect(check(field, "0912.345.678")).toEqual({ value: "84912345678" });
    expect(check(field, "+84 912 345 678")).toEqual({ value: "84912345678" });
    expect(check(field, "0241234567").errors?.[0]).toMatch(/^Số điện thoại: /);
  });
  it("lower-cases the email domain only", () => {
    const field = { id: "x", type: "email", label: "Email" } as const;
    expect(check(field, " Lan.Nguyen@Gmail.COM ")).toEqual({ value: "Lan.Nguyen@gmail.com" });
    expect(check(field, "lan@gmail")).toEqual({
      errors: ["Email: địa chỉ email chưa đúng, ví dụ ten@gmail.com"],
    });
  });
});
