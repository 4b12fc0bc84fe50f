import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonDepthWithin, parseJsonTruncated } from "./bounded-json";

const nested = (levels: number, inner = "1") => "[".repeat(levels) + inner + "]".repeat(levels);

describe("jsonDepthWithin", () => {
  it("counts containers, not brackets inside strings", () => {
    expect(jsonDepthWithin('{"a":[1,{"b":2}]}', 3)).toBe(true);
    expect(jsonDepthWithin('{"a":[1,{"b":2}]}', 2)).toBe(false);
    expect(jsonDepthWithin('{"a":"[[[[[[[[[["}', 1)).toBe(true);
    expect(jsonDepthWithin('{"a":"\\"[[[[["}', 1)).toBe(true);
  });

  it("answers for 100,000 levels without touching the stack", () => {
    expect(jsonDepthWithin(nested(100_000))).toBe(false);
    expect(jsonDepthWithin(nested(32))).toBe(true);
  });
});

describe("parseJsonTruncated", () => {
  it("parses shallow JSON exactly as JSON.parse does", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), (value) => {
        const text = JSON.stringify(value);
        expect(parseJsonTruncated(text, 32)).toEqual(JSON.parse(text));
      }),
    );
  });

  it("replaces what is nested too deep by null and keeps the rest", () => {
    const text = `{"app_id":"1","deep":${nested(5000)},"timestamp":"17","message":{"text":"x"}}`;
    expect(parseJsonTruncated(text, 3)).toEqual({
      app_id: "1",
      deep: [[null]],
      timestamp: "17",
      message: { text: "x" },
    });
  });

  it("throws a SyntaxError for text that is not JSON, deep or not", () => {
    expect(() => parseJsonTruncated("{", 3)).toThrow(SyntaxError);
    expect(() => parseJsonTruncated(`{"a":${"[".repeat(10)}`, 3)).toThrow(SyntaxError);
    expect(() => parseJsonTruncated(`${nested(10)}]]`, 3)).toThrow(SyntaxError);
  });

  it("never throws anything but SyntaxError on arbitrary text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("[", "]", "{", "}", '"', "\\", ":", ",", "1", "a") }),
        (text) => {
          try {
            parseJsonTruncated(text, 4);
          } catch (error) {
            expect(error).toBeInstanceOf(SyntaxError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
