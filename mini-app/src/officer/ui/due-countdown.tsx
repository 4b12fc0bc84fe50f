import { isDueSoon } from "@dvc/shared/dossier/countdown";
import {
  DOSSIER_STATUS_INFO,
  type DossierStatus,
  isClockRunning,
  isDossierOverdue,
} from "@dvc/shared/dossier/status";
import { countdownText } from "../../dossiers/due-text";
import { ClockIcon } from "../../ui/icons";

/**
 * Working time left to the due date, in the words of the citizen's tracking screen ("Còn 2 ngày 3 giờ
 * làm việc", "Quá hạn 1 ngày làm việc"): office hours on working days only, so a weekend or Tết does
 * not eat the officer's time. A dossier whose clock has stopped says why instead.
 */
export function DueCountdown({ status, dueAt, now }: { status: DossierStatus; dueAt: string; now: Date }) {
  if (!isClockRunning(status)) {
    const text = status === "result_ready" ? "Đã có kết quả" : DOSSIER_STATUS_INFO[status].officerLabel;
    return <span className="dvc-due dvc-due--stopped">{text}</span>;
  }
  const countdown = countdownText(dueAt, now);
  const late = isDossierOverdue(status, new Date(dueAt), now);
  const tone = late ? " dvc-due--late" : isDueSoon(new Date(dueAt), now) ? " dvc-due--soon" : "";
  return (
    <span className={`dvc-due${tone}`}>
      <ClockIcon size={18} />
      <span>{countdown.text}</span>
    </span>
  );
}
