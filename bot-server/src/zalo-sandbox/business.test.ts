import { describe, expect, it } from "vitest";
import { znsPhone } from "./business";

describe("znsPhone", () => {
  it("takes 84… and +84… mobile numbers, as ZNS does", () => {
    expect(znsPhone("84987654321")).toBe("84987654321");
    expect(znsPhone("+84912345678")).toBe("84912345678");
  });

  it("refuses a leading 0, separators, a landline or unknown prefix, a wrong length", () => {
    for (const phone of ["0987654321", "84 987 654 321", "84112345678", "842412345678", "8498765432", ""]) {
      expect(znsPhone(phone), phone).toBeUndefined();
    }
  });
});
