import type { OfficerInboxItem } from "@dvc/shared/api/officer";
import { isDossierOverdue } from "@dvc/shared/dossier/status";
import { formatDateTime } from "../../ui/format";
import { StatusTag } from "../../ui/status-tag";
import { OfficerLink, officerPaths } from "../router";
import { DeadlineHint } from "../ui/deadline-hint";
import { DueCountdown } from "../ui/due-countdown";

/** The inbox on a desk: one row per dossier, the most urgent first (the server sorts by due date). */
export function InboxTable({ dossiers, now }: { dossiers: OfficerInboxItem[]; now: Date }) {
  return (
    <table className="dvc-inbox-table">
      <caption className="dvc-visually-hidden">Hồ sơ theo hạn trả kết quả, gần hạn nhất trước</caption>
      <thead>
        <tr>
          <th scope="col">Mã hồ sơ</th>
          <th scope="col">Thủ tục</th>
          <th scope="col">Trạng thái</th>
          <th scope="col">Ngày nộp</th>
          <th scope="col">Hẹn trả</th>
          <th scope="col">Thời gian còn lại</th>
        </tr>
      </thead>
      <tbody>
        {dossiers.map((dossier) => {
          const late = isDossierOverdue(dossier.status, new Date(dossier.dueAt), now);
          return (
            <tr key={dossier.code} className={late ? "dvc-inbox-table__late" : undefined}>
              <th scope="row">
                <OfficerLink className="dvc-code-link" href={officerPaths.dossier(dossier.code)}>
                  {dossier.code}
                </OfficerLink>
              </th>
              <td>{dossier.procedureTitle}</td>
              <td>
                <StatusTag status={dossier.status} label={dossier.statusLabel} />
                <DeadlineHint dossier={dossier} now={now} />
              </td>
              <td>{formatDateTime(dossier.submittedAt)}</td>
              <td>{formatDateTime(dossier.dueAt)}</td>
              <td>
                <DueCountdown status={dossier.status} dueAt={dossier.dueAt} now={now} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
