/**
 * Text as stored in a dossier. Copy-paste from PDFs, chat apps and old keyboards brings invisible
 * characters: control characters (PostgreSQL cannot even store NUL in text or jsonb), lone UTF-16
 * surrogates (not valid JSON text for the database), zero-width spaces. They are dropped before anything
 * else, so "answered" and "valid" are decided on what a person can see.
 */

const ZERO_WIDTH_SPACE = 0x200b;
const WORD_JOINER = 0x2060;

function isInvisible(code: number): boolean {
  // Tab, line feed and carriage return are whitespace, handled (collapsed or kept) by the callers.
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code >= 0x7f && code <= 0x9f) return true;
  if (code >= 0xd800 && code <= 0xdfff) return true;
  return code === ZERO_WIDTH_SPACE || code === WORD_JOINER;
}

export function stripInvisible(input: string): string {
  let out = "";
  // Iterating a string yields code points: a lone surrogate comes out alone and is dropped.
  for (const character of input) if (!isInvisible(character.codePointAt(0) ?? 0)) out += character;
  return out;
}

/** One line of text: invisible characters dropped, NFC, whitespace runs collapsed to one space, trimmed. */
export function normaliseLine(input: string): string {
  return stripInvisible(input).normalize("NFC").replace(/\s+/gu, " ").trim();
}

/** Paragraphs: line breaks kept (Windows and old Mac ones become "\n"), ends trimmed. */
export function normaliseParagraphs(input: string): string {
  return stripInvisible(input).normalize("NFC").replace(/\r\n?/g, "\n").trim();
}

/** Blank to the eye: nothing left once invisible characters and whitespace are gone. */
export function isBlankText(input: string): boolean {
  return stripInvisible(input).trim() === "";
}
