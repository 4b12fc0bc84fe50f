import { type Sex, validateCccd } from "../../identity/cccd";
import { normalisePhone } from "../../identity/phone";
import { addDays, formatDateVi, parseDateInput } from "./dates";
import { MESSAGES } from "./messages";
import { formatVietnameseNumber, parseVietnameseNumber } from "./numbers";
import { normaliseLine, normaliseParagraphs } from "./text";
import type { Check } from "./types";

/**
 * Checks of one typed value (already known to be answered), each returning the normalised value or the
 * message to show. Pure functions of the input: the zod schemas (leaf-schema.ts) are built from these.
 */

const fail = (message: string): Check<never> => ({ ok: false, message });
const pass = <T>(value: T): Check<T> => ({ ok: true, value });

function lengthOf(text: string): number {
  return [...text].length;
}

export function checkText(raw: unknown, label: string, limits: { minLength?: number; maxLength: number }) {
  if (typeof raw !== "string") return fail(MESSAGES.invalid(label));
  const value = normaliseLine(raw);
  const length = lengthOf(value);
  if (limits.minLength !== undefined && length < limits.minLength) {
    return fail(MESSAGES.tooShort(label, limits.minLength, length));
  }
  if (length > limits.maxLength) return fail(MESSAGES.tooLong(label, limits.maxLength, length));
  return pass(value);
}

export function checkLongText(raw: unknown, label: string, maxLength: number): Check<string> {
  if (typeof raw !== "string") return fail(MESSAGES.invalid(label));
  const value = normaliseParagraphs(raw);
  const length = lengthOf(value);
  return length > maxLength ? fail(MESSAGES.tooLong(label, maxLength, length)) : pass(value);
}

/** A person's name at most (the app counts towards it as the citizen types). */
export const NAME_MAX_LENGTH = 100;
const NOT_IN_NAME = /[^\p{L}\p{M} '.-]/u;

/** A person's name: letters (any script, for ethnic-minority and foreign names), spaces, ' . and -. */
export function checkName(raw: unknown, label: string): Check<string> {
  const text = checkText(raw, label, { maxLength: NAME_MAX_LENGTH });
  if (!text.ok) return text;
  const bad = NOT_IN_NAME.exec(text.value);
  return bad ? fail(MESSAGES.nameCharacter(label, bad[0])) : text;
}

export interface NumberLimits {
  min?: number;
  max?: number;
  integer: boolean;
}

/** A number from the keypad (a JSON number) or typed Vietnamese-style ("1.500", "2,5"). */
export function checkNumber(raw: unknown, label: string, limits: NumberLimits): Check<number> {
  let value: number;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return fail(MESSAGES.notANumber(label));
    value = raw === 0 ? 0 : raw;
  } else if (typeof raw === "string") {
    const parsed = parseVietnameseNumber(raw);
    if (!parsed.ok) {
      return parsed.reason === "decimal_point"
        ? fail(MESSAGES.decimalPoint(label, raw.trim().replace(".", ",")))
        : fail(MESSAGES.notANumber(label));
    }
    value = parsed.value;
  } else {
    return fail(MESSAGES.notANumber(label));
  }
  if (limits.integer && !Number.isInteger(value)) return fail(MESSAGES.notInteger(label));
  if (limits.min !== undefined && value < limits.min) {
    return fail(MESSAGES.numberBelow(label, formatVietnameseNumber(limits.min)));
  }
  if (limits.max !== undefined && value > limits.max) {
    return fail(MESSAGES.numberAbove(label, formatVietnameseNumber(limits.max)));
  }
  return pass(value);
}

export interface DateBounds {
  minDaysFromToday?: number;
  maxDaysFromToday?: number;
}

/** A date → ISO; bounds are checked only when `today` is known (drafts and conditions skip them). */
export function checkDate(raw: unknown, label: string, bounds: DateBounds | undefined, today?: string) {
  if (typeof raw !== "string") return fail(MESSAGES.dateFormat(label));
  const parsed = parseDateInput(raw);
  if (!parsed.ok) {
    if (parsed.reason === "calendar") return fail(MESSAGES.dateNotOnCalendar(label, parsed.shown));
    return fail(parsed.reason === "year" ? MESSAGES.dateYear(label) : MESSAGES.dateFormat(label));
  }
  if (today === undefined || bounds === undefined) return pass(parsed.iso);
  const { minDaysFromToday: min, maxDaysFromToday: max } = bounds;
  if (max !== undefined && parsed.iso > addDays(today, max)) {
    return fail(max === 0 ? MESSAGES.dateAfterToday(label) : MESSAGES.dateAfter(label, limitOf(today, max)));
  }
  if (min !== undefined && parsed.iso < addDays(today, min)) {
    return fail(
      min === 0 ? MESSAGES.dateBeforeToday(label) : MESSAGES.dateBefore(label, limitOf(today, min)),
    );
  }
  return pass(parsed.iso);
}

function limitOf(today: string, days: number): string {
  return formatDateVi(addDays(today, days));
}

export function checkOption(
  raw: unknown,
  label: string,
  options: readonly { value: string; label: string }[],
) {
  const match = options.find((option) => option.value === raw);
  return match
    ? pass(match.value)
    : fail(
        MESSAGES.option(
          label,
          options.map((option) => option.label),
        ),
      );
}

/** The app sends booleans for yes/no questions; "có"/"không" strings are not guessed at. */
export function checkYesNo(raw: unknown, label: string): Check<boolean> {
  return typeof raw === "boolean" ? pass(raw) : fail(MESSAGES.yesNo(label));
}

export function checkDeclaration(raw: unknown, label: string): Check<true> {
  return raw === true ? pass(true) : fail(MESSAGES.declaration(label));
}

export interface CccdContext {
  dateOfBirth?: string;
  sex?: Sex;
  /** The year of `today`; without it (drafts) no year is too late, so the identity check reads no clock. */
  currentYear?: number;
}

export function checkCccd(raw: unknown, label: string, context: CccdContext): Check<string> {
  if (typeof raw !== "string") return fail(MESSAGES.invalid(label));
  const result = validateCccd(raw, {
    ...context,
    currentYear: context.currentYear ?? Number.MAX_SAFE_INTEGER,
  });
  return result.ok ? pass(result.value) : fail(MESSAGES.identity(label, result.message));
}

/** A mobile number → "84…", the form Zalo and SMS gateways take. */
export function checkPhone(raw: unknown, label: string): Check<string> {
  if (typeof raw !== "string") return fail(MESSAGES.invalid(label));
  const result = normalisePhone(raw);
  return result.ok ? pass(result.value) : fail(MESSAGES.identity(label, result.message));
}

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/u;
const EMAIL_MAX_LENGTH = 254;

/** The domain is case-insensitive, so it is stored lower-case; the part before "@" is kept as typed. */
export function checkEmail(raw: unknown, label: string): Check<string> {
  if (typeof raw !== "string") return fail(MESSAGES.invalid(label));
  const text = normaliseLine(raw);
  if (!EMAIL.test(text) || text.length > EMAIL_MAX_LENGTH) return fail(MESSAGES.email(label));
  const at = text.lastIndexOf("@");
  return pass(`${text.slice(0, at)}@${text.slice(at + 1).toLowerCase()}`);
}
