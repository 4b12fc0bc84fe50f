import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanStrings, cleanText, isCleanText } from "./clean";

describe("cleanText", () => {
  it("removes NUL, other control characters and lone surrogates, keeping tabs and line breaks", () => {
    expect(cleanText("a\u0000b")).toBe("ab");
    expect(cleanText("xin chào \ud83d")).toBe("xin chào ");
    expect(cleanText("\udc00đầu")).toBe("đầu");
    expect(cleanText("dòng 1\r\ndòng 2\tcột")).toBe("dòng 1\r\ndòng 2\tcột");
    expect(cleanText("a\u0007\u001b[31mb\u007f\u0085")).toBe("a[31mb");
  });

  it("keeps whole emoji, joined sequences included", () => {
    expect(cleanText("chào 😀 👨‍👩‍👧")).toBe("chào 😀 👨‍👩‍👧");
  });

  it("removes bidirectional overrides that could disguise a name", () => {
    expect(cleanText("Nguyễn\u202eVăn\u202c")).toBe("NguyễnVăn");
  });

  it("normalises to NFC: decomposed Vietnamese equals the precomposed letters", () => {
    const decomposed = "Nguye\u0302\u0303n"; // e + circumflex + tilde
    expect(cleanText(decomposed)).toBe("Nguyễn");
  });

  it("always yields well-formed, NFC text free of NUL, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const cleaned = cleanText(text);
        expect(cleaned.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")).not.toMatch(/[\uD800-\uDFFF]/);
        expect(cleaned).toBe(cleaned.normalize("NFC"));
        expect(cleaned.includes("\u0000")).toBe(false);
        expect(cleanText(cleaned)).toBe(cleaned);
        expect(isCleanText(cleaned)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("cleanStrings", () => {
  it("cleans strings and keys at every level and keeps other values", () => {
    const file = new Blob(["x"]);
    const value = { "k\u0000": ["a\u0000", 1, true, null, { x: "\ud83d" }], file };
    expect(cleanStrings(value)).toEqual({ k: ["a", 1, true, null, { x: "" }], file });
    expect(cleanStrings(value).file).toBe(file);
  });

  it("keeps a __proto__ key as an own key, as JSON.parse does", () => {
    const parsed = JSON.parse('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    const cleaned = cleanStrings(parsed);
    expect(Object.keys(cleaned)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
