import { formatDateTime } from "../../ui/format";
import { OfficerLink, officerPaths } from "../router";
import { clockText } from "../ui/time-text";
import { type AuditRow, actionLabel, detailText } from "./audit-wording";

/** "Xem hồ sơ", or "Xem trò chuyện · 12 lần từ 09:01" when repeated views were folded. */
function ActionCell({ row }: { row: AuditRow }) {
  const detail = detailText(row.entry);
  return (
    <>
      <span className="dvc-audit__action">{actionLabel(row.entry.action)}</span>
      {row.count > 1 ? (
        <span className="dvc-audit__detail">
          {row.count} lần, từ {clockText(row.firstAt)}
        </span>
      ) : null}
      {detail ? <span className="dvc-audit__detail">{detail}</span> : null}
    </>
  );
}

function DossierCell({ code }: { code: string | null }) {
  if (code === null) return <span className="dvc-muted">—</span>;
  return (
    <OfficerLink className="dvc-code-link" href={officerPaths.dossier(code)}>
      {code}
    </OfficerLink>
  );
}

/** On a desk: one table row per entry, newest first. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <table className="dvc-inbox-table dvc-audit-table">
      <caption className="dvc-visually-hidden">Nhật ký thao tác, mới nhất trước</caption>
      <thead>
        <tr>
          <th scope="col">Thời điểm</th>
          <th scope="col">Cán bộ</th>
          <th scope="col">Thao tác</th>
          <th scope="col">Hồ sơ</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.entry.id}>
            <td>
              <time dateTime={row.entry.at}>{formatDateTime(row.entry.at)}</time>
            </td>
            <td>{row.entry.username}</td>
            <td>
              <ActionCell row={row} />
            </td>
            <td>
              <DossierCell code={row.entry.dossierCode} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** On a phone: one card per entry, the action first. */
export function AuditCards({ rows }: { rows: AuditRow[] }) {
  return (
    <ol className="dvc-audit-cards">
      {rows.map((row) => (
        <li key={row.entry.id} className="dvc-audit-card">
          <ActionCell row={row} />
          <span className="dvc-audit-card__meta">
            <time dateTime={row.entry.at}>{formatDateTime(row.entry.at)}</time> · {row.entry.username}
          </span>
          {row.entry.dossierCode ? <DossierCell code={row.entry.dossierCode} /> : null}
        </li>
      ))}
    </ol>
  );
}
