import { workingDaysBetween } from "@dvc/shared/dossier/calendar/working-days";
import { remainingWorkingTime } from "@dvc/shared/dossier/countdown";
import { formatDateTime } from "../ui/format";

/** "trong 3 ngày làm việc" from now to the due date, or "trong hôm nay". */
export function withinWorkingDays(dueAt: string, now: Date = new Date()): string {
  const days = workingDaysBetween(now, new Date(dueAt));
  return days <= 0 ? "trong hôm nay" : `trong ${days} ngày làm việc`;
}

/** The countdown in working time: "Còn 2 ngày 3 giờ làm việc", "Quá hạn 1 ngày làm việc". */
export function countdownText(dueAt: string, now: Date = new Date()): { text: string; overdue: boolean } {
  const left = remainingWorkingTime(new Date(dueAt), now);
  const days = Math.abs(left.workingDays);
  const hours = Math.abs(left.hours);
  const minutes = Math.abs(left.minutes);
  const parts = [days > 0 ? `${days} ngày` : "", hours > 0 ? `${hours} giờ` : ""].filter(Boolean);
  if (parts.length === 0) parts.push(`${minutes} phút`);
  const span = `${parts.join(" ")} làm việc`;
  return left.overdue ? { text: `Quá hạn ${span}`, overdue: true } : { text: `Còn ${span}`, overdue: false };
}

export function dueLine(dueAt: string): string {
  return `${formatDateTime(dueAt)} (${withinWorkingDays(dueAt)})`;
}
