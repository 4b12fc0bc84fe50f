import { DEFAULT_OFFICE_HOURS, formatDateVi, toVnLocalDate, vnMinuteOfDay } from "@dvc/shared";

/** What the resident reads when a conversation with officers ends (chat only). */

export const HANDED_BACK_TEXT =
  "Cán bộ đã trả lời xong. Trợ lý tự động tiếp tục hỗ trợ bạn; nhắn “gặp cán bộ” nếu cần trao đổi thêm.";

/** "08:00 ngày 07/12/2026": when the office next opens, in Vietnam time. */
function whenText(at: Date): string {
  const minute = vnMinuteOfDay(at);
  const clock = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
  return `${clock} ngày ${formatDateVi(toVnLocalDate(at))}`;
}

/**
 * No officer picked the conversation up in time: the bot takes it back and says when people are in.
 * `nextOpen` is when the office next opens, or null while it is open now.
 */
export function notAnsweredText(nextOpen: Date | null): string {
  const hours = `${DEFAULT_OFFICE_HOURS.open}–${DEFAULT_OFFICE_HOURS.close}`;
  const when = nextOpen ? ` từ ${whenText(nextOpen)}` : "";
  return (
    "Xin lỗi bạn, hiện chưa có cán bộ trả lời được tin nhắn. Trợ lý tự động tiếp tục hỗ trợ bạn. " +
    `Cán bộ xã làm việc ${hours} các ngày làm việc; bạn có thể nhắn “gặp cán bộ” lại${when}.`
  );
}
