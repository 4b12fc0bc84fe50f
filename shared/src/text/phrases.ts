import { tokenize } from "./fold";

/**
 * Longest-match look-up of multi-word phrases in a token list. Vietnamese words are several syllables
 * ("đăng ký", "hộ khẩu"), and a synonym or stop phrase is only meaningful as a whole, so the tables in
 * synonyms.ts and stop-words.ts are keyed by folded phrases and matched here.
 */

export interface PhraseMatch<T> {
  /** Number of tokens the phrase covers. */
  length: number;
  value: T;
}

/** Rules grouped by their first token, longest first, so a match is one map look-up plus a few compares. */
export type PhraseTable<T> = ReadonlyMap<string, readonly { tokens: readonly string[]; value: T }[]>;

/**
 * Builds a table from phrases written naturally (with diacritics); `toTokens` folds them the way the text
 * they will be matched against was folded.
 */
export function buildPhraseTable<T>(
  entries: Iterable<readonly [phrase: string, value: T]>,
  toTokens: (phrase: string) => string[] = tokenize,
): PhraseTable<T> {
  const table = new Map<string, { tokens: string[]; value: T }[]>();
  for (const [phrase, value] of entries) {
    const tokens = toTokens(phrase);
    const first = tokens[0];
    if (first === undefined) continue;
    const rules = table.get(first) ?? [];
    rules.push({ tokens, value });
    table.set(first, rules);
  }
  for (const rules of table.values()) rules.sort((a, b) => b.tokens.length - a.tokens.length);
  return table;
}

/** The longest phrase of the table starting at tokens[start], if any. */
export function longestMatchAt<T>(
  table: PhraseTable<T>,
  tokens: readonly string[],
  start: number,
): PhraseMatch<T> | undefined {
  const first = tokens[start];
  if (first === undefined) return undefined;
  for (const rule of table.get(first) ?? []) {
    if (rule.tokens.every((token, offset) => tokens[start + offset] === token)) {
      return { length: rule.tokens.length, value: rule.value };
    }
  }
  return undefined;
}
