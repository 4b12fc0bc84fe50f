import { DOSSIER_CODE_ALPHABET, parseDossierCode } from "./dossier-code";

/**
 * Dossier codes inside a chat message ("cho hỏi hồ sơ 00070 k7m4 rx26 đến đâu rồi?"), for the chatbot.
 * A candidate is 5 prefix digits and 8 code symbols, any case, with up to 3 spaces/dashes/dots between the
 * three groups, not glued to other letters or digits. The check symbol then weeds out chance matches
 * (28 in 29 random candidates fail it).
 */

export interface TextSpan {
  /** The text as written. */
  text: string;
  /** UTF-16 offsets in the message: `message.slice(start, end) === text`. */
  start: number;
  end: number;
}

export interface DossierCodeMatch extends TextSpan {
  /** Canonical form, e.g. `00070-K7M4-RX26`. */
  code: string;
  communeCode: string;
}

const SYMBOL = "[2-9A-HK-NP-Y]";
const SEP = "[\\s.\\-_]{0,3}";
const CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{N}])[0-9OI]{5}${SEP}${SYMBOL}{4}${SEP}${SYMBOL}{4}(?![\\p{L}\\p{N}])`,
  "giu",
);

function* candidates(message: string): Generator<TextSpan> {
  for (const match of message.matchAll(CANDIDATE)) {
    yield { text: match[0], start: match.index, end: match.index + match[0].length };
  }
}

/** Valid dossier codes in a message, in order of appearance (repeats kept). */
export function findDossierCodesInText(message: string): DossierCodeMatch[] {
  const found: DossierCodeMatch[] = [];
  for (const span of candidates(message)) {
    const parsed = parseDossierCode(span.text);
    if (parsed.ok) found.push({ ...span, code: parsed.code, communeCode: parsed.communeCode });
  }
  return found;
}

/**
 * Spans that look like a dossier code but are not one, so the bot can say "mã này có vẻ gõ nhầm" rather
 * than "không tìm thấy": the exact shape with a wrong check symbol, and also one symbol missing or added,
 * or one outside the alphabet ("00292-5PO5-C2K7"), which the exact shape skips. A loose candidate's body
 * must hold a digit and a letter and at most one symbol outside the alphabet, so phone and CCCD numbers,
 * "00292 khai sinh" and "2000000 dong" are not taken for codes. In order of appearance, each text once.
 */
export function findMistypedDossierCodes(message: string): TextSpan[] {
  const found = [...candidates(message)].filter((span) => {
    const parsed = parseDossierCode(span.text);
    return !parsed.ok && parsed.reason === "check";
  });
  for (const match of message.matchAll(LOOSE_CANDIDATE)) {
    const span = { text: match[0], start: match.index, end: match.index + match[0].length };
    const overlaps = found.some((known) => known.start < span.end && span.start < known.end);
    if (!overlaps && looseBodyFits(span.text) && !parseDossierCode(span.text).ok) found.push(span);
  }
  const byText = new Map<string, TextSpan>();
  for (const span of found.sort((a, b) => a.start - b.start)) {
    if (!byText.has(span.text)) byText.set(span.text, span);
  }
  return [...byText.values()];
}

const LOOSE_CANDIDATE = new RegExp(
  `(?<![\\p{L}\\p{N}])[0-9OI]{5}${SEP}[\\p{L}\\p{N}]{2,6}(?:${SEP}[\\p{L}\\p{N}]{1,6})?(?![\\p{L}\\p{N}])`,
  "giu",
);
/** 8 symbols after the prefix, give or take the one a slip adds or drops. */
const LOOSE_BODY_LENGTH = { min: 7, max: 9 };

function looseBodyFits(candidate: string): boolean {
  const body = candidate
    .slice(5)
    .replace(/[\s.\-_]/g, "")
    .toUpperCase();
  const outside = [...body].filter((char) => !DOSSIER_CODE_ALPHABET.includes(char)).length;
  return (
    body.length >= LOOSE_BODY_LENGTH.min &&
    body.length <= LOOSE_BODY_LENGTH.max &&
    outside <= 1 &&
    /\d/.test(body) &&
    /[A-Z]/.test(body)
  );
}
