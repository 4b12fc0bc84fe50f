/**
 * Vietnam local time without the machine's time zone.
 *
 * Legal deadlines are counted in Vietnamese calendar days, so every function here reasons in
 * Asia/Ho_Chi_Minh wall-clock dates. Vietnam keeps UTC+7 all year (no daylight saving since 1975), so a
 * fixed offset is exact and we never call `Date#getDate()` & co., which would use the host's zone (a server
 * in UTC or a developer in New York would otherwise move deadlines by a day).
 *
 * Internally a date is a "day number": whole days since 1970-01-01 in Vietnam. `LocalDate` ("YYYY-MM-DD")
 * is the form that crosses the module boundary and appears in the holiday data.
 */

export const VN_TIME_ZONE = "Asia/Ho_Chi_Minh";
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const MS_PER_DAY = 24 * 60 * 60 * 1000;
const MS_PER_MINUTE = 60 * 1000;

/** A Vietnam calendar date, "YYYY-MM-DD". */
export type LocalDate = string;
/** A Vietnam wall-clock time, "HH:MM" (24 h). */
export type ClockTime = `${number}:${number}`;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Days since 1970-01-01 of a Vietnam calendar date; throws on text that is not a real date. */
export function dayNumberOf(date: LocalDate): number {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`Ngày không hợp lệ (cần dạng YYYY-MM-DD): "${date}"`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March: a round trip catches impossible dates.
  if (localDateOf(ms / MS_PER_DAY) !== date) throw new RangeError(`Ngày không tồn tại: "${date}"`);
  return ms / MS_PER_DAY;
}

/** "YYYY-MM-DD" of a day number. */
export function localDateOf(dayNumber: number): LocalDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/** True when the text is a real calendar date in "YYYY-MM-DD" form. */
export function isLocalDate(text: string): boolean {
  try {
    dayNumberOf(text);
    return true;
  } catch {
    return false;
  }
}

function assertInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("Thời điểm không hợp lệ (Invalid Date)");
  return ms;
}

/** The Vietnam day number an instant falls on. */
export function vnDayNumber(instant: Date): number {
  return Math.floor((assertInstant(instant) + VN_OFFSET_MS) / MS_PER_DAY);
}

/** Minutes since Vietnam midnight of an instant (0–1439). */
export function vnMinuteOfDay(instant: Date): number {
  const ms = assertInstant(instant) + VN_OFFSET_MS;
  return Math.floor((ms - Math.floor(ms / MS_PER_DAY) * MS_PER_DAY) / MS_PER_MINUTE);
}

/** The Vietnam calendar date an instant falls on. */
export function toVnLocalDate(instant: Date): LocalDate {
  return localDateOf(vnDayNumber(instant));
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay`. */
export function weekdayOf(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCDay();
}

/** Minutes after midnight of "HH:MM"; throws on anything else. */
export function minutesOf(time: string): number {
  const match = CLOCK_TIME.exec(time);
  if (!match) throw new RangeError(`Giờ không hợp lệ (cần dạng HH:MM): "${time}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The instant of a Vietnam wall-clock minute on a given day number. */
export function instantAt(dayNumber: number, minuteOfDay: number): Date {
  return new Date(dayNumber * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE - VN_OFFSET_MS);
}

/** The instant of a Vietnam wall-clock time: `vnInstant("2026-02-13", "16:00")` is 09:00 UTC. */
export function vnInstant(date: LocalDate, time: ClockTime | string = "00:00"): Date {
  return instantAt(dayNumberOf(date), minutesOf(time));
}

/** Accepts a `LocalDate` or an instant and gives its Vietnam day number. */
export function toDayNumber(day: LocalDate | Date): number {
  return typeof day === "string" ? dayNumberOf(day) : vnDayNumber(day);
}
