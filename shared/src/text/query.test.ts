import { describe, expect, it } from "vitest";
import { CATALOG as SEARCH_FIXTURE } from "../procedures/catalog";
import { searchTokens } from "./analyse";
import { analyseQuery } from "./query";
import { buildSearchIndex } from "./search-index";

const index = buildSearchIndex(SEARCH_FIXTURE);
const termsOf = (query: string) => analyseQuery(index, query).terms.map((term) => term.term);

describe("searchTokens", () => {
  it("folds and rewrites spelling variants the same way for documents and queries", () => {
    expect(searchTokens("Đăng kí tạm trú")).toEqual(["dang", "ky", "tam", "tru"]);
    expect(searchTokens("ĐK kết hôn")).toEqual(["dang", "ky", "ket", "hon"]);
    expect(searchTokens("đổi CMND")).toEqual(["doi", "can", "cuoc"]);
    expect(searchTokens("Chứng minh nhân dân")).toEqual(["can", "cuoc"]);
  });
});

describe("analyseQuery", () => {
  it("drops filler words but keeps them inside phrases", () => {
    const terms = termsOf("cho em hỏi làm căn cước cần gì");
    expect(terms).not.toContain("can");
    expect(terms).not.toContain("lam");
    expect(terms).toContain("cuoc");
    expect(terms).toContain("can cuoc");
  });

  it("removes stop phrases whole, so 'mất bao lâu' is not read as 'lost'", () => {
    expect(termsOf("đăng ký tạm trú mất bao lâu")).not.toContain("mat");
    expect(termsOf("thủ tục khai sinh")).not.toContain("thu");
  });

  it("adds synonyms at a lower weight, keeping the person's own words", () => {
    const { terms } = analyseQuery(index, "cưới vợ");
    expect(terms.find((term) => term.term === "ket hon")?.weight).toBeLessThan(1);
    expect(terms.map((term) => term.term)).toContain("cuoi");
  });

  it("repairs one typo and splits run-together syllables", () => {
    expect(termsOf("dang ky tam trus")).toContain("tam tru");
    expect(termsOf("khaisinh")).toContain("khai sinh");
  });

  it("counts as matchable only words some procedure could match", () => {
    expect(analyseQuery(index, "khai sinh pizza").matchable).toBe(0b011);
  });
});
