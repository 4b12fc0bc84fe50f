/**
 * Vietnamese text folding, so that "bach mai", "Bạch Mai" and "BẠCH  MAI" compare equal.
 * Residents often type without diacritics (Telex/VNI off, or an old keyboard), so every search
 * compares folded forms.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/** Unicode NFC, the form Vietnamese text is stored in (precomposed letters). */
export function toNfc(input: string): string {
  return input.normalize("NFC");
}

/** Lower case, diacritics removed, đ → d, punctuation to spaces, whitespace collapsed. */
export function foldVietnamese(input: string): string {
  return input
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(NON_WORD, " ")
    .trim();
}

/** Folded words of a text, in order. */
export function tokenize(input: string): string[] {
  const folded = foldVietnamese(input);
  return folded === "" ? [] : folded.split(" ");
}
