import { z } from "zod";

/**
 * The app's dossier code (mã hồ sơ), e.g. `00070-K7M4-RX26`, given on the receipt and typed or read aloud by
 * a citizen to the bot or an officer. The national portal's own code (`000.00.01.H26-260930-0012`,
 * reference §2.2 [U]) is a convention with no official definition; the app keeps its own code and stores the
 * portal's beside it when there is one.
 *
 * - `00070`: the commune's 5-digit GSO code (Công văn 1027/CTK-CSCL), as used everywhere else in the app.
 *   Kept whole rather than shortened: an officer sees the commune at a glance, digits are unambiguous when
 *   spoken, and the random part then only needs to be unique within one commune.
 * - `K7M4-RX2`: 7 random symbols, then 1 check symbol `6`.
 * - Alphabet (29 symbols): GOV.UK Forms' reference-number alphabet — no I, O, Q, Z, 0, 1 (house reference A5)
 *   — minus J, which Vietnamese reads "gi", too close to G "giê" over the phone (J is not a Vietnamese
 *   letter either). 29 is prime, which the check relies on.
 * - Check: weights 2…13 on the 12 characters before it (prefix digits count by value, the others by
 *   alphabet index) and 1 on the check, sum ≡ 0 mod 29. Every weight is invertible mod 29 and all differ,
 *   so any single wrong character and any swap of two different characters is detected.
 * - Uniqueness: 29^7 ≈ 1.7·10^10 codes per commune; the database keeps the code unique and the caller
 *   draws again on the rare collision.
 */

export const DOSSIER_CODE_ALPHABET = "23456789ABCDEFGHKLMNPRSTUVWXY";
const BASE = DOSSIER_CODE_ALPHABET.length;
const RANDOM_SYMBOLS = 7;
/** Bytes of randomness `generateDossierCode` needs (shared does no I/O: the caller passes them). */
export const DOSSIER_CODE_RANDOM_BYTES = 8;

const COMMUNE_CODE = /^\d{5}$/;
const SEPARATORS = /[\s.\-_/]/g;
// Prefix digits typed as look-alike letters. Only letters outside the alphabet: mapping L → 1 would let a
// body "L" swapped into the prefix pass as a 1 and slip past the check.
const PREFIX_LOOKALIKES: Readonly<Record<string, string>> = { O: "0", I: "1" };

function valueAt(text: string, index: number): number {
  const char = text.charAt(index);
  return index < 5 ? Number(char) : DOSSIER_CODE_ALPHABET.indexOf(char);
}

/** The check symbol for the 12 characters before it (5 digits + 7 symbols). */
function checkSymbol(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i += 1) sum += (i + 2) * valueAt(data, i);
  return DOSSIER_CODE_ALPHABET.charAt((BASE - (sum % BASE)) % BASE);
}

function format(compact: string): string {
  return `${compact.slice(0, 5)}-${compact.slice(5, 9)}-${compact.slice(9, 13)}`;
}

/**
 * A new code for a commune. Uses the first 8 bytes as one 64-bit number reduced mod 29^7; the bias this
 * leaves is below 10^-9, far under any use that matters.
 */
export function generateDossierCode(communeCode: string, randomBytes: Uint8Array): string {
  if (!COMMUNE_CODE.test(communeCode))
    throw new RangeError(`Mã xã/phường phải gồm 5 chữ số: "${communeCode}"`);
  if (randomBytes.length < DOSSIER_CODE_RANDOM_BYTES) {
    throw new RangeError(`Cần ít nhất ${DOSSIER_CODE_RANDOM_BYTES} byte ngẫu nhiên`);
  }
  let value = 0n;
  for (let i = 0; i < DOSSIER_CODE_RANDOM_BYTES; i += 1) value = (value << 8n) | BigInt(randomBytes[i] ?? 0);
  let symbols = "";
  for (let i = 0; i < RANDOM_SYMBOLS; i += 1) {
    symbols += DOSSIER_CODE_ALPHABET.charAt(Number(value % BigInt(BASE)));
    value /= BigInt(BASE);
  }
  const data = communeCode + symbols;
  return format(data + checkSymbol(data));
}

export type DossierCodeParse =
  | { ok: true; code: string; communeCode: string }
  | { ok: false; reason: "format" | "check"; message: string };

const FORMAT_MESSAGE =
  "Mã hồ sơ gồm 5 chữ số mã xã/phường và 8 ký tự, ví dụ 00070-K7M4-RX26 (không có chữ I, J, O, Q, Z và số 0, 1 ở phần sau).";
const CHECK_MESSAGE = "Mã hồ sơ có một ký tự bị gõ nhầm. Vui lòng xem lại giấy tiếp nhận hồ sơ.";

/** Reads a code typed in any case, with or without spaces, dashes or dots; checks the check symbol. */
export function parseDossierCode(text: string): DossierCodeParse {
  const compact = text.normalize("NFKC").toUpperCase().replace(SEPARATORS, "");
  if (compact.length !== 13) return { ok: false, reason: "format", message: FORMAT_MESSAGE };
  const prefix = [...compact.slice(0, 5)].map((char) => PREFIX_LOOKALIKES[char] ?? char).join("");
  const rest = compact.slice(5);
  if (!COMMUNE_CODE.test(prefix) || [...rest].some((char) => !DOSSIER_CODE_ALPHABET.includes(char))) {
    return { ok: false, reason: "format", message: FORMAT_MESSAGE };
  }
  const data = prefix + rest.slice(0, 7);
  if (checkSymbol(data) !== rest.charAt(7)) return { ok: false, reason: "check", message: CHECK_MESSAGE };
  return { ok: true, code: format(prefix + rest), communeCode: prefix };
}

/** zod schema for a dossier code in a request: accepts what `parseDossierCode` accepts, gives the canonical form. */
export const dossierCodeSchema = z.string().transform((text, ctx) => {
  const parsed = parseDossierCode(text);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.message });
    return z.NEVER;
  }
  return parsed.code;
});
