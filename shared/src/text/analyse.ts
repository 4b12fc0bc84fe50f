import { tokenize } from "./fold";
import { buildPhraseTable, longestMatchAt } from "./phrases";
import { SPELLING_VARIANTS } from "./synonyms";

/**
 * The one way text becomes search terms, for documents and queries alike: fold (no marks, đ → d, lower
 * case), split into syllables, rewrite spelling variants ("dang ki", "dk" → "dang ky"; "cmnd" → "can cuoc").
 * Anything that differs between the index and the query would silently lose matches, hence one function.
 */

const VARIANTS = buildPhraseTable(
  SPELLING_VARIANTS.map(([typed, canonical]) => [typed, tokenize(canonical)] as const),
);

/** Folded, canonical syllables of a text. */
export function searchTokens(text: string): string[] {
  const tokens = tokenize(text);
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = longestMatchAt(VARIANTS, tokens, i);
    if (match === undefined) {
      out.push(tokens[i] ?? "");
      i += 1;
    } else {
      out.push(...match.value);
      i += match.length;
    }
  }
  return out;
}

/** Key of a two-syllable phrase term; unigrams never contain a space, so the keys cannot collide. */
export function bigramKey(first: string, second: string): string {
  return `${first} ${second}`;
}
