import { foldVietnamese } from "./fold";
import { analyseQuery, type QueryTerm } from "./query";
import type { SearchIndex } from "./search-index";

/**
 * Catalog search: finds a procedure from how people write ("lam giay khai sinh cho con", "mo quan an can
 * dang ky gi", "dang ky tam trus"). Build the index once per catalog version with buildSearchIndex and
 * query it as often as needed; a query touches only the postings of its own terms.
 */
export { buildSearchIndex, type SearchDocument, type SearchIndex } from "./search-index";

export interface SearchOptions {
  /** Most hits to return (default 10). */
  limit?: number;
  /** Only procedures of this sector (lĩnh vực), compared folded: "Hộ tịch" = "ho tich". */
  sector?: string;
}

export interface SearchHit {
  code: string;
  /** Higher is better; comparable only within one index. */
  score: number;
}

/** Share of the score kept by a procedure that matches none of the query words it could have matched. */
const COVERAGE_FLOOR = 0.3;
/**
 * Extra score for a title made only of the query's words: "đăng ký tạm trú" is the whole title of Đăng ký
 * tạm trú but most of Xóa đăng ký tạm trú's; BM25 length normalisation alone barely separates them once the
 * title term frequency saturates. Precision is idf-weighted, so a missing "xóa" or "lại" (rare, telling)
 * costs more than a missing "đăng ký" (everywhere).
 */
const TITLE_PRECISION_BONUS = 1;
/** Score given to the procedure whose code was typed exactly ("1.001193"): above any text match. */
export const EXACT_CODE_SCORE = 1000;

export function searchIndex(index: SearchIndex, query: string, options: SearchOptions = {}): SearchHit[] {
  const limit = Math.floor(options.limit ?? 10);
  if (!(limit > 0)) return []; // also NaN
  const sector = options.sector === undefined ? undefined : foldVietnamese(options.sector);
  const allowed = (doc: number) => sector === undefined || index.sectors[doc] === sector;

  const exact = index.byCode.get(query.trim());
  if (exact !== undefined) return allowed(exact) ? [{ code: query.trim(), score: EXACT_CODE_SCORE }] : [];

  const { terms, matchable } = analyseQuery(index, query);
  const totals = accumulate(index, terms);

  // Coverage: a procedure answering every part of the question beats one that answers a single word loudly.
  const wanted = popCount(matchable);
  const top: SearchHit[] = [];
  for (const doc of totals.touched) {
    if (!allowed(doc)) continue;
    const coverage = wanted === 0 ? 1 : popCount((totals.slots[doc] ?? 0) & matchable) / wanted;
    const titleWeight = index.titleWeight[doc] ?? 0;
    const precision = titleWeight === 0 ? 0 : Math.min(1, (totals.titleHits[doc] ?? 0) / titleWeight);
    const score =
      (totals.scores[doc] ?? 0) *
      (COVERAGE_FLOOR + (1 - COVERAGE_FLOOR) * coverage) *
      (1 + TITLE_PRECISION_BONUS * precision * precision);
    keepTop(top, { code: index.codes[doc] ?? "", score }, limit);
  }
  return top;
}

interface Totals {
  scores: Float64Array;
  slots: Int32Array;
  titleHits: Float64Array;
  /** Documents with a non-zero score, in the order first reached. */
  touched: number[];
}

/** Sums each term's precomputed contributions over its postings only. */
function accumulate(index: SearchIndex, terms: readonly QueryTerm[]): Totals {
  const size = index.codes.length;
  const scores = new Float64Array(size);
  const slots = new Int32Array(size);
  const titleHits = new Float64Array(size);
  const touched: number[] = [];
  // Guesses for one unknown word compete: each procedure keeps only its best one.
  const bestGuess = new Map<number, { doc: number; score: number; slots: number; titleHit: number }>();
  for (const term of terms) {
    const postings = index.postings.get(term.term);
    if (postings === undefined) continue;
    const { docs, scores: contributions, inTitle, idf } = postings;
    const { weight, slots: termSlots, guessFor } = term;
    for (let k = 0; k < docs.length; k++) {
      const doc = docs[k] ?? 0;
      const score = weight * (contributions[k] ?? 0);
      const titleHit = inTitle[k] === 1 ? weight * idf : 0;
      if (guessFor !== undefined) {
        const key = doc * 32 + guessFor; // guessFor < 32: slots are bits of a 32-bit integer
        if (score > (bestGuess.get(key)?.score ?? 0))
          bestGuess.set(key, { doc, score, slots: termSlots, titleHit });
        continue;
      }
      if (scores[doc] === 0) touched.push(doc);
      scores[doc] = (scores[doc] ?? 0) + score;
      slots[doc] = (slots[doc] ?? 0) | termSlots;
      titleHits[doc] = (titleHits[doc] ?? 0) + titleHit;
    }
  }
  for (const guess of bestGuess.values()) {
    if (scores[guess.doc] === 0) touched.push(guess.doc);
    scores[guess.doc] = (scores[guess.doc] ?? 0) + guess.score;
    slots[guess.doc] = (slots[guess.doc] ?? 0) | guess.slots;
    titleHits[guess.doc] = (titleHits[guess.doc] ?? 0) + guess.titleHit;
  }
  return { scores, slots, titleHits, touched };
}

/** Better first; equal scores by code, so results are stable across runs and index builds. */
function before(a: SearchHit, b: SearchHit): boolean {
  return a.score > b.score || (a.score === b.score && a.code < b.code);
}

/** Inserts into a best-first list of at most `limit` hits: O(limit) per hit, no sort of every match. */
function keepTop(top: SearchHit[], hit: SearchHit, limit: number): void {
  const last = top[top.length - 1];
  if (top.length >= limit && last !== undefined && !before(hit, last)) return;
  let i = Math.min(top.length, limit - 1);
  top[i] = hit;
  while (i > 0) {
    const previous = top[i - 1];
    if (previous === undefined || !before(hit, previous)) break;
    top[i] = previous;
    top[i - 1] = hit;
    i--;
  }
}

/** Set bits of a 32-bit integer (SWAR popcount: no loop in the per-document path). */
function popCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
