import { bigramKey, searchTokens } from "./analyse";
import { prefixCompletions, splitCompound, typoCandidates } from "./fuzzy";
import { buildPhraseTable, longestMatchAt } from "./phrases";
import type { SearchIndex } from "./search-index";
import { STOP_PHRASES, STOP_WORDS } from "./stop-words";
import { QUERY_SYNONYMS, type SynonymGroup } from "./synonyms";

/**
 * Turns what a person typed into weighted index terms. Each term remembers which query words ("slots") it
 * stands for, so the scorer can prefer procedures that answer every part of the question: "gia hạn tạm trú"
 * should rank Gia hạn tạm trú above Đăng ký tạm trú, which only answers "tạm trú".
 */

export interface QueryTerm {
  term: string;
  /** 1 for the person's own words, less for typo repairs, completions and synonyms. */
  weight: number;
  /** Bit i set: the term stands for query word i. */
  slots: number;
  /**
   * Set on the guesses for one unknown word (typo repairs, completions): a procedure scores only its best
   * guess, not the sum of all of them, or a text with "thuê", "thuộc" and "thường" would win "thuo".
   */
  guessFor?: number;
}

export interface AnalysedQuery {
  terms: readonly QueryTerm[];
  /** Query words that some document could match (unknown words and stop words are not counted). */
  matchable: number;
}

/** Slots are bits of a 32-bit integer; nobody describes a procedure in 30 words. */
const MAX_WORDS = 30;
/** Weight of a repaired word: below the person's own words, so an exact match elsewhere still wins. */
const GUESS_WEIGHT = 0.8;
const COMPLETIONS = 3;

const STOP_PHRASE_TABLE = buildPhraseTable(
  STOP_PHRASES.map((phrase) => [phrase, true] as const),
  searchTokens,
);
const SYNONYM_TABLE = buildPhraseTable(
  QUERY_SYNONYMS.flatMap((group) => group.phrases.map((phrase) => [phrase, group] as const)),
  searchTokens,
);
const SYNONYM_TERMS = new Map(QUERY_SYNONYMS.map((group) => [group, searchTokens(group.means)]));

function withoutStopPhrases(tokens: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = longestMatchAt(STOP_PHRASE_TABLE, tokens, i);
    if (match === undefined) kept.push(tokens[i] ?? "");
    i += match?.length ?? 1;
  }
  return kept;
}

/** Query words after stop phrases are dropped and run-together syllables are split. */
function queryWords(index: SearchIndex, query: string): string[] {
  const known = index.vocabulary.frequency;
  const isPhrase = (a: string, b: string) => index.postings.has(bigramKey(a, b));
  return withoutStopPhrases(searchTokens(query))
    .flatMap((token) =>
      known.has(token) || STOP_WORDS.has(token)
        ? [token]
        : (splitCompound(index.vocabulary, token, isPhrase) ?? [token]),
    )
    .slice(0, MAX_WORDS);
}

/** Positions covered by a synonym phrase typed as is (such words are not "repaired" into other words). */
function synonymSpans(words: readonly string[]): { start: number; length: number; group: SynonymGroup }[] {
  const spans: { start: number; length: number; group: SynonymGroup }[] = [];
  words.forEach((_, start) => {
    const match = longestMatchAt(SYNONYM_TABLE, words, start);
    if (match !== undefined) spans.push({ start, length: match.length, group: match.value });
  });
  return spans;
}

type Reading = { word: string; weight: number };

/**
 * Readings of each word: itself if known (or part of a synonym phrase), else its repairs: completions when
 * it is the word still being typed (far more often a prefix than a typo), typo repairs otherwise. Stop words
 * have none of their own.
 */
function readingsOf(index: SearchIndex, words: readonly string[], typingLastWord: boolean): Reading[][] {
  const known = index.vocabulary.frequency;
  const inSynonym = new Set(synonymSpans(words).flatMap(({ start, length }) => range(start, length)));
  return words.map((word, i) => {
    if (STOP_WORDS.has(word)) return [];
    if (known.has(word) || inSynonym.has(i)) return [{ word, weight: 1 }];
    const completions =
      typingLastWord && i === words.length - 1 && word.length >= 2
        ? prefixCompletions(index.vocabulary, word, COMPLETIONS)
        : [];
    const guesses = completions.length > 0 ? completions : typoCandidates(index.vocabulary, word);
    return guesses.map((guess) => ({ word: guess, weight: GUESS_WEIGHT }));
  });
}

/** Collects terms; a term reached twice keeps its highest weight and all the words it stands for. */
class TermSet {
  readonly terms = new Map<string, QueryTerm>();
  matchable = 0;

  add(term: string, weight: number, slots: number, guessFor?: number): void {
    const existing = this.terms.get(term);
    if (existing === undefined) {
      this.terms.set(
        term,
        guessFor === undefined ? { term, weight, slots } : { term, weight, slots, guessFor },
      );
    } else {
      this.terms.set(term, {
        term,
        weight: Math.max(existing.weight, weight),
        slots: existing.slots | slots,
      });
    }
  }
}

export function analyseQuery(index: SearchIndex, query: string): AnalysedQuery {
  const words = queryWords(index, query);
  const readings = readingsOf(index, words, !/[\s\p{P}]$/u.test(query));
  // The single best reading per word, for phrases: repaired words still form "tam tru" from "tam trus".
  const resolved = words.map((word, i) => readings[i]?.[0]?.word ?? word);
  const set = new TermSet();

  readings.forEach((options, i) => {
    if (options.length > 0) set.matchable |= 1 << i;
    const guessed = options.length > 0 && options[0]?.word !== words[i];
    for (const { word, weight } of options) set.add(word, weight, 1 << i, guessed ? i : undefined);
  });
  addPhrases(set, resolved, readings);
  addSynonyms(set, resolved);
  return { terms: [...set.terms.values()], matchable: set.matchable };
}

/** Adjacent word pairs; a stop word counts here ("căn cước" = "can" + "cuoc") unless both are stop words. */
function addPhrases(set: TermSet, resolved: readonly string[], readings: readonly Reading[][]): void {
  for (let i = 0; i + 1 < resolved.length; i++) {
    const first = STOP_WORDS.has(resolved[i] ?? "");
    const second = STOP_WORDS.has(resolved[i + 1] ?? "");
    if (first && second) continue;
    const weight = Math.min(readings[i]?.[0]?.weight ?? 1, readings[i + 1]?.[0]?.weight ?? 1);
    const slots = (first ? 0 : 1 << i) | (second ? 0 : 1 << (i + 1));
    set.add(bigramKey(resolved[i] ?? "", resolved[i + 1] ?? ""), weight, slots);
  }
}

/** The catalog words (and their pairs) for each synonym phrase found, standing for the whole phrase. */
function addSynonyms(set: TermSet, resolved: readonly string[]): void {
  for (const { start, length, group } of synonymSpans(resolved)) {
    const slots = range(start, length).reduce((mask, i) => mask | (1 << i), 0);
    set.matchable |= slots;
    const target = SYNONYM_TERMS.get(group) ?? [];
    target.forEach((word, i) => {
      if (!STOP_WORDS.has(word)) set.add(word, group.weight, slots);
      const next = target[i + 1];
      if (next !== undefined) set.add(bigramKey(word, next), group.weight, slots);
    });
  }
}

function range(start: number, length: number): number[] {
  return Array.from({ length }, (_, offset) => start + offset);
}
