import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { damerauLevenshtein } from "./edit-distance";

describe("damerauLevenshtein", () => {
  it("counts insertions, deletions, substitutions and adjacent swaps as one edit each", () => {
    expect(damerauLevenshtein("tru", "tru")).toBe(0);
    expect(damerauLevenshtein("trus", "tru")).toBe(1);
    expect(damerauLevenshtein("sinh", "sinhh")).toBe(1);
    expect(damerauLevenshtein("kinh", "kiinh")).toBe(1);
    expect(damerauLevenshtein("kihn", "kinh")).toBe(1);
    expect(damerauLevenshtein("thuong", "thuogn")).toBe(1);
    expect(damerauLevenshtein("", "abc")).toBe(3);
    expect(damerauLevenshtein("khai", "sinh")).toBe(4);
  });

  it("stops early and answers max + 1 past the bound", () => {
    expect(damerauLevenshtein("khai", "sinh", 1)).toBe(2);
    expect(damerauLevenshtein("a", "abcdef", 2)).toBe(3);
    expect(damerauLevenshtein("tam", "tap", 1)).toBe(1);
  });

  it("is symmetric, zero only for equal strings, and agrees with its bounded form", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.nat(3), (a, b, max) => {
        const d = damerauLevenshtein(a, b);
        expect(damerauLevenshtein(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(damerauLevenshtein(a, b, max)).toBe(Math.min(d, max + 1));
      }),
    );
  });
});
