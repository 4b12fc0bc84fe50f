import { parseDossierCode } from "./dossier-code";

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
 * Spans shaped like a dossier code whose check symbol is wrong, so the bot can say "mã này có vẻ gõ nhầm"
 * rather than "không tìm thấy".
 */
export function findMistypedDossierCodes(message: string): TextSpan[] {
  return [...candidates(message)].filter((span) => {
    const parsed = parseDossierCode(span.text);
    return !parsed.ok && parsed.reason === "check";
  });
}
