import { describe, expect, it } from "vitest";
import { certifiedCopyFee, certifiedCopyFeePerCopy } from "./certified-copy-fee";

describe("certified copy fee (Thông tư 226/2016/TT-BTC)", () => {
  it("charges 2.000 đ for each of the first two pages and 1.000 đ from the third", () => {
    expect(certifiedCopyFeePerCopy(1)).toBe(2_000);
    expect(certifiedCopyFeePerCopy(2)).toBe(4_000);
    expect(certifiedCopyFeePerCopy(3)).toBe(5_000);
    expect(certifiedCopyFeePerCopy(10)).toBe(12_000);
  });

  it("caps one copy at 200.000 đ", () => {
    expect(certifiedCopyFeePerCopy(198)).toBe(200_000);
    expect(certifiedCopyFeePerCopy(500)).toBe(200_000);
  });

  it("adds up documents times copies, ignoring nonsense counts", () => {
    expect(
      certifiedCopyFee([
        { pageCount: 1, copyCount: 3 },
        { pageCount: 4, copyCount: 2 },
      ]),
    ).toBe(3 * 2_000 + 2 * 6_000);
    expect(certifiedCopyFee([{ pageCount: -1, copyCount: 2 }])).toBe(0);
    expect(certifiedCopyFee([])).toBe(0);
  });
});
