import { type ClockTime, instantAt, minutesOf, vnDayNumber, vnMinuteOfDay } from "./calendar/vietnam-time";
import { isWorkingDayNumber, nextWorkingDayNumber } from "./calendar/working-days";

/**
 * Office hours and the moment a dossier counts as received.
 *
 * [U] Office hours are set by each province and agency; Hà Nội's are not in the reference. 08:00–17:00 is a
 * common one-stop schedule and lives in this one constant (callers may pass their own). The lunch break is
 * ignored: a deadline ends at the close of the day, and the countdown is a guide, not a legal measure.
 */
export interface OfficeHours {
  open: ClockTime;
  close: ClockTime;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = { open: "08:00", close: "17:00" };

/**
 * [C] Reference §1.1 and §3 (portal records of 1.001193 khai sinh, 1.000894 kết hôn, chứng thực): a same-day
 * procedure received after 15:00 is returned the next working day.
 */
export const SAME_DAY_CUTOFF: ClockTime = "15:00";

export interface OfficeMinutes {
  open: number;
  close: number;
}

/** Office hours in minutes after midnight, checked (open before close). */
export function officeMinutes(hours: OfficeHours): OfficeMinutes {
  const open = minutesOf(hours.open);
  const close = minutesOf(hours.close);
  if (open >= close) throw new RangeError(`Giờ làm việc không hợp lệ: ${hours.open}–${hours.close}`);
  return { open, close };
}

export interface EffectiveReceipt {
  /** The Vietnam day number the dossier counts as received on. */
  dayNumber: number;
  /** The instant the desk could first act on it: the receipt itself, or the opening of that day. */
  from: Date;
}

/**
 * The day a dossier counts as received. Received on a working day before `cutoffMinute` → that day;
 * otherwise (at or after the cutoff, or on a weekend/holiday) → the next working day, from opening time.
 *
 * Why: the reference gives one receipt rule, the 15:00 rule for same-day procedures [C]. For procedures
 * counted in working days we apply the same idea at the close of office hours (house rule [U], not found in
 * the reference): the one-stop desk (Bộ phận Một cửa, Nghị định 61/2018/NĐ-CP) receives dossiers during
 * office hours, so an online dossier sent at 18:00 or on a Sunday is received when the desk next opens.
 */
export function effectiveReceipt(
  receivedAt: Date,
  cutoffMinute: number,
  office: OfficeMinutes,
): EffectiveReceipt {
  const day = vnDayNumber(receivedAt);
  if (isWorkingDayNumber(day) && vnMinuteOfDay(receivedAt) < cutoffMinute) {
    const opening = instantAt(day, office.open);
    return { dayNumber: day, from: receivedAt < opening ? opening : receivedAt };
  }
  const next = nextWorkingDayNumber(day);
  return { dayNumber: next, from: instantAt(next, office.open) };
}
