import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { CATALOG } from "../procedures/catalog";
import { buildSearchIndex, EXACT_CODE_SCORE, type SearchDocument, searchIndex } from "./search";
import { EXPECTED_FIRST } from "./search-queries.test-data";

/** The real catalog: the table must hold for what citizens will actually search. */
const SEARCH_FIXTURE: readonly SearchDocument[] = CATALOG;
const index = buildSearchIndex(SEARCH_FIXTURE);

describe("catalog search: real-style questions → expected first procedure", () => {
  const misses: string[] = [];
  afterAll(() => {
    const passed = EXPECTED_FIRST.length - misses.length;
    const percent = ((100 * passed) / EXPECTED_FIRST.length).toFixed(1);
    console.info(
      `catalog search accuracy: ${passed}/${EXPECTED_FIRST.length} (${percent} %) first-result hits`,
    );
  });

  it("has a table of at least 40 questions over the 30 fixture procedures", () => {
    expect(EXPECTED_FIRST.length).toBeGreaterThanOrEqual(40);
    expect(SEARCH_FIXTURE).toHaveLength(30);
    const codes = new Set(SEARCH_FIXTURE.map((doc) => doc.code));
    for (const [, code] of EXPECTED_FIRST) expect(codes.has(code), code).toBe(true);
  });

  it.each(EXPECTED_FIRST)("%s → %s", (query, code) => {
    const first = searchIndex(index, query, { limit: 3 })[0]?.code;
    if (first !== code) misses.push(query);
    expect(first).toBe(code);
  });
});

describe("searchIndex", () => {
  it("ranks by score, best first, and honours the limit", () => {
    const hits = searchIndex(index, "dang ky tam tru", { limit: 5 });
    expect(hits).toHaveLength(5);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
    expect(searchIndex(index, "dang ky tam tru", { limit: 0 })).toEqual([]);
    expect(searchIndex(index, "dang ky tam tru", { limit: 2.5 })).toHaveLength(2);
    expect(searchIndex(index, "dang ky tam tru", { limit: Number.NaN })).toEqual([]);
    expect(searchIndex(index, "dang ky", { limit: Number.POSITIVE_INFINITY }).length).toBeGreaterThan(10);
    expect(searchIndex(index, "dang ky").length).toBeLessThanOrEqual(10);
  });

  it("filters by sector, compared folded", () => {
    const hits = searchIndex(index, "dang ky", { sector: "ho tich", limit: 30 });
    expect(hits.length).toBeGreaterThan(0);
    const sectors = new Map(SEARCH_FIXTURE.map((doc) => [doc.code, doc.sector]));
    for (const hit of hits) expect(sectors.get(hit.code)).toBe("Hộ tịch");
    expect(searchIndex(index, "dang ky tam tru", { sector: "Hộ tịch" })[0]?.code).not.toBe("1.004194");
  });

  it("answers a typed procedure code with that procedure alone", () => {
    expect(searchIndex(index, " 1.004194 ")).toEqual([{ code: "1.004194", score: EXACT_CODE_SCORE }]);
  });

  it("finds nothing for blank input, filler words only, or words no procedure has", () => {
    expect(searchIndex(index, "")).toEqual([]);
    expect(searchIndex(index, "   ?! ")).toEqual([]);
    expect(searchIndex(index, "cho em hỏi làm gì ạ")).toEqual([]);
    expect(searchIndex(index, "pizza hamburger")).toEqual([]);
  });

  it("does not care about diacritics, case or decomposed Unicode", () => {
    const plain = searchIndex(index, "dang ky ket hon");
    expect(searchIndex(index, "ĐĂNG KÝ KẾT HÔN")).toEqual(plain);
    expect(searchIndex(index, "Đăng ký kết hôn".normalize("NFD"))).toEqual(plain);
  });

  it("completes the word still being typed", () => {
    expect(searchIndex(index, "dang ky thuo")[0]?.code).toBe("1.004222");
    expect(searchIndex(index, "gia ha")[0]?.code).toBe("1.002755");
  });

  it("refuses duplicate codes, which would make a hit ambiguous", () => {
    const doc: SearchDocument = { code: "1.0", title: "a", officialName: "a", sector: "a", keywords: [] };
    expect(() => buildSearchIndex([doc, doc])).toThrow(/duplicate procedure code 1.0/);
  });

  it("works on an empty catalog", () => {
    expect(searchIndex(buildSearchIndex([]), "khai sinh")).toEqual([]);
  });

  it("never throws on any query and returns sorted, known codes", () => {
    const codes = new Set(SEARCH_FIXTURE.map((doc) => doc.code));
    const vietnamese = fc
      .array(
        fc.constantFrom("đăng", "ký", "tạm", "trú", "khai", "sinh", "cho", "con", "xin", " ", "ạ", "?", "1"),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(" "));
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary", maxLength: 200 }), vietnamese),
        fc.nat(20),
        (query, limit) => {
          const hits = searchIndex(index, query, { limit });
          expect(hits.length).toBeLessThanOrEqual(limit);
          for (const hit of hits) {
            expect(codes.has(hit.code)).toBe(true);
            expect(Number.isFinite(hit.score) && hit.score > 0).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
