import { dayNumberOf, weekdayOf } from "./vietnam-time";

/**
 * Days off for a year outside the data (before 2025, after 2027).
 *
 * Decision: we do not refuse such years — a 15-working-day dossier received in December 2027 already ends in
 * 2028, and an officer still needs a date. Instead we apply only what is certain without a notice: weekends
 * and the solar-calendar holidays of Bộ luật Lao động 2019 Điều 112(1) (1/1, 30/4, 1/5, 2/9), moved to the
 * next weekday when they fall on a weekend (Điều 111(3)), plus 24/11 from 2026 (Nghị quyết 28/2026/QH16;
 * not in Điều 112, so not moved). Unknown and therefore missing: Tết Âm lịch and Giỗ Tổ Hùng Vương (lunar),
 * the day adjacent to 2/9, and swapped days/Saturdays. Every such day is reported with confidence
 * "fallback" so the screen can say the date is provisional.
 */

interface FixedHoliday {
  month: number;
  day: number;
  name: string;
  /** Moved to the next weekday when it falls on a weekend (Điều 111(3) covers Điều 112 days only). */
  substitute: boolean;
  fromYear?: number;
}

const FIXED_SOLAR_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: "Tết Dương lịch", substitute: true },
  { month: 4, day: 30, name: "Ngày Chiến thắng", substitute: true },
  { month: 5, day: 1, name: "Quốc tế Lao động", substitute: true },
  { month: 9, day: 2, name: "Quốc khánh", substitute: true },
  { month: 11, day: 24, name: "Ngày Văn hóa Việt Nam", substitute: false, fromYear: 2026 },
];

const cache = new Map<number, ReadonlyMap<number, string>>();

function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

function buildYear(year: number): ReadonlyMap<number, string> {
  const daysOff = new Map<number, string>();
  const onWeekend: { dayNumber: number; name: string }[] = [];
  for (const holiday of FIXED_SOLAR_HOLIDAYS) {
    if (holiday.fromYear !== undefined && year < holiday.fromYear) continue;
    const mm = String(holiday.month).padStart(2, "0");
    const dd = String(holiday.day).padStart(2, "0");
    const dayNumber = dayNumberOf(`${String(year).padStart(4, "0")}-${mm}-${dd}`);
    if (!isWeekend(dayNumber)) daysOff.set(dayNumber, holiday.name);
    else if (holiday.substitute) onWeekend.push({ dayNumber, name: holiday.name });
  }
  // Substitutes after the regular days, so that Sun 30/4 + Mon 1/5 gives Tue 2/5 off, not Mon twice.
  for (const holiday of onWeekend) {
    let dayNumber = holiday.dayNumber;
    while (isWeekend(dayNumber) || daysOff.has(dayNumber)) dayNumber += 1;
    daysOff.set(dayNumber, `Nghỉ bù ${holiday.name}`);
  }
  return daysOff;
}

/** Name of the fallback day off on this day number, if any (`year` is the day's calendar year). */
export function fallbackDayOff(dayNumber: number, year: number): string | undefined {
  // Substitutes never cross a year end (the latest substituted date is 2/9), so the day's own year suffices.
  let days = cache.get(year);
  if (!days) {
    days = buildYear(year);
    cache.set(year, days);
  }
  return days.get(dayNumber);
}
