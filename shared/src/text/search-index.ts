import { bigramKey, searchTokens } from "./analyse";
import { foldVietnamese } from "./fold";
import { buildVocabulary, type Vocabulary } from "./fuzzy";

/**
 * The inverted index behind catalog search. Terms are folded syllables ("khai", "sinh") and adjacent
 * syllable pairs ("khai sinh"): Vietnamese words are several syllables and a folded syllable alone is
 * ambiguous ("ho" = hộ, họ, hồ), so the pair is what carries meaning; it also gives the phrase bonus.
 *
 * Scoring is BM25F (Robertson & Zaragoza 2009): per field, term counts are weighted and length-normalised,
 * summed, then saturated once. Everything that depends only on the documents (field weights, lengths, idf,
 * saturation) is computed here, so a query only adds precomputed numbers from the postings of its terms.
 */

/** What the catalog supplies for each procedure. */
export interface SearchDocument {
  /** National procedure code, e.g. "1.001193"; unique. */
  code: string;
  /** Short plain title as shown in lists ("Đăng ký khai sinh"). */
  title: string;
  /** Name as published on the National Public Service Portal ("Thủ tục đăng ký khai sinh"). */
  officialName: string;
  /** Lĩnh vực ("Hộ tịch"); also the value `sector` filters on. */
  sector: string;
  /** How people ask for it: synonyms, colloquial phrases, old names; one phrase per entry. */
  keywords: readonly string[];
}

type FieldName = "title" | "keywords" | "officialName" | "sector";

/**
 * Title > keywords > official name > sector. Keywords are many short phrases of varying count per
 * procedure, so their length matters little (b = 0.3); the sector is a label shared by many procedures.
 */
// The title comes first: the title-precision bonus reads fields[0].
const FIELDS: readonly { name: FieldName; weight: number; b: number }[] = [
  { name: "title", weight: 3, b: 0.75 },
  { name: "keywords", weight: 2, b: 0.3 },
  { name: "officialName", weight: 1.5, b: 0.75 },
  { name: "sector", weight: 0.5, b: 0 },
];
const K1 = 1.2;

/** Typed arrays: a query walks thousands of postings, and this is what keeps that a tight loop. */
export interface Postings {
  readonly docs: Int32Array;
  /** Contribution of the term to each doc's score (idf × saturated weighted frequency). */
  readonly scores: Float64Array;
  /** 1 if the term is a word of the doc's title (for the title-precision bonus; 0 for bigrams). */
  readonly inTitle: Uint8Array;
  /** Inverse document frequency: how much the term tells procedures apart. */
  readonly idf: number;
}

export interface SearchIndex {
  readonly codes: readonly string[];
  /** Folded sector of each document, for the sector filter. */
  readonly sectors: readonly string[];
  readonly byCode: ReadonlyMap<string, number>;
  /** Sum of the idf of the distinct words of each title. */
  readonly titleWeight: readonly number[];
  /** Unigram and bigram terms → postings. */
  readonly postings: ReadonlyMap<string, Postings>;
  /** Unigram words with their document frequency, typo neighbourhood and sorted list. */
  readonly vocabulary: Vocabulary;
}

function fieldPhrases(doc: SearchDocument, field: FieldName): readonly string[] {
  return field === "keywords" ? doc.keywords : [doc[field]];
}

/** Term counts and token length of one field; bigrams do not cross from one keyword to the next. */
function countField(phrases: readonly string[]): FieldCounts {
  const counts = new Map<string, number>();
  let length = 0;
  const add = (term: string) => counts.set(term, (counts.get(term) ?? 0) + 1);
  for (const phrase of phrases) {
    const tokens = searchTokens(phrase);
    length += tokens.length;
    tokens.forEach((token, i) => {
      add(token);
      const next = tokens[i + 1];
      if (next !== undefined) add(bigramKey(token, next));
    });
  }
  return { counts, length };
}

type FieldCounts = { counts: Map<string, number>; length: number };
type RawPostings = Map<string, { docs: number[]; frequencies: number[]; inTitle: boolean[] }>;

export function buildSearchIndex(docs: readonly SearchDocument[]): SearchIndex {
  const byCode = new Map<string, number>();
  docs.forEach((doc, i) => {
    if (byCode.has(doc.code)) throw new Error(`buildSearchIndex: duplicate procedure code ${doc.code}`);
    byCode.set(doc.code, i);
  });
  const counted = docs.map((doc) => FIELDS.map(({ name }) => countField(fieldPhrases(doc, name))));
  const { postings, wordFrequency } = finalisePostings(pseudoFrequencies(counted), docs.length);
  return {
    codes: docs.map((doc) => doc.code),
    sectors: docs.map((doc) => foldVietnamese(doc.sector)),
    byCode,
    titleWeight: counted.map((fields) =>
      [...(fields[0]?.counts.keys() ?? [])]
        .filter((term) => !term.includes(" "))
        .reduce((sum, word) => sum + (postings.get(word)?.idf ?? 0), 0),
    ),
    postings,
    vocabulary: buildVocabulary(wordFrequency),
  };
}

/** Weighted, length-normalised frequency per (term, doc): BM25F's pseudo term frequency. */
function pseudoFrequencies(counted: readonly FieldCounts[][]): RawPostings {
  const averageLength = FIELDS.map((_, f) => {
    const total = counted.reduce((sum, fields) => sum + (fields[f]?.length ?? 0), 0);
    return counted.length === 0 ? 0 : total / counted.length;
  });
  const raw: RawPostings = new Map();
  counted.forEach((fields, doc) => {
    const perDoc = new Map<string, number>();
    fields.forEach(({ counts, length }, f) => {
      const { name, weight, b } = FIELDS[f] ?? { name: "sector", weight: 0, b: 0 };
      const average = averageLength[f] ?? 0;
      const norm = average === 0 ? 1 : 1 - b + (b * length) / average;
      for (const [term, count] of counts) {
        // Keywords are a set of phrases that repeat their core words ("tạm trú", "khai báo tạm trú", "sổ tạm
        // trú"): repetition there says nothing about relevance, so a keyword term counts once.
        const frequency = name === "keywords" ? 1 : count;
        perDoc.set(term, (perDoc.get(term) ?? 0) + (weight * frequency) / norm);
      }
    });
    const title = fields[0]?.counts;
    for (const [term, frequency] of perDoc) {
      const entry = raw.get(term) ?? { docs: [], frequencies: [], inTitle: [] };
      entry.docs.push(doc);
      entry.frequencies.push(frequency);
      entry.inTitle.push(!term.includes(" ") && title?.has(term) === true);
      raw.set(term, entry);
    }
  });
  return raw;
}

/** idf and saturation applied once, here, so a query only multiplies and adds. */
function finalisePostings(raw: RawPostings, documentCount: number) {
  const postings = new Map<string, Postings>();
  const wordFrequency = new Map<string, number>();
  for (const [term, { docs, frequencies, inTitle }] of raw) {
    const df = docs.length;
    const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
    postings.set(term, {
      docs: Int32Array.from(docs),
      scores: Float64Array.from(frequencies, (tf) => (idf * tf * (K1 + 1)) / (tf + K1)),
      inTitle: Uint8Array.from(inTitle, Number),
      idf,
    });
    if (!term.includes(" ")) wordFrequency.set(term, df);
  }
  return { postings, wordFrequency };
}
