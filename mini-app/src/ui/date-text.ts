/** Calendar dates typed and shown day first, stored ISO (as the form engine does). */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** "2024-09-05" → "05/09/2024"; anything else unchanged. */
export function formatDateVi(iso: string): string {
  const match = ISO.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** "5/9/2024" → "2024-09-05", or null when it is not a date on the calendar. */
export function toIsoDate(text: string): string | null {
  const trimmed = text.trim();
  if (ISO.test(trimmed)) return trimmed;
  const match = DAY_FIRST.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
