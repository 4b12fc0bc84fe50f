/**
 * What a check of something a person typed returns: the normalised value, or one Vietnamese sentence that
 * says exactly what to fix. A result rather than an exception, because a wrong number is an ordinary answer
 * in a form, not a fault.
 */
export type CheckResult<T extends object = { value: string }> =
  | ({ ok: true } & T)
  | { ok: false; message: string };

/** Separators people put inside long numbers ("001 099 012 345", "0912.345.678", "0912-345-678"). */
const SEPARATORS = /[\s.\-_/()]/g;

/** The input without separators; other characters are left for the caller to reject by name. */
export function stripSeparators(input: string): string {
  return input.normalize("NFKC").replace(SEPARATORS, "");
}

/** The first character that is not an ASCII digit, quoted for a message ("A"), or undefined. */
export function firstNonDigit(input: string): string | undefined {
  const match = /[^0-9]/u.exec(input);
  return match?.[0];
}
