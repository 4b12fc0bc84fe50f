import type { DashboardShare } from "../api/dashboard";
import { localDateOf, vnDayNumber } from "../dossier/calendar/vietnam-time";
import { workingDaysBetween } from "../dossier/calendar/working-days";
import { DEFAULT_OFFICE_HOURS, effectiveReceipt, officeMinutes } from "../dossier/office-hours";
import type { DossierStatus } from "../dossier/status";

/**
 * The leaders' dashboard indicators: the one place they are defined. The server's SQL
 * (bot-server/src/modules/dashboard/repo.ts) implements exactly these definitions, the integration test
 * recounts them by hand, and the screens and the CSV show the labels below.
 *
 * Sources: Decision 766/QĐ-TTg (2022), the service index's group "tiến độ, kết quả giải quyết" (on-time
 * handling, up to 20 of 100 points) and "cung cấp dịch vụ trực tuyến" (online share, self-submitted
 * share); Nghị định 61/2018/NĐ-CP amended by 107/2021/NĐ-CP (the one-stop mechanism: receipt, the result,
 * the due date "ngày hẹn trả kết quả", the apology when late); Thông tư 01/2018/TT-VPCP (its notices and
 * report forms); reference vn-public-services.md §2.1 [C]: the portal splits finished dossiers into
 * trước hạn / đúng hạn / trễ hạn, and a dossier is overdue when now > hẹn trả and status ∉ {9,10,3,7,8}.
 */

/**
 * What "resolved" (đã giải quyết) means here: the dossier's result exists. Its instant is the first move
 * to result_ready (9, "Đã xử lý xong": the agency has the result, the citizen may collect it), or the
 * move to returned (10) when it never passed through 9 (a one-stop system may report 10 directly).
 * The result being ready, not collected, is what the agency answers for: the due date is the date the
 * result is to be returned ("hẹn trả kết quả", NĐ 61/2018), and a citizen who comes late to collect does
 * not make the agency late.
 *
 * Not resolved: refused (3, not received: never entered the clock, or the refusal of Phiếu từ chối is not a
 * result), withdrawn (7, the citizen's choice) and stopped (8, "Dừng xử lý": the portal's "tạm dừng"
 * group). Their clock stops (reference §2.1), so they are neither on time nor late nor overdue; counting
 * them as on time would let a commune raise its rate by refusing.
 */
export const RESOLVING_STATUSES: ReadonlySet<DossierStatus> = new Set(["result_ready", "returned"]);

/** Statuses whose legal clock has stopped: never "overdue now" (reference §2.1: 9, 10, 3, 7, 8). */
export const CLOCK_STOPPED_STATUSES: readonly DossierStatus[] = [
  "result_ready",
  "returned",
  "refused",
  "withdrawn",
  "stopped",
];

/**
 * Working days a resolved dossier took, by the legal clock's counting rule (legal-clock.ts): from the
 * day it counts as received (a dossier sent after closing time or on a day off is received the next
 * working day; the receipt day itself is not counted) to the day its result was ready, that day counted.
 * Weekends, public holidays and days given off are skipped; make-up Saturdays count. A result ready on
 * the day of receipt took 0 days.
 */
export function resolutionWorkingDays(submittedAt: Date, resolvedAt: Date): number {
  const office = officeMinutes(DEFAULT_OFFICE_HOURS);
  const receiptDay = effectiveReceipt(submittedAt, office.close, office).dayNumber;
  const resolvedDay = vnDayNumber(resolvedAt);
  if (resolvedDay <= receiptDay) return 0;
  return workingDaysBetween(localDateOf(receiptDay), localDateOf(resolvedDay));
}

/**
 * Trước hạn / đúng hạn / trễ hạn of a resolved dossier (reference §2.1 [C]). The due time is the close of
 * office hours on the due day (legal-clock.ts), so:
 * - early (trước hạn): resolved on a Vietnam date before the due date;
 * - on the due day (đúng hạn): resolved on the due date, by the due time;
 * - late (trễ hạn): resolved after the due time (resolved_at > due_at).
 * On time (đúng hạn in the broad sense of Decision 766's "tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn")
 * is early + on the due day. A due date moved by an apology (Phiếu xin lỗi và hẹn lại ngày trả kết quả)
 * does not excuse the delay: `dueAt` is the dossier's due time as stored, which an apology does not move.
 */
export type Timeliness = "early" | "on_due_day" | "late";

export function timelinessOf(resolvedAt: Date, dueAt: Date): Timeliness {
  if (resolvedAt.getTime() > dueAt.getTime()) return "late";
  return vnDayNumber(resolvedAt) < vnDayNumber(dueAt) ? "early" : "on_due_day";
}

/** Working days past the due day as of `now` (0: due today and closing time has passed). */
export function workingDaysLate(dueAt: Date, now: Date): number {
  return Math.max(0, workingDaysBetween(dueAt, now));
}

/** count / of, with no rate when nothing was counted (a 0/0 is not 0 %). */
export function shareOf(count: number, of: number): DashboardShare {
  return { count, of, rate: of === 0 ? null : count / of };
}

export type IndicatorId =
  | "received"
  | "resolved"
  | "resolvedEarly"
  | "resolvedOnDueDay"
  | "resolvedLate"
  | "onTime"
  | "overdueNow"
  | "online"
  | "selfSubmitted"
  | "averageWorkingDays"
  | "unreachableMessages";

export interface IndicatorDefinition {
  /** What a leader reads (screens, CSV). */
  label: string;
  /** The definition in one Vietnamese sentence (a tooltip, the CSV's second column). */
  definition: string;
}

/** Every indicator's label and definition, in the order the summary lists them. */
export const INDICATORS: Readonly<Record<IndicatorId, IndicatorDefinition>> = {
  // Dossiers submitted (online, or recorded at the desk) on a Vietnam date in the range: submitted_at.
  received: {
    label: "Hồ sơ tiếp nhận",
    definition: "Số hồ sơ nộp trong khoảng thời gian đã chọn (trực tuyến và tại Bộ phận Một cửa).",
  },
  // Dossiers whose result was ready (RESOLVING_STATUSES) on a Vietnam date in the range: resolved_at.
  resolved: {
    label: "Hồ sơ đã giải quyết",
    definition: "Số hồ sơ đã có kết quả trong khoảng thời gian đã chọn, dù nộp từ trước.",
  },
  resolvedEarly: {
    label: "Giải quyết trước hạn",
    definition: "Hồ sơ có kết quả trước ngày hẹn trả.",
  },
  resolvedOnDueDay: {
    label: "Giải quyết đúng hạn",
    definition: "Hồ sơ có kết quả đúng ngày hẹn trả, trước giờ hết hạn.",
  },
  resolvedLate: {
    label: "Giải quyết trễ hạn",
    definition: "Hồ sơ có kết quả sau thời điểm hẹn trả.",
  },
  // Decision 766/QĐ-TTg: "tỷ lệ hồ sơ giải quyết trước hạn, đúng hạn" over the resolved.
  onTime: {
    label: "Tỷ lệ trước hạn và đúng hạn",
    definition: "Số hồ sơ giải quyết trước hạn và đúng hạn chia cho số hồ sơ đã giải quyết.",
  },
  // Not range-bound: open (clock running), due time passed, as of now (reference §2.1).
  overdueNow: {
    label: "Đang quá hạn",
    definition: "Hồ sơ chưa có kết quả, đã quá thời điểm hẹn trả, tính đến lúc xem.",
  },
  // Decision 766/QĐ-TTg's online-service group: dossiers filed online over all received.
  online: {
    label: "Tỷ lệ nộp trực tuyến",
    definition: "Số hồ sơ nộp trực tuyến chia cho số hồ sơ tiếp nhận.",
  },
  // Decision 766/QĐ-TTg counts online dossiers the citizen filed themself, not an officer on their behalf.
  selfSubmitted: {
    label: "Tỷ lệ người dân tự nộp",
    definition: "Số hồ sơ trực tuyến do người dân tự nộp chia cho số hồ sơ nộp trực tuyến.",
  },
  averageWorkingDays: {
    label: "Số ngày làm việc trung bình",
    definition:
      "Trung bình số ngày làm việc từ ngày tiếp nhận đến ngày có kết quả, của hồ sơ đã giải quyết trong khoảng thời gian.",
  },
  // The app's own: status messages (deliveries of kind dossier_status / supplement_request) created in the
  // range whose final state is in_app, failed, dead or expired — the resident was not reached by Zalo.
  unreachableMessages: {
    label: "Tin nhắn không đến được người dân",
    definition:
      "Tin báo trạng thái hồ sơ tạo trong khoảng thời gian mà không gửi được qua Zalo (chỉ hiện trong Mini App, bị từ chối, gửi lại không được hoặc quá hạn).",
  },
};
