import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cccdSchema, cccdSchemaFor, phoneSchema } from "./schemas";

describe("cccdSchema", () => {
  it("outputs the 12 digits", () => {
    expect(cccdSchema.parse("001 099 012 345")).toBe("001099012345");
  });

  it("reports the Vietnamese message as the issue", () => {
    const result = cccdSchema.safeParse("00109901234");
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      "Số CCCD gồm 12 chữ số, bạn đã nhập 11",
    ]);
  });

  it("asks for the number when it is missing", () => {
    const result = z.object({ cccd: cccdSchema }).safeParse({});
    expect(result.error?.issues[0]?.message).toBe("Vui lòng nhập số CCCD (12 chữ số in trên thẻ căn cước)");
    expect(result.error?.issues[0]?.path).toEqual(["cccd"]);
  });

  it("checks against a known date of birth and sex", () => {
    const schema = cccdSchemaFor({ dateOfBirth: "1990-01-01", sex: "nu", currentYear: 2026 });
    expect(schema.parse("001190012345")).toBe("001190012345");
    expect(schema.safeParse("001290012345").error?.issues[0]?.message).toMatch(/^Chữ số thứ 4 và năm sinh/);
  });
});

describe("phoneSchema", () => {
  it("outputs 84xxxxxxxxx", () => {
    expect(phoneSchema.parse("0912 345 678")).toBe("84912345678");
  });

  it("reports the Vietnamese message as the issue", () => {
    expect(phoneSchema.safeParse("0112345678").error?.issues[0]?.message).toBe(
      "Đầu số 011 không phải đầu số di động Việt Nam",
    );
    expect(phoneSchema.safeParse(912345678).error?.issues[0]?.message).toBe(
      "Vui lòng nhập số điện thoại di động",
    );
  });
});
