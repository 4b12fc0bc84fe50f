import { instantAt, vnDayNumber } from "./calendar/vietnam-time";
import { addWorkingDayNumbers, isWorkingDayNumber, workingDaysBetween } from "./calendar/working-days";
import { DEFAULT_OFFICE_HOURS, type OfficeHours, type OfficeMinutes, officeMinutes } from "./office-hours";

/**
 * Countdown to a due date, for officers' lists and the citizen's tracking screen.
 *
 * "Trễ hạn"/"quá hạn" is a flag computed from the due date, not a status (reference §2.1). A result handed
 * over at the due instant is on time (đúng hạn); one instant later is late.
 */

export function isOverdue(dueAt: Date, now: Date): boolean {
  return now.getTime() > dueAt.getTime();
}

/**
 * Due today or within the next `withinWorkingDays` working days, and not yet overdue. Counted in
 * calendar days, not hours, because that is how an officer plans: "hạn hôm nay / ngày mai".
 */
export function isDueSoon(dueAt: Date, now: Date, withinWorkingDays = 1): boolean {
  return !isOverdue(dueAt, now) && workingDaysBetween(now, dueAt) <= withinWorkingDays;
}

/**
 * The instant before which a due date counts as "due soon" (`isDueSoon`), for a query: the start of the
 * (withinWorkingDays + 1)-th working day after today. Not yet overdue is the caller's other bound.
 */
export function dueSoonBefore(now: Date, withinWorkingDays = 1): Date {
  return instantAt(addWorkingDayNumbers(vnDayNumber(now), withinWorkingDays + 1), 0);
}

export interface RemainingWorkingTime {
  overdue: boolean;
  dueSoon: boolean;
  /** Office-hours minutes left on working days; negative (minutes late) when overdue. */
  totalMinutes: number;
  /** `totalMinutes` split into whole office days, hours and minutes, all with its sign. */
  workingDays: number;
  hours: number;
  minutes: number;
}

/** Office-hours minutes on working days in [from, to] (from ≤ to). */
function officeMinutesBetween(from: Date, to: Date, office: OfficeMinutes): number {
  let total = 0;
  for (let day = vnDayNumber(from); day <= vnDayNumber(to); day += 1) {
    if (!isWorkingDayNumber(day)) continue;
    const start = Math.max(from.getTime(), instantAt(day, office.open).getTime());
    const end = Math.min(to.getTime(), instantAt(day, office.close).getTime());
    if (end > start) total += end - start;
  }
  return Math.floor(total / 60_000);
}

/**
 * Working time left until `dueAt` (or spent past it), counting only office hours on working days, so the
 * countdown does not run over a weekend or Tết. Overdue after closing time on the due day shows `overdue`
 * with 0 minutes until the next working day opens.
 */
export function remainingWorkingTime(
  dueAt: Date,
  now: Date,
  officeHours: OfficeHours = DEFAULT_OFFICE_HOURS,
): RemainingWorkingTime {
  const office = officeMinutes(officeHours);
  const overdue = isOverdue(dueAt, now);
  const sign = overdue ? -1 : 1;
  const magnitude = overdue
    ? officeMinutesBetween(dueAt, now, office)
    : officeMinutesBetween(now, dueAt, office);
  const perDay = office.close - office.open;
  // Avoid -0 so that "0 days" compares equal whatever the sign.
  const signed = (value: number): number => (value === 0 ? 0 : sign * value);
  return {
    overdue,
    dueSoon: isDueSoon(dueAt, now),
    totalMinutes: signed(magnitude),
    workingDays: signed(Math.floor(magnitude / perDay)),
    hours: signed(Math.floor((magnitude % perDay) / 60)),
    minutes: signed((magnitude % perDay) % 60),
  };
}
