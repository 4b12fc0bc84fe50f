import { instantAt, vnDayNumber, vnMinuteOfDay } from "./calendar/vietnam-time";
import { isWorkingDayNumber, nextWorkingDayNumber } from "./calendar/working-days";
import { DEFAULT_OFFICE_HOURS, type OfficeHours, officeMinutes } from "./office-hours";

/**
 * Time counted in office hours only (working days, DEFAULT_OFFICE_HOURS): "2 working hours" after a
 * handover opened at 16:30 on a Friday ends at 09:30 on Monday. Used for the officers' reply deadline.
 */

/**
 * The desk acknowledges an online dossier (receives it, or asks to complete it) within 8 working hours
 * of its arrival (Nghị định 45/2020/NĐ-CP; reference product-anchors.md).
 */
export const ACKNOWLEDGE_WITHIN_OFFICE_MINUTES = 8 * 60;

/** When the desk must have acknowledged a dossier submitted at `submittedAt`. */
export function acknowledgementDue(submittedAt: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  return addOfficeMinutes(submittedAt, ACKNOWLEDGE_WITHIN_OFFICE_MINUTES, hours);
}

/** The first instant at or after `from` when the office is open. */
export function nextOfficeOpen(from: Date, hours: OfficeHours = DEFAULT_OFFICE_HOURS): Date {
  const office = officeMinutes(hours);
  const day = vnDayNumber(from);
  const minute = vnMinuteOfDay(from);
  if (isWorkingDayNumber(day) && minute < office.close) {
    return minute < office.open ? instantAt(day, office.open) : from;
  }
  return instantAt(nextWorkingDayNumber(day), office.open);
}

/** `from` plus `minutes` of office time. */
export function addOfficeMinutes(
  from: Date,
  minutes: number,
  hours: OfficeHours = DEFAULT_OFFICE_HOURS,
): Date {
  const office = officeMinutes(hours);
  let at = nextOfficeOpen(from, hours);
  let left = minutes;
  for (;;) {
    const day = vnDayNumber(at);
    const untilClose = office.close - vnMinuteOfDay(at);
    if (left <= untilClose) return new Date(at.getTime() + left * 60_000);
    left -= untilClose;
    at = instantAt(nextWorkingDayNumber(day), office.open);
  }
}
