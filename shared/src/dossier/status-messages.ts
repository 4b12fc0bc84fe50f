import { formatDateVi } from "../forms/engine/dates";
import { toVnLocalDate } from "./calendar/vietnam-time";
import { DOSSIER_STATUS_INFO, type DossierStatus } from "./status";

/**
 * What a citizen is told when their dossier moves: the same words in the Zalo message (delivery
 * engine) and in the Mini App's timeline, so both say it once. Each status says what happened and
 * what to do next; the due date is the legal one (Nghị định 118/2025, "ngày hẹn trả kết quả").
 */

export interface StatusMessageFacts {
  dossierCode: string;
  status: DossierStatus;
  procedureTitle: string;
  /** ISO instant of the legal due date. */
  dueAt: string;
  /** The officer's words when a supplement is asked for. */
  supplementMessage?: string | undefined;
  /**
   * What the officer wrote with the move: the reason of a refusal or a stop, where and when to collect
   * the result, an apology for a delay (Mẫu 04, Thông tư 01/2018/TT-VPCP).
   */
  officerNote?: string | undefined;
  /** The note is the apology for a late dossier; the due date is the new appointment. */
  apology?: boolean | undefined;
}

/** How the officer's note is introduced, per status; other statuses: "Ghi chú của cán bộ". */
const NOTE_LABEL: Partial<Record<DossierStatus, string>> = {
  refused: "Lý do",
  stopped: "Lý do",
  result_ready: "Nơi và thời gian nhận kết quả",
};

/** What the citizen should do next, per status (undefined: nothing to do). */
export const NEXT_STEP: Readonly<Record<DossierStatus, string | undefined>> = {
  submitted: "Cán bộ sẽ kiểm tra và tiếp nhận hồ sơ trong giờ làm việc. Bạn chưa cần làm gì thêm.",
  received: "Hồ sơ đang trong thời hạn giải quyết. Bạn sẽ được báo khi có kết quả.",
  refused: "Bạn xem lý do trong Mini App; có thể nộp lại hồ sơ mới khi đã đủ điều kiện.",
  processing: "Bạn chưa cần làm gì thêm; bạn sẽ được báo khi có kết quả.",
  supplement_requested: "Bạn mở Mini App để bổ sung: chỉ cần sửa những mục được yêu cầu.",
  payment_requested: "Bạn mở Mini App để xem số tiền và cách nộp phí, lệ phí.",
  withdrawn: undefined,
  stopped: "Bạn xem lý do trong Mini App, hoặc liên hệ bộ phận một cửa của xã/phường.",
  result_ready: "Bạn mang giấy tờ tùy thân đến bộ phận một cửa để nhận kết quả.",
  returned: undefined,
};

/** The line that tells the citizen an electronic result is attached (issue 11): the last line of the note. */
export const RESULT_FILE_NOTE =
  'Kết quả điện tử đã có: bạn mở hồ sơ trong Mini App và bấm "Tải kết quả" để tải về.';

/** The officer's note of a "result_ready" move: where and when to collect it, and/or the file line. */
export function resultReadyNote(result: { pickUp?: string | undefined; hasFile: boolean }): string | null {
  const lines = [result.pickUp, result.hasFile ? RESULT_FILE_NOTE : undefined].filter(
    (line): line is string => Boolean(line),
  );
  return lines.length > 0 ? lines.join("\n") : null;
}

const vnDate = (iso: string) => formatDateVi(toVnLocalDate(new Date(iso)));

/** The chat message: code, procedure, status, what next, the due date. Plain text, ≤ 2,000 characters. */
export function statusMessageText(facts: StatusMessageFacts): string {
  const info = DOSSIER_STATUS_INFO[facts.status];
  const lines = [`Hồ sơ ${facts.dossierCode} — ${facts.procedureTitle}`, `Trạng thái: ${info.citizenLabel}.`];
  if (facts.status === "supplement_requested" && facts.supplementMessage) {
    lines.push(`Cán bộ đề nghị bổ sung: ${facts.supplementMessage}`);
  }
  let next = NEXT_STEP[facts.status];
  if (facts.apology && facts.officerNote) {
    lines.push(`Xin lỗi bạn vì hồ sơ trễ hẹn. ${facts.officerNote}`);
  } else if (facts.status === "result_ready" && facts.officerNote?.endsWith(RESULT_FILE_NOTE)) {
    const pickUp = facts.officerNote.slice(0, -RESULT_FILE_NOTE.length).trim();
    if (pickUp) lines.push(`${NOTE_LABEL.result_ready}: ${pickUp}`);
    else next = undefined; // Nothing to collect at the desk: the file is the result.
    lines.push(RESULT_FILE_NOTE);
  } else if (facts.officerNote && facts.status !== "supplement_requested") {
    lines.push(`${NOTE_LABEL[facts.status] ?? "Ghi chú của cán bộ"}: ${facts.officerNote}`);
  }
  if (next) lines.push(next);
  if (!info.terminal) lines.push(`Hẹn trả kết quả: ${vnDate(facts.dueAt)}.`);
  return lines.join("\n");
}

/** The button under a status message. */
export const OPEN_DOSSIER_BUTTON_TITLE = "Xem hồ sơ trên Mini App";

/** How a message to the citizen fared, as the timeline says it. */
export type NoticeDeliveryState = "queued" | "sent" | "delivered" | "seen" | "in_app" | "failed";

export const NOTICE_DELIVERY_LABELS: Readonly<Record<NoticeDeliveryState, string>> = {
  queued: "Đang gửi qua Zalo",
  sent: "Đã gửi qua Zalo",
  delivered: "Đã gửi qua Zalo · đã nhận",
  seen: "Đã gửi qua Zalo · đã nhận · đã xem",
  in_app: "Chưa liên lạc được qua Zalo: thông báo chỉ có trong Mini App",
  failed: "Chưa liên lạc được qua Zalo: thông báo chỉ có trong Mini App",
};
