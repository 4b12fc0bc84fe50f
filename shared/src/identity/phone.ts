import { CONVERTED_2018_PREFIXES, MOBILE_PREFIXES_BY_CARRIER } from "../data/vn-identity";
import { type CheckResult, firstNonDigit, stripSeparators } from "./result";

/**
 * Vietnamese mobile numbers. Since the 2018 conversion every mobile number is 10 digits "0" + a 3-digit
 * prefix + 7 digits nationally, or +84 and the 9 digits after the 0 (E.164). We store "84xxxxxxxxx" (what
 * Zalo and SMS gateways take, forms/answers.ts) and show "0xxx xxx xxx" (how people read their number).
 */

export type PhoneCheck = CheckResult<{ value: string; display: string }>;

const MOBILE_PREFIXES: ReadonlySet<string> = new Set(Object.values(MOBILE_PREFIXES_BY_CARRIER).flat());

const ONLY_VIETNAM = "Chỉ nhận số di động Việt Nam: số phải bắt đầu bằng 0 hoặc +84";

/** Checks a mobile number as typed ("0912 345 678", "+84 912.345.678", "84912345678"). */
export function normalisePhone(input: string): PhoneCheck {
  const stripped = stripSeparators(input);
  if (stripped === "") return { ok: false, message: "Vui lòng nhập số điện thoại di động" };
  const international = stripped.startsWith("+");
  const digits = international ? stripped.slice(1) : stripped;
  const bad = firstNonDigit(digits);
  if (bad !== undefined) {
    return { ok: false, message: `Số điện thoại chỉ gồm chữ số, hãy bỏ ký tự "${bad}"` };
  }
  const national = toNational(digits, international);
  if (typeof national !== "string") return national;
  const problem = nationalProblem(national);
  if (problem !== undefined) return { ok: false, message: problem };
  return { ok: true, value: `84${national.slice(1)}`, display: groupForDisplay(national) };
}

/** "0xxxxxxxxx" from any accepted form, or the failure to report. */
function toNational(digits: string, international: boolean): string | { ok: false; message: string } {
  // "0084…" is the international dialling prefix typed out in full.
  const withoutIdd = digits.startsWith("0084") ? digits.slice(2) : digits;
  const countryCode =
    international || withoutIdd !== digits || (digits.startsWith("84") && digits.length >= 11);
  if (!countryCode) {
    if (digits.startsWith("0")) return digits;
    return {
      ok: false,
      message:
        digits.length === 9
          ? "Số điện thoại di động gồm 10 chữ số bắt đầu bằng 0, bạn đã nhập 9 (thiếu số 0 ở đầu?)"
          : ONLY_VIETNAM,
    };
  }
  if (!withoutIdd.startsWith("84")) return { ok: false, message: ONLY_VIETNAM };
  const rest = withoutIdd.slice(2);
  // "+84 0912 345 678" is a common way to write it; the 0 after 84 is dropped when dialling.
  const afterCode = rest.startsWith("0") ? rest.slice(1) : rest;
  // 10 digits after 84 starting 1 or 2: an old 11-digit mobile or a landline, explained by nationalProblem.
  if (afterCode.length === 10 && /^[12]/.test(afterCode)) return `0${afterCode}`;
  if (afterCode.length !== 9) {
    return {
      ok: false,
      message: `Số điện thoại dạng +84 có 9 chữ số sau 84, bạn đã nhập ${afterCode.length}`,
    };
  }
  return `0${afterCode}`;
}

/** Why a national number is not a mobile number in use, or undefined if it is. */
function nationalProblem(national: string): string | undefined {
  if (national.length === 11) {
    const converted = CONVERTED_2018_PREFIXES[national.slice(0, 4)];
    if (converted !== undefined) {
      const now = groupForDisplay(converted + national.slice(4));
      return `Số 11 chữ số đầu ${national.slice(0, 4)} đã đổi sang đầu ${converted} từ năm 2018: hãy nhập ${now}`;
    }
    // Landlines are 02x + 8 digits (Hà Nội 024); the services need a number that can receive SMS.
    if (national.startsWith("02")) {
      return `Số đầu ${national.slice(0, 3)} là số máy bàn, hãy nhập số điện thoại di động 10 chữ số`;
    }
  }
  if (national.length !== 10) {
    return `Số điện thoại di động gồm 10 chữ số bắt đầu bằng 0, bạn đã nhập ${national.length}`;
  }
  const prefix = national.slice(0, 3);
  if (!MOBILE_PREFIXES.has(prefix)) return `Đầu số ${prefix} không phải đầu số di động Việt Nam`;
  return undefined;
}

/** "0912345678" → "0912 345 678". */
function groupForDisplay(national: string): string {
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
}

/** For screens and logs: "0912 ••• 678". Anything that is not a valid number shows only its last 3 digits. */
export function maskPhone(input: string): string {
  const checked = normalisePhone(input);
  if (checked.ok) return `${checked.display.slice(0, 4)} ••• ${checked.display.slice(-3)}`;
  const digits = stripSeparators(input).replace(/\D/g, "");
  if (digits.length < 7) return "•".repeat(10);
  return "•".repeat(digits.length - 3) + digits.slice(-3);
}
