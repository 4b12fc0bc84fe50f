import type { OfficerInboxItem } from "@dvc/shared/api/officer";
import { isDossierOverdue } from "@dvc/shared/dossier/status";
import { formatDateTime } from "../../ui/format";
import { ChevronRightIcon } from "../../ui/icons";
import { StatusTag } from "../../ui/status-tag";
import { OfficerLink, officerPaths } from "../router";
import { DeadlineHint } from "../ui/deadline-hint";
import { DueCountdown } from "../ui/due-countdown";

/** The inbox on a phone: one card per dossier, the whole card a link to it. */
export function InboxCards({ dossiers, now }: { dossiers: OfficerInboxItem[]; now: Date }) {
  return (
    <ul className="dvc-inbox-cards">
      {dossiers.map((dossier) => {
        const late = isDossierOverdue(dossier.status, new Date(dossier.dueAt), now);
        return (
          <li key={dossier.code}>
            <OfficerLink
              href={officerPaths.dossier(dossier.code)}
              className={`dvc-inbox-card${late ? " dvc-inbox-card--late" : ""}`}
            >
              <span className="dvc-inbox-card__top">
                <span className="dvc-inbox-card__code">{dossier.code}</span>
                <StatusTag status={dossier.status} label={dossier.statusLabel} />
              </span>
              <span className="dvc-inbox-card__title">{dossier.procedureTitle}</span>
              <DueCountdown status={dossier.status} dueAt={dossier.dueAt} now={now} />
              <DeadlineHint dossier={dossier} now={now} />
              <span className="dvc-inbox-card__meta">Hẹn trả {formatDateTime(dossier.dueAt)}</span>
              <ChevronRightIcon className="dvc-inbox-card__chevron" />
            </OfficerLink>
          </li>
        );
      })}
    </ul>
  );
}
