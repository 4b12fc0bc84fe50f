import type { OfficerInboxItem } from "@dvc/shared/api/officer";
import { clockDayText } from "./time-text";

/**
 * What the officer owes a dossier besides its due date: to acknowledge a new one within 8 working
 * hours ("Cần tiếp nhận trước 16:30 07/12"), or the apology letter once it is late.
 */
export function DeadlineHint({
  dossier,
  now,
}: {
  dossier: Pick<OfficerInboxItem, "acknowledgeBy" | "needsApology">;
  now: Date;
}) {
  if (dossier.needsApology) {
    return (
      <span className="dvc-deadline-hint dvc-deadline-hint--late">Cần gửi thư xin lỗi, hẹn lại ngày trả</span>
    );
  }
  if (!dossier.acknowledgeBy) return null;
  const when = clockDayText(dossier.acknowledgeBy);
  return now > new Date(dossier.acknowledgeBy) ? (
    <span className="dvc-deadline-hint dvc-deadline-hint--late">Quá hạn tiếp nhận ({when})</span>
  ) : (
    <span className="dvc-deadline-hint">Cần tiếp nhận trước {when}</span>
  );
}
