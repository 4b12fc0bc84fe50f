import {
  type DashboardOverdueItem,
  type DashboardProcedureRow,
  type DashboardQuery,
  type DashboardUnreachableItem,
  UNREACHABLE_OUTCOME_LABELS,
} from "@dvc/shared/api/dashboard";
import { DOSSIER_STATUS_INFO } from "@dvc/shared/dossier/status";
import type { ReactNode } from "react";
import { formatDate, formatDateTime } from "../../ui/format";
import { OfficerLink, officerPaths } from "../router";
import { CsvLink } from "./csv-link";
import { countText, workingDaysText } from "./figures";

/** A titled table with its "Tải CSV"; scrolls sideways on a phone instead of squeezing its columns. */
function TableBlock({
  id,
  title,
  csv,
  note,
  children,
}: {
  id: string;
  title: string;
  csv: ReactNode;
  note?: string | undefined;
  children: ReactNode;
}) {
  return (
    <div className="dvc-dashboard-block">
      <div className="dvc-dashboard-block__head">
        <h2 id={id} className="dvc-dashboard-block__title">
          {title}
        </h2>
        {csv}
      </div>
      {note ? <p className="dvc-muted">{note}</p> : null}
      {/* The table's region, named by the heading above: it scrolls sideways on a phone, so the
          keyboard must reach it. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
      <section className="dvc-dashboard-scroll" aria-labelledby={id} tabIndex={0}>
        {children}
      </section>
    </div>
  );
}

const shownNote = (shown: number, total: number) =>
  total > shown
    ? `Hiện ${countText(shown)} trên ${countText(total)} dòng. Tệp CSV có đủ mọi dòng.`
    : undefined;

function DossierLink({ code }: { code: string }) {
  return (
    <OfficerLink className="dvc-code-link" href={officerPaths.dossier(code)}>
      {code}
    </OfficerLink>
  );
}

export function ProceduresTable({ rows, query }: { rows: DashboardProcedureRow[]; query: DashboardQuery }) {
  return (
    <TableBlock
      id="dashboard-procedures"
      title="Theo thủ tục"
      csv={<CsvLink table="procedures" query={query} what="số liệu theo thủ tục" />}
    >
      <table className="dvc-inbox-table dvc-dashboard-table">
        <caption className="dvc-visually-hidden">Số liệu theo thủ tục</caption>
        <thead>
          <tr>
            <th scope="col">Thủ tục</th>
            <th scope="col">Nhận mới</th>
            <th scope="col">Có kết quả</th>
            <th scope="col">Trước hạn</th>
            <th scope="col">Đúng hạn</th>
            <th scope="col">Trễ hạn</th>
            <th scope="col">Thời gian trung bình</th>
            <th scope="col">Đang quá hẹn</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.procedureCode}>
              <th scope="row">{row.procedureTitle}</th>
              <td>{countText(row.received)}</td>
              <td>{countText(row.resolved)}</td>
              <td>{countText(row.resolvedEarly)}</td>
              <td>{countText(row.resolvedOnDueDay)}</td>
              <td>{countText(row.resolvedLate)}</td>
              <td>{workingDaysText(row.averageWorkingDays)}</td>
              <td>{countText(row.overdueNow)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBlock>
  );
}

export function OverdueTable({
  items,
  total,
  query,
  province,
}: {
  items: DashboardOverdueItem[];
  total: number;
  query: DashboardQuery;
  province: boolean;
}) {
  if (total === 0) return null;
  return (
    <TableBlock
      id="dashboard-overdue"
      title="Hồ sơ đang quá hẹn"
      csv={<CsvLink table="overdue" query={query} what="hồ sơ đang quá hẹn" />}
      note={shownNote(items.length, total)}
    >
      <table className="dvc-inbox-table dvc-dashboard-table">
        <caption className="dvc-visually-hidden">Hồ sơ đang quá hẹn, quá lâu nhất ở trên</caption>
        <thead>
          <tr>
            <th scope="col">Mã hồ sơ</th>
            {province ? <th scope="col">Mã xã</th> : null}
            <th scope="col">Thủ tục</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Hẹn trả</th>
            <th scope="col">Quá hẹn</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.code} className="dvc-inbox-table__late">
              <th scope="row">
                <DossierLink code={item.code} />
              </th>
              {province ? <td>{item.communeCode}</td> : null}
              <td>{item.procedureTitle}</td>
              <td>{item.statusLabel}</td>
              <td>{formatDate(item.dueAt)}</td>
              <td>
                {item.workingDaysLate === 0 ? "Hôm nay" : `${countText(item.workingDaysLate)} ngày làm việc`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBlock>
  );
}

export function UnreachableTable({
  items,
  total,
  query,
  titles,
}: {
  items: DashboardUnreachableItem[];
  total: number;
  query: DashboardQuery;
  /** Procedure titles by code, from the per-procedure rows; a code missing there is shown as is. */
  titles: ReadonlyMap<string, string>;
}) {
  if (total === 0) return null;
  return (
    <TableBlock
      id="dashboard-unreachable"
      title="Tin nhắn chưa đến người dân"
      csv={<CsvLink table="unreachable" query={query} what="tin nhắn chưa đến người dân" />}
      note={
        shownNote(items.length, total) ?? "Hãy gọi điện hoặc báo trực tiếp cho người dân của các hồ sơ này."
      }
    >
      <table className="dvc-inbox-table dvc-dashboard-table">
        <caption className="dvc-visually-hidden">Tin nhắn báo trạng thái chưa đến người dân</caption>
        <thead>
          <tr>
            <th scope="col">Mã hồ sơ</th>
            <th scope="col">Thủ tục</th>
            <th scope="col">Tin báo</th>
            <th scope="col">Lý do</th>
            <th scope="col">Lúc tạo tin</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.dossierCode}-${item.createdAt}-${item.outcome}`}>
              <th scope="row">
                <DossierLink code={item.dossierCode} />
              </th>
              <td>{titles.get(item.procedureCode) ?? item.procedureCode}</td>
              <td>{item.status ? DOSSIER_STATUS_INFO[item.status].officerLabel : "—"}</td>
              <td>{UNREACHABLE_OUTCOME_LABELS[item.outcome]}</td>
              <td>
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableBlock>
  );
}
