import { CCCD_PROVINCE_CODES } from "../data/vn-identity";
import { type CheckResult, firstNonDigit, stripSeparators } from "./result";

/**
 * Số định danh cá nhân, printed as "Số/No." on the CCCD / thẻ căn cước: 12 digits, structure set by
 * Thông tư 07/2016/TT-BCA (the codes in a số định danh cá nhân) and kept by Luật Căn cước 2023:
 *   digits 1–3  province where the birth was registered (63 pre-2025 codes, data/vn-identity.ts);
 *   digit 4     century and sex: 0/1 = nam/nữ born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199 … 8/9;
 *   digits 5–6  last two digits of the birth year;
 *   digits 7–12 random.
 * There is no check digit, so a valid-looking number can still be someone else's: we catch typos that break
 * the structure or disagree with the date of birth and sex the person gave.
 */

/** Sex as the forms store it (forms/answers.ts SEXES). */
export type Sex = "nam" | "nu";

export interface CccdInfo {
  /** The 12 digits, separators removed. */
  value: string;
  provinceCode: string;
  provinceName: string;
  /** Digit 4 (0–9). */
  centuryDigit: number;
  /** Ordinal century of birth: 20 for 1900–1999 (thế kỷ XX), 21 for 2000–2099. */
  century: number;
  sex: Sex;
  /** Digits 5–6, e.g. "99". */
  birthYearSuffix: string;
  /** Full birth year from digits 4–6, e.g. 1999. */
  birthYear: number;
}

export interface CccdCheckOptions {
  /** ISO "YYYY-MM-DD" (only the year is used); ignored when it has no 4-digit year at the start. */
  dateOfBirth?: string;
  sex?: Sex;
  /** The year it is now in Vietnam; defaults to the clock. Injected by tests. */
  currentYear?: number;
}

/** "nam"/"nữ", as a sentence says it. */
export const SEX_LABEL: Readonly<Record<Sex, string>> = { nam: "nam", nu: "nữ" };
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

function vietnamYearNow(): number {
  return new Date(Date.now() + VN_OFFSET_MS).getUTCFullYear();
}

/** Decodes a number that has 12 digits and a known province code; undefined otherwise. */
export function parseCccd(input: string): CccdInfo | undefined {
  const value = stripSeparators(input);
  if (!/^\d{12}$/.test(value)) return undefined;
  const provinceCode = value.slice(0, 3);
  const provinceName = CCCD_PROVINCE_CODES[provinceCode];
  if (provinceName === undefined) return undefined;
  const centuryDigit = Number(value[3]);
  const birthYearSuffix = value.slice(4, 6);
  const centuryIndex = Math.floor(centuryDigit / 2);
  return {
    value,
    provinceCode,
    provinceName,
    centuryDigit,
    century: 20 + centuryIndex,
    sex: centuryDigit % 2 === 0 ? "nam" : "nu",
    birthYearSuffix,
    birthYear: 1900 + 100 * centuryIndex + Number(birthYearSuffix),
  };
}

/**
 * The sex digit 4 encodes, when the number is well formed (12 digits, known province); undefined
 * otherwise. Lets a form derive a person's sex instead of asking it.
 */
export function sexFromCccd(input: unknown): Sex | undefined {
  return typeof input === "string" ? parseCccd(input)?.sex : undefined;
}

/** Checks a CCCD number as typed (spaces and dots allowed) and returns the 12 digits. */
export function validateCccd(input: string, options: CccdCheckOptions = {}): CheckResult {
  const value = stripSeparators(input);
  if (value === "") return { ok: false, message: "Vui lòng nhập số CCCD (12 chữ số in trên thẻ căn cước)" };
  const bad = firstNonDigit(value);
  if (bad !== undefined) return { ok: false, message: `Số CCCD chỉ gồm chữ số, hãy bỏ ký tự "${bad}"` };
  if (value.length !== 12) {
    // A 9-digit number is the old CMND, which public services no longer take as an identifier.
    const hint =
      value.length === 9 ? " (số CMND 9 chữ số cũ không dùng được, hãy nhập số trên thẻ căn cước)" : "";
    return { ok: false, message: `Số CCCD gồm 12 chữ số, bạn đã nhập ${value.length}${hint}` };
  }
  const info = parseCccd(value);
  if (info === undefined) {
    return {
      ok: false,
      message: `3 chữ số đầu (${value.slice(0, 3)}) không phải mã tỉnh nơi đăng ký khai sinh hợp lệ, hãy kiểm tra lại số trên thẻ`,
    };
  }
  // A known date of birth names the wrong digit precisely, so it is compared before the plausibility check.
  const mismatch =
    birthMismatch(info, options) ?? futureBirth(info, options) ?? sexMismatch(info, options.sex);
  return mismatch === undefined ? { ok: true, value } : { ok: false, message: mismatch };
}

/** Digits 4–6 give a birth year that has not come yet: almost always a mistyped digit 4. */
function futureBirth(info: CccdInfo, { currentYear }: CccdCheckOptions): string | undefined {
  if (info.birthYear <= (currentYear ?? vietnamYearNow())) return undefined;
  return `Chữ số thứ 4 đến 6 (${info.value.slice(3, 6)}) cho năm sinh ${info.birthYear}, chưa tới năm đó: hãy kiểm tra lại số CCCD`;
}

/** The message when digits 4–6 disagree with the date of birth given, if any. */
function birthMismatch(info: CccdInfo, { dateOfBirth, sex }: CccdCheckOptions): string | undefined {
  const year = dateOfBirth === undefined ? undefined : /^(\d{4})/.exec(dateOfBirth.trim())?.[1];
  // Years before 1900 have no century digit in the scheme: nothing to compare.
  if (year === undefined || Number(year) < 1900) return undefined;
  const centuryIndex = Math.floor((Number(year) - 1900) / 100);
  if (Math.floor(info.centuryDigit / 2) !== centuryIndex) {
    const expected =
      sex === undefined
        ? `${2 * centuryIndex} (nam) hoặc ${2 * centuryIndex + 1} (nữ)`
        : `${2 * centuryIndex + (sex === "nu" ? 1 : 0)}`;
    const who = sex === undefined ? "người" : `người ${SEX_LABEL[sex]}`;
    return `Chữ số thứ 4 và năm sinh không khớp: ${who} sinh năm ${year} có chữ số thứ 4 là ${expected}, số đã nhập có ${info.centuryDigit}`;
  }
  const suffix = year.slice(2);
  if (info.birthYearSuffix !== suffix) {
    return `Chữ số thứ 5 và 6 (${info.birthYearSuffix}) phải là 2 số cuối năm sinh ${year} (${suffix}): hãy kiểm tra lại số CCCD hoặc ngày sinh`;
  }
  return undefined;
}

/** The message when digit 4 says the other sex, if any. */
function sexMismatch(info: CccdInfo, sex: Sex | undefined): string | undefined {
  if (sex === undefined || sex === info.sex) return undefined;
  return `Chữ số thứ 4 (${info.centuryDigit}) là của người ${SEX_LABEL[info.sex]} nhưng giới tính đã chọn là ${SEX_LABEL[sex]}: hãy kiểm tra lại số CCCD hoặc giới tính`;
}

/**
 * For screens and logs: only the last 4 digits ("••••••••1234"), like bank cards. Fewer than 9 digits is
 * not a real number, so nothing of it is shown.
 */
export function maskCccd(input: string): string {
  const digits = stripSeparators(input).replace(/\D/g, "");
  if (digits.length < 9) return "•".repeat(12);
  return "•".repeat(digits.length - 4) + digits.slice(-4);
}
