import { describe, expect, it } from "vitest";
import { foldVietnamese, tokenize, toNfc } from "./fold";

describe("foldVietnamese", () => {
  it("removes tones and vowel marks", () => {
    expect(foldVietnamese("Phường Bạch Mai")).toBe("phuong bach mai");
    expect(foldVietnamese("Xã Sóc Sơn")).toBe("xa soc son");
  });

  it("folds đ and Đ to d", () => {
    expect(foldVietnamese("Đống Đa")).toBe("dong da");
  });

  it("treats decomposed and precomposed input alike", () => {
    const decomposed = "Hoàn Kiếm".normalize("NFD");
    expect(foldVietnamese(decomposed)).toBe(foldVietnamese("Hoàn Kiếm"));
  });

  it("turns punctuation into single spaces", () => {
    expect(foldVietnamese("  Văn Miếu - Quốc Tử Giám ")).toBe("van mieu quoc tu giam");
  });
});

describe("tokenize", () => {
  it("splits folded words and returns nothing for blank input", () => {
    expect(tokenize("Bạch  Mai")).toEqual(["bach", "mai"]);
    expect(tokenize("   ")).toEqual([]);
  });
});

describe("toNfc", () => {
  it("composes combining marks", () => {
    expect(toNfc("a\u0301")).toBe("á");
  });
});
