import type { DossierSummary } from "@dvc/shared/api/dossiers";
import { useNavigate } from "zmp-ui";
import { dossierPath } from "../routes";
import { formatDateTime } from "../ui/format";
import { ChevronRightIcon, FolderIcon } from "../ui/icons";
import { StatusTag } from "../ui/status-tag";

/** The citizen's dossiers, newest first, whatever order they came in. */
export function newestFirst(dossiers: readonly DossierSummary[]): DossierSummary[] {
  return [...dossiers].sort(
    (a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.code.localeCompare(a.code),
  );
}

/**
 * One dossier in a list (Home and "Hồ sơ của tôi"): the procedure, whose dossier it is, its status, its
 * code in the one form used everywhere (00292-K7M4-RX26) and when the result is due.
 */
export function DossierRow({ dossier }: { dossier: DossierSummary }) {
  const navigate = useNavigate();
  return (
    <button
      type="button"
      className="dvc-row"
      data-testid="dossier-row"
      onClick={() => navigate(dossierPath(dossier.code))}
    >
      <FolderIcon className="dvc-row__icon" />
      <span className="dvc-row__text">
        <span className="dvc-row__title">{dossier.procedureTitle}</span>
        {dossier.subjectName ? (
          <span className="dvc-row__subject" data-testid="dossier-subject">
            {dossier.subjectName}
          </span>
        ) : null}
        <span className="dvc-row__meta">
          <StatusTag status={dossier.status} label={dossier.statusLabel} />
        </span>
        <span className="dvc-row__meta">Mã hồ sơ: {dossier.code}</span>
        <span className="dvc-row__meta">Hẹn trả: {formatDateTime(dossier.dueAt)}</span>
      </span>
      <ChevronRightIcon size={20} className="dvc-row__chevron" />
    </button>
  );
}
