/**
 * Calendar dates as Vietnam local days. Stored ISO "YYYY-MM-DD"; typed either that way (date pickers) or
 * "DD/MM/YYYY" as on Vietnamese paperwork (also with "." or "-" between, one-digit day or month allowed).
 * Arithmetic goes through UTC midnights so no time zone or clock enters.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Years outside this range are typos ("0205", "20055"), not dates anyone files about. */
export const MIN_YEAR = 1800;
export const MAX_YEAR = 2199;

export type ParsedDate =
  | { ok: true; iso: string }
  | { ok: false; reason: "format" | "year" }
  | { ok: false; reason: "calendar"; shown: string };

export function parseDateInput(input: string): ParsedDate {
  const text = input.normalize("NFKC").replace(/\s/g, "");
  const iso = ISO.exec(text);
  const dayFirst = DAY_FIRST.exec(text);
  let parts: [number, number, number] | undefined;
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  if (parts === undefined) return { ok: false, reason: "format" };
  const [year, month, day] = parts;
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, reason: "year" };
  if (!isCalendarDate(year, month, day)) {
    return { ok: false, reason: "calendar", shown: `${pad(day)}/${pad(month)}/${year}` };
  }
  return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}` };
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** The ISO day `days` after `iso` (negative: before). */
export function addDays(iso: string, days: number): string {
  const [year = 0, month = 1, day = 1] = iso.split("-").map(Number);
  const date = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return `${String(date.getUTCFullYear()).padStart(4, "0")}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** "2024-09-05" → "05/09/2024"; anything else is returned as it is. */
export function formatDateVi(iso: string): string {
  const match = ISO.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

export function isIsoDate(value: string): boolean {
  const parsed = parseDateInput(value);
  return parsed.ok && parsed.iso === value;
}

/** The year of an ISO day, e.g. for "a CCCD cannot encode a birth year after this one". */
export function yearOf(iso: string | undefined): number | undefined {
  return iso === undefined ? undefined : Number(iso.slice(0, 4));
}
