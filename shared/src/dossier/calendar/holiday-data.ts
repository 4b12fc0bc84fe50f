import { type HolidayFile, holidayFileSchema, type ProjectedYear } from "./holiday-schema";
import { PROJECTED_DAYS_OFF } from "./projected-days";
import { dayNumberOf, weekdayOf } from "./vietnam-time";
import raw from "./vn-holidays-2025-2027.json";

/**
 * The holiday data, validated once at import (shared does no I/O: the JSON is bundled with the code).
 *
 * A "data day" is a day whose status differs from the Monday–Friday rule: a weekday off (lễ, Tết, nghỉ bù,
 * nghỉ hoán đổi) or a Saturday worked (ngày làm bù). Both come from the yearly civil-service notice
 * (Thông báo 6150/TB-BLĐTBXH for 2025, 9441/TB-BNV for 2026), which may swap a weekday off for a Saturday.
 */

/** How sure we are of a day's status: from a notice, a projection/single source, or outside the data. */
export type CalendarConfidence = "confirmed" | "unconfirmed" | "fallback";
export type CalendarBasis = "notice" | "projection" | "fallback";

export interface DataDay {
  kind: "day_off" | "make_up_saturday";
  name: string;
  confidence: "confirmed" | "unconfirmed";
}

interface DataYear {
  basis: "notice" | "projection";
  notice: string;
}

export const HOLIDAY_FILE: HolidayFile = holidayFileSchema.parse(raw);

const dataDays = new Map<number, DataDay>();
const dataYears = new Map<number, DataYear>();

function addProjectedYear(year: string, entry: ProjectedYear): void {
  const table = PROJECTED_DAYS_OFF[year];
  if (!table) throw new Error(`Lịch nghỉ ${year}: thiếu bảng ngày nghỉ dự kiến (projected-days.ts)`);
  const projected = new Set(table.map((day) => day.date));
  // Every statutory weekday the data projects must be in our concrete table, so the two cannot drift apart.
  for (const day of entry.statutory_projection) {
    const weekday = weekdayOf(dayNumberOf(day.date));
    if (weekday !== 0 && weekday !== 6 && !projected.has(day.date)) {
      throw new Error(`Lịch nghỉ ${year}: ngày ${day.date} của dữ liệu thiếu trong projected-days.ts`);
    }
  }
  for (const day of table) {
    dataDays.set(dayNumberOf(day.date), { kind: "day_off", name: day.name, confidence: "unconfirmed" });
  }
}

for (const [year, entry] of Object.entries(HOLIDAY_FILE.years)) {
  dataYears.set(Number(year), {
    basis: "weekdays_off" in entry ? "notice" : "projection",
    notice: entry.notice,
  });
  if (!("weekdays_off" in entry)) {
    addProjectedYear(year, entry);
    continue;
  }
  for (const day of entry.weekdays_off) {
    dataDays.set(dayNumberOf(day.date), { kind: "day_off", name: day.name, confidence: day.confidence });
  }
  for (const day of entry.saturdays_worked) {
    const confidence = day.confidence;
    dataDays.set(dayNumberOf(day.date), { kind: "make_up_saturday", name: day.reason, confidence });
  }
}

/** The data's entry for a day number, if the day differs from the Monday–Friday rule. */
export function dataDayOf(dayNumber: number): DataDay | undefined {
  return dataDays.get(dayNumber);
}

/** The data's year entry, or undefined for a year outside the data. */
export function dataYearOf(year: number): DataYear | undefined {
  return dataYears.get(year);
}

/** The years the data covers (notice or projection), ascending. */
export const CALENDAR_DATA_YEARS: readonly number[] = [...dataYears.keys()].sort((a, b) => a - b);
