import { fallbackDayOff } from "./fallback";
import { type CalendarBasis, type CalendarConfidence, dataDayOf, dataYearOf } from "./holiday-data";
import { type LocalDate, localDateOf, toDayNumber, weekdayOf } from "./vietnam-time";

/**
 * Working days ("ngày làm việc") of state agencies, the unit of most legal processing times.
 *
 * Rule (reference §3; Bộ luật Lao động 2019 Điều 111–112; the yearly civil-service notice): Monday–Friday,
 * minus public holidays and the weekdays given off by the notice, plus the Saturdays it declares worked
 * (ngày làm bù). A police desk open on Saturday morning does not make Saturday a working day for deadlines.
 */

export type DayKind = "weekday" | "weekend" | "day_off" | "make_up_saturday";

export interface DayInfo {
  date: LocalDate;
  isWorkingDay: boolean;
  kind: DayKind;
  /** The holiday's name, or the reason for a make-up Saturday. */
  name?: string;
  confidence: CalendarConfidence;
}

export interface CalendarYearCoverage {
  year: number;
  basis: CalendarBasis;
  confidence: CalendarConfidence;
  /** The notice the days come from, when there is one. */
  notice?: string;
  /** One Vietnamese sentence for a screen that shows a deadline in this year. */
  message: string;
}

function yearOfDayNumber(dayNumber: number): number {
  return Number(localDateOf(dayNumber).slice(0, 4));
}

/** What the data says about a year: notified, projected (2027), or outside the data. */
export function calendarYearCoverage(year: number): CalendarYearCoverage {
  const entry = dataYearOf(year);
  if (entry?.basis === "notice") {
    return {
      year,
      basis: "notice",
      confidence: "confirmed",
      notice: entry.notice,
      message: `Ngày nghỉ năm ${year} theo thông báo: ${entry.notice}.`,
    };
  }
  if (entry?.basis === "projection") {
    return {
      year,
      basis: "projection",
      confidence: "unconfirmed",
      message: `Năm ${year} chưa có thông báo nghỉ lễ, Tết; ngày nghỉ là dự kiến theo Bộ luật Lao động nên hạn có thể thay đổi.`,
    };
  }
  return {
    year,
    basis: "fallback",
    confidence: "fallback",
    message: `Chưa có dữ liệu ngày nghỉ năm ${year}: hạn chỉ trừ thứ Bảy, Chủ nhật và các ngày lễ dương lịch, chưa trừ Tết Âm lịch, Giỗ Tổ Hùng Vương và ngày nghỉ hoán đổi.`,
  };
}

/** Full description of one Vietnam calendar day, by day number. */
export function describeDayNumber(dayNumber: number): DayInfo {
  const date = localDateOf(dayNumber);
  const year = yearOfDayNumber(dayNumber);
  const weekday = weekdayOf(dayNumber);
  const weekend = weekday === 0 || weekday === 6;
  const yearEntry = dataYearOf(year);
  if (!yearEntry) {
    const name = fallbackDayOff(dayNumber, year);
    if (name) return { date, isWorkingDay: false, kind: "day_off", name, confidence: "fallback" };
    return { date, isWorkingDay: !weekend, kind: weekend ? "weekend" : "weekday", confidence: "fallback" };
  }
  const dataDay = dataDayOf(dayNumber);
  if (dataDay) {
    const isWorkingDay = dataDay.kind === "make_up_saturday";
    return { date, isWorkingDay, kind: dataDay.kind, name: dataDay.name, confidence: dataDay.confidence };
  }
  const confidence = yearEntry.basis === "notice" ? "confirmed" : "unconfirmed";
  return { date, isWorkingDay: !weekend, kind: weekend ? "weekend" : "weekday", confidence };
}

/** Full description of one day: a `LocalDate` ("2026-02-16") or an instant, read in Vietnam time. */
export function describeDay(day: LocalDate | Date): DayInfo {
  return describeDayNumber(toDayNumber(day));
}

export function isWorkingDayNumber(dayNumber: number): boolean {
  return describeDayNumber(dayNumber).isWorkingDay;
}

/** Whether state agencies work on this Vietnam calendar day (a `LocalDate` or an instant read in Vietnam). */
export function isWorkingDay(day: LocalDate | Date): boolean {
  return isWorkingDayNumber(toDayNumber(day));
}

/** The first working day strictly after `dayNumber`. Always terminates: every week has weekdays. */
export function nextWorkingDayNumber(dayNumber: number): number {
  let candidate = dayNumber + 1;
  while (!isWorkingDayNumber(candidate)) candidate += 1;
  return candidate;
}

/** The working day `count` working days after the day (count 0 = the day itself, even if not working). */
export function addWorkingDayNumbers(dayNumber: number, count: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`Số ngày làm việc không hợp lệ: ${count}`);
  let day = dayNumber;
  for (let i = 0; i < count; i += 1) day = nextWorkingDayNumber(day);
  return day;
}

/** `addWorkingDayNumbers` on a `LocalDate` or an instant, giving a `LocalDate`. */
export function addWorkingDays(day: LocalDate | Date, count: number): LocalDate {
  return localDateOf(addWorkingDayNumbers(toDayNumber(day), count));
}

/**
 * Working days after `from` up to and including `to` (Vietnam dates; times of day are ignored), negative
 * when `to` is earlier. With the clock's counting rule, `workingDaysBetween(receiptDay, dueDay)` is the
 * legal time in working days.
 */
export function workingDaysBetween(from: LocalDate | Date, to: LocalDate | Date): number {
  const start = toDayNumber(from);
  const end = toDayNumber(to);
  const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
  let count = 0;
  for (let day = low + 1; day <= high; day += 1) if (isWorkingDayNumber(day)) count += 1;
  return sign * count;
}

const CONFIDENCE_RANK: Readonly<Record<CalendarConfidence, number>> = {
  confirmed: 2,
  unconfirmed: 1,
  fallback: 0,
};

/** The least sure confidence of the days from `first` to `last` inclusive. */
export function weakestConfidence(first: number, last: number): CalendarConfidence {
  let weakest: CalendarConfidence = "confirmed";
  for (let day = first; day <= last; day += 1) {
    const confidence = describeDayNumber(day).confidence;
    if (CONFIDENCE_RANK[confidence] < CONFIDENCE_RANK[weakest]) weakest = confidence;
  }
  return weakest;
}
