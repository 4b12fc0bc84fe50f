/**
 * The apology's new appointment day, checked as the server checks it (a working day after today, in
 * Vietnam), but saying which kind of day was picked: "là Chủ nhật", "là ngày nghỉ Tết Dương lịch".
 */
import type { OfficerApology } from "@dvc/shared/api/officer";
import { localDateOf, toVnLocalDate, vnDayNumber } from "@dvc/shared/dossier/calendar/vietnam-time";
import { describeDay, nextWorkingDayNumber } from "@dvc/shared/dossier/calendar/working-days";

const MAX_LETTER = 2_000;

/** "2027-01-15" → "15/01/2027". */
export function dayText(date: string): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}

/** The earliest day the officer may pick, for the date input's `min`. */
export function earliestNewDueDate(now: Date): string {
  return localDateOf(nextWorkingDayNumber(vnDayNumber(now)));
}

function dateProblem(date: string, now: Date): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return "Vui lòng chọn ngày hẹn trả kết quả mới.";
  if (date <= toVnLocalDate(now)) return "Ngày hẹn mới phải sau hôm nay.";
  const day = describeDay(date);
  if (day.isWorkingDay) return null;
  const why =
    day.kind === "weekend"
      ? new Date(`${date}T00:00:00Z`).getUTCDay() === 0
        ? "Chủ nhật"
        : "thứ Bảy"
      : `ngày nghỉ${day.name ? ` ${day.name}` : ""}`;
  return `Ngày ${dayText(date)} là ${why}. Vui lòng chọn một ngày làm việc.`;
}

function letterProblem(letter: string): string | null {
  if (letter.trim() === "") return "Vui lòng viết thư xin lỗi gửi người dân.";
  if (letter.trim().length > MAX_LETTER) return "Thư dài tối đa 2.000 ký tự. Vui lòng rút gọn.";
  return null;
}

export function checkApology(
  input: OfficerApology,
  now: Date,
): { ok: true; apology: OfficerApology } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const date = dateProblem(input.newDueDate, now);
  const letter = letterProblem(input.letter);
  if (date) fields.newDueDate = date;
  if (letter) fields.letter = letter;
  if (date || letter) return { ok: false, fields };
  return { ok: true, apology: { newDueDate: input.newDueDate, letter: input.letter.trim() } };
}
