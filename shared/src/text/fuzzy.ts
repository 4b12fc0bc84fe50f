import { damerauLevenshtein } from "./edit-distance";

/**
 * Repairs for query words the index has never seen: a typo ("trus", "sinhh", "kihn"), two syllables typed
 * together ("tamtru", "khaisinh") or a word still being typed ("thuo|"). Everything here looks words up in
 * the vocabulary (distinct folded syllables of the catalog, a few thousand), never scans documents.
 *
 * Typos use a deletion neighbourhood (the SymSpell idea): every word is filed under each string obtained by
 * deleting one of its letters; a query word and a word within one edit share such a key (or one is the
 * other's key), so candidates are a handful of map look-ups, then confirmed with Damerau–Levenshtein.
 */

export interface Vocabulary {
  /** Word → number of documents containing it (to prefer the common reading of an ambiguous typo). */
  readonly frequency: ReadonlyMap<string, number>;
  /** Single-deletion key → words filed under it. */
  readonly deletions: ReadonlyMap<string, readonly string[]>;
  /** All words, sorted, for prefix completion. */
  readonly sorted: readonly string[];
}

/** Shorter words are too easily one edit from another real syllable ("tam" / "tâm" / "tầm" / "tap"). */
const MIN_TYPO_LENGTH = 4;
/** Long tokens get a second edit; folded Vietnamese syllables are at most 7 letters, so these are rare. */
const TWO_EDIT_LENGTH = 8;
const MAX_CANDIDATES = 3;

function deletionsOf(word: string): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < word.length; i++) keys.add(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

export function buildVocabulary(frequency: ReadonlyMap<string, number>): Vocabulary {
  const deletions = new Map<string, string[]>();
  for (const word of frequency.keys()) {
    if (word.length < MIN_TYPO_LENGTH - 1) continue;
    for (const key of deletionsOf(word)) {
      const words = deletions.get(key);
      if (words === undefined) deletions.set(key, [word]);
      else words.push(word);
    }
  }
  return { frequency, deletions, sorted: [...frequency.keys()].sort() };
}

/** Known words within one edit (two for long tokens), closest then most frequent first. */
export function typoCandidates(vocabulary: Vocabulary, token: string): string[] {
  if (token.length < MIN_TYPO_LENGTH || /\d/.test(token)) return [];
  const maxEdits = token.length >= TWO_EDIT_LENGTH ? 2 : 1;
  const probes = new Set<string>([token, ...deletionsOf(token)]);
  if (maxEdits === 2)
    for (const key of [...probes]) for (const deeper of deletionsOf(key)) probes.add(deeper);

  const found = new Map<string, number>();
  const consider = (word: string) => {
    if (found.has(word) || word === token) return;
    const distance = damerauLevenshtein(token, word, maxEdits);
    if (distance <= maxEdits) found.set(word, distance);
  };
  for (const probe of probes) {
    if (vocabulary.frequency.has(probe)) consider(probe);
    for (const word of vocabulary.deletions.get(probe) ?? []) consider(word);
  }
  return [...found.entries()]
    .sort(
      ([a, da], [b, db]) =>
        da - db ||
        (vocabulary.frequency.get(b) ?? 0) - (vocabulary.frequency.get(a) ?? 0) ||
        (a < b ? -1 : 1),
    )
    .slice(0, MAX_CANDIDATES)
    .map(([word]) => word);
}

/**
 * Splits a token into 2–4 known words ("tamtru" → tam, tru), fewest pieces first, then the split whose
 * neighbours are known two-word phrases. Pieces are at least 2 letters: 1-letter syllables ("y", "o") would
 * split almost anything.
 */
export function splitCompound(
  vocabulary: Vocabulary,
  token: string,
  isPhrase: (first: string, second: string) => boolean,
): string[] | undefined {
  if (token.length < 4 || /\d/.test(token)) return undefined;
  const best: (string[] | undefined)[] = [[]];
  const phraseCount = (words: readonly string[]) =>
    words.reduce((n, word, i) => n + (i > 0 && isPhrase(words[i - 1] ?? "", word) ? 1 : 0), 0);
  for (let end = 2; end <= token.length; end++) {
    for (let start = Math.max(0, end - 8); start <= end - 2; start++) {
      const before = best[start];
      const word = token.slice(start, end);
      if (before === undefined || before.length >= 4 || !vocabulary.frequency.has(word)) continue;
      const candidate = [...before, word];
      const current = best[end];
      if (
        current === undefined ||
        candidate.length < current.length ||
        (candidate.length === current.length && phraseCount(candidate) > phraseCount(current))
      ) {
        best[end] = candidate;
      }
    }
  }
  const split = best[token.length];
  return split !== undefined && split.length >= 2 ? split : undefined;
}

/** Most frequent known words starting with `prefix` (for the word being typed at the end of a query). */
export function prefixCompletions(vocabulary: Vocabulary, prefix: string, limit: number): string[] {
  const words = vocabulary.sorted;
  let low = 0;
  let high = words.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((words[middle] ?? "") < prefix) low = middle + 1;
    else high = middle;
  }
  const matches: string[] = [];
  for (let i = low; i < words.length && matches.length < 50; i++) {
    const word = words[i] ?? "";
    if (!word.startsWith(prefix)) break;
    if (word !== prefix) matches.push(word);
  }
  return matches
    .sort((a, b) => (vocabulary.frequency.get(b) ?? 0) - (vocabulary.frequency.get(a) ?? 0))
    .slice(0, limit);
}
