/**
 * Numbers as Vietnamese people write them: "." groups thousands and "," marks decimals ("1.500.000",
 * "2,5"). A lone "." followed by other than three digits ("1.5") is ambiguous (English habit or a typo),
 * so it is refused with a hint instead of being guessed.
 */

export type ParsedNumber = { ok: true; value: number } | { ok: false; reason: "format" | "decimal_point" };

const GROUPED = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const PLAIN = /^[-+]?\d+(,\d+)?$/;
const DOT_DECIMAL = /^[-+]?\d+\.\d+$/;

export function parseVietnameseNumber(input: string): ParsedNumber {
  // Spaces (also non-breaking, from copy-paste) are sometimes used to group thousands too.
  const compact = input.normalize("NFKC").replace(/\s/g, "");
  let canonical: string | undefined;
  if (GROUPED.test(compact)) canonical = compact.replace(/\./g, "").replace(",", ".");
  else if (PLAIN.test(compact)) canonical = compact.replace(",", ".");
  if (canonical === undefined) {
    return { ok: false, reason: DOT_DECIMAL.test(compact) ? "decimal_point" : "format" };
  }
  const value = Number(canonical);
  if (!Number.isFinite(value)) return { ok: false, reason: "format" };
  // -0 would not survive a JSON round trip as itself.
  return { ok: true, value: value === 0 ? 0 : value };
}

/** 1500.5 → "1.500,5", the way the number is read back to the citizen. */
export function formatVietnameseNumber(value: number): string {
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?$/.test(text)) return String(value);
  const [whole = "0", fraction] = text.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${value < 0 ? "-" : ""}${grouped}${fraction === undefined ? "" : `,${fraction}`}`;
}

/** 6_500_000 bytes → "6,2" (MB of 1 048 576 bytes, one decimal, as phones show file sizes). */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.round((bytes / MEGABYTE) * 10) / 10;
  return formatVietnameseNumber(tenths);
}

export const MEGABYTE = 1024 * 1024;
