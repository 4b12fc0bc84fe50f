import { CATALOG, foldVietnamese, type SearchHit, searchIndex } from "@dvc/shared";
import { catalogSearchIndex as index } from "../procedures/service";

/**
 * Which catalog procedure a chat message asks about, and how sure the bot may be. The catalog search
 * already copes with missing diacritics, typos, synonyms and filler ("cho em hỏi", "cần những gì"); this
 * file only turns its raw scores into "answer", "answer and ask back" or "no match".
 */

/*
 * Thresholds on BM25F scores (comparable only within this index). Chosen from the score distribution of
 * the search's own test queries (shared/src/text/search-queries.test-data.ts) and of off-topic chat, not
 * from single messages: real procedure questions score ≥ 10 and mostly 25–130; off-topic messages score
 * 0–9.5 through one common word ("nhà", "con", "mất") or a typo repair, with or without how-to words, so
 * those words cannot lower the floor. Sibling procedures (khai sinh / đăng ký lại khai sinh / khai sinh kết
 * hợp nhận cha; đăng ký / xóa tạm trú) sit within a factor 1.1–1.5 of each other on the words they share,
 * so a bare "khai sinh" stays a guess that the bot confirms, with the siblings as alternatives.
 */

/** Below this the best hit is noise. */
const MIN_SCORE = 10;
/** A hit this strong names a procedure outright: several catalog words or a whole phrase matched. */
const HIGH_SCORE = 20;
/** Lead over the runner-up, as a ratio, that a HIGH_SCORE hit needs to be more than a tie of siblings. */
const HIGH_MARGIN = 1.3;
/**
 * A lead this clear is enough at any score above the floor, but only in a how-to question ("khai tử cho
 * ông cần những gì"): a bare word or two ("khai tu") is still confirmed with the resident.
 */
const CLEAR_LEAD = 2;
/** Scores this high come from a title or keyword phrase matched whole; siblings are then alternatives. */
const DECISIVE_SCORE = 50;
/** Alternatives offered beside a guess must score at least this share of the best hit. */
const ALTERNATIVE_SHARE = 0.5;
const MAX_ALTERNATIVES = 2;

/**
 * Words that make a procedure a variant of a plainer one: "Đăng ký LẠI khai sinh", "Xin BẢN SAO Giấy khai
 * sinh, TRÍCH LỤC…", "XÓA đăng ký tạm trú", "GIA HẠN tạm trú", "THAY ĐỔI, CẢI CHÍNH…". A resident who
 * writes none of them ("làm giấy khai sinh cần những gì") means the plain procedure, so such a variant is
 * not a real rival of the top hit. Folded, as titles and messages are compared folded.
 */
const VARIANT_QUALIFIERS = [
  "lai",
  "ban sao",
  "trich luc",
  "xoa",
  "gia han",
  "thay doi",
  "cai chinh",
  "ket hop",
  "doi",
] as const;

const foldedTitle = new Map(CATALOG.map((p) => [p.code, ` ${foldVietnamese(p.title)} `]));

/** Whether the procedure's title carries a qualifier that the message does not use. */
function hasUnaskedQualifier(code: string, message: string): boolean {
  const title = foldedTitle.get(code) ?? "";
  return VARIANT_QUALIFIERS.some((word) => title.includes(` ${word} `) && !message.includes(` ${word} `));
}

export interface ProcedureMatch {
  procedureCode: string;
  confidence: "high" | "low";
  alternatives: string[];
}

/**
 * The best procedure for the message, or undefined when nothing scores above noise.
 * `hasHowToCue`: the message is phrased as a question about doing something.
 */
export function matchProcedure(searchText: string, hasHowToCue: boolean): ProcedureMatch | undefined {
  // A trailing space: a sent message is complete, so the search must not read its last word as a prefix.
  const hits = searchIndex(index, `${searchText} `, { limit: 1 + MAX_ALTERNATIVES });
  const [top] = hits;
  if (top === undefined) return undefined;
  if (top.score < MIN_SCORE) return undefined;
  const message = ` ${foldVietnamese(searchText)} `;
  // The top hit's real rival: the next hit, unless it is a variant the resident did not ask for (and
  // the top hit is not one itself). A hit below the noise floor is no rival either.
  const rivals = hits
    .slice(1)
    .filter((hit) => hit.score >= MIN_SCORE)
    .filter((hit) => hasUnaskedQualifier(top.code, message) || !hasUnaskedQualifier(hit.code, message));
  const second = rivals[0];
  return {
    procedureCode: top.code,
    confidence: isConfident(top, second, hasHowToCue) ? "high" : "low",
    alternatives: hits
      .slice(1)
      .filter((hit) => hit.score >= ALTERNATIVE_SHARE * top.score)
      .map((hit) => hit.code),
  };
}

function isConfident(top: SearchHit, second: SearchHit | undefined, hasHowToCue: boolean): boolean {
  const lead = second === undefined ? Number.POSITIVE_INFINITY : top.score / second.score;
  return (
    top.score >= DECISIVE_SCORE ||
    (top.score >= HIGH_SCORE && lead >= HIGH_MARGIN) ||
    (hasHowToCue && lead >= CLEAR_LEAD)
  );
}
