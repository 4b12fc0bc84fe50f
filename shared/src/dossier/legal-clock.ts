import type { CalendarConfidence } from "./calendar/holiday-data";
import {
  type ClockTime,
  instantAt,
  type LocalDate,
  localDateOf,
  minutesOf,
  vnDayNumber,
} from "./calendar/vietnam-time";
import { addWorkingDayNumbers, nextWorkingDayNumber, weakestConfidence } from "./calendar/working-days";
import { DEFAULT_OFFICE_HOURS, effectiveReceipt, type OfficeHours, officeMinutes } from "./office-hours";

/**
 * The legal clock: when a dossier's result is due (ngày hẹn trả kết quả).
 *
 * Counting rule for N working days: the clock runs from receipt of the complete dossier (reference §3;
 * Nghị định 61/2018/NĐ-CP, amended by 107/2021/NĐ-CP). The receipt day itself is not counted: day 1 is the
 * first working day after it, and the result is due at the close of office hours on day N. (That a
 * period in days starts on the day after the event is the general rule of Bộ luật Dân sự 2015 Điều 147(2);
 * our reading [U], the reference does not say.) A dossier received after closing time or on a day off counts
 * as received on the next working day (see `effectiveReceipt`).
 *
 * Same-day procedures (khai sinh, kết hôn, chứng thực; reference §1.1, §3 [C]): received on a working day
 * before 15:00 → due at that day's close; from 15:00, or on a day off → due at the next working day's close.
 */

/** A procedure's legal time as the clock needs it. */
export type DueAtLegalTime = { workingDays: number } | { sameDay: true; cutoff: ClockTime };

export interface ComputeDueAtInput {
  /** When the complete dossier reached the agency (the online submission time, or the desk's receipt). */
  receivedAt: Date;
  legalTime: DueAtLegalTime;
  officeHours?: OfficeHours;
}

export interface DueAtResult {
  /** Close of office hours on the last working day. */
  dueAt: Date;
  /** When the clock started: opening of day 1, or (same day) the effective receipt. */
  countedFrom: Date;
  /** The Vietnam date the dossier counts as received on. */
  receivedOn: LocalDate;
  /** The Vietnam date of `dueAt`. */
  dueOn: LocalDate;
  /** The least sure day between receipt and due: show a notice unless "confirmed" (2027 is a projection). */
  confidence: CalendarConfidence;
}

export function computeDueAt(input: ComputeDueAtInput): DueAtResult {
  const office = officeMinutes(input.officeHours ?? DEFAULT_OFFICE_HOURS);
  const { legalTime } = input;
  const rawDay = vnDayNumber(input.receivedAt);
  let receiptDay: number;
  let dueDay: number;
  let countedFrom: Date;
  if ("sameDay" in legalTime) {
    const cutoff = minutesOf(legalTime.cutoff);
    if (cutoff > office.close) throw new RangeError(`Giờ chốt ${legalTime.cutoff} sau giờ đóng cửa`);
    const receipt = effectiveReceipt(input.receivedAt, cutoff, office);
    receiptDay = receipt.dayNumber;
    dueDay = receipt.dayNumber;
    countedFrom = receipt.from;
  } else {
    const days = legalTime.workingDays;
    if (!Number.isInteger(days) || days < 1)
      throw new RangeError(`Thời hạn phải là số ngày làm việc ≥ 1: ${days}`);
    receiptDay = effectiveReceipt(input.receivedAt, office.close, office).dayNumber;
    dueDay = addWorkingDayNumbers(receiptDay, days);
    countedFrom = instantAt(nextWorkingDayNumber(receiptDay), office.open);
  }
  return {
    dueAt: instantAt(dueDay, office.close),
    countedFrom,
    receivedOn: localDateOf(receiptDay),
    dueOn: localDateOf(dueDay),
    confidence: weakestConfidence(rawDay, dueDay),
  };
}

/** The procedure catalog's legal time (`procedures/definition.ts`), accepted by shape to keep modules apart. */
export type CatalogLegalTime =
  | { kind: "working_days"; days: number }
  | { kind: "same_day"; cutoff: ClockTime };

export function dueAtLegalTimeOf(legalTime: CatalogLegalTime): DueAtLegalTime {
  return legalTime.kind === "working_days"
    ? { workingDays: legalTime.days }
    : { sameDay: true, cutoff: legalTime.cutoff };
}
