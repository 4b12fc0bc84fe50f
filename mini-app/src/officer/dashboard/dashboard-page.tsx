import type { DashboardQuery, DashboardResponse } from "@dvc/shared/api/dashboard";
import type { OfficerRole } from "@dvc/shared/api/officer";
import { useMemo } from "react";
import { useCommuneName } from "../../citizen/commune-names";
import { Loading, Notice } from "../../ui/notice";
import { useDocumentTitle } from "../ui/use-document-title";
import { useNow } from "../ui/use-now";
import { CsvLink } from "./csv-link";
import { DailyChart, ProceduresChart } from "./dashboard-charts";
import { OverdueTable, ProceduresTable, UnreachableTable } from "./dashboard-tables";
import { FigureCards } from "./figure-cards";
import { type DashboardSelection, rangeText, selectionFromSearch } from "./range";
import { RangePicker } from "./range-picker";
import { useDashboard } from "./use-dashboard";

/**
 * /can-bo/bao-cao — for a commune leader (their commune) and a province admin (the province, or one
 * commune): the figures of a range, the charts, and every table with its CSV. Anyone else who opens
 * the address is told it is not theirs; the server refuses them anyway.
 */
export function DashboardPage({
  search,
  officerRole,
}: {
  search: URLSearchParams;
  officerRole: OfficerRole;
}) {
  useDocumentTitle("Báo cáo");
  const now = useNow();
  const selection = selectionFromSearch(search, now);
  return (
    <section className="dvc-officer-page dvc-dashboard" aria-labelledby="dashboard-title">
      <h1 id="dashboard-title" className="dvc-page-title">
        Báo cáo giải quyết hồ sơ
      </h1>
      {officerRole === "officer" ? (
        <Notice tone="empty" title="Chỉ lãnh đạo xã/phường và cán bộ tỉnh xem được báo cáo." />
      ) : (
        <>
          <RangePicker selection={selection} now={now} admin={officerRole === "admin"} />
          <Dashboard selection={officerRole === "admin" ? selection : { ...selection, commune: null }} />
        </>
      )}
    </section>
  );
}

function Dashboard({ selection }: { selection: DashboardSelection }) {
  const query: DashboardQuery = useMemo(
    () =>
      selection.commune === null
        ? { from: selection.from, to: selection.to }
        : { from: selection.from, to: selection.to, commune: selection.commune },
    [selection.from, selection.to, selection.commune],
  );
  const { data, loading, error, reload } = useDashboard(query);
  return (
    <>
      {error ? (
        <Notice tone="error" title={error} action={{ label: "Thử lại", onClick: reload }}>
          {data ? "Số liệu dưới đây là của lần xem trước." : null}
        </Notice>
      ) : null}
      {data === null && !error ? <Loading text="Đang tính số liệu…" /> : null}
      {data && loading ? <Loading text="Đang tính số liệu của khoảng mới…" /> : null}
      {data ? <Figures data={data} query={query} busy={loading} /> : null}
    </>
  );
}

/**
 * Nothing received, resolved or lost in the range: there is nothing to draw. Dossiers overdue now are
 * still listed: they are late today, whatever range was picked.
 */
function isEmpty(data: DashboardResponse): boolean {
  const { received, resolved, unreachableMessages } = data.summary;
  return received === 0 && resolved === 0 && unreachableMessages === 0;
}

function Figures({ data, query, busy }: { data: DashboardResponse; query: DashboardQuery; busy: boolean }) {
  const communeName = useCommuneName(data.communeCode);
  const scope = data.communeCode === null ? "Toàn tỉnh" : (communeName ?? `Xã/phường mã ${data.communeCode}`);
  const range = rangeText({ from: data.from, to: data.to });
  const titles = useMemo(
    () => new Map(data.procedures.map((row) => [row.procedureCode, row.procedureTitle])),
    [data.procedures],
  );
  return (
    <div className="dvc-dashboard__body" aria-busy={busy}>
      <div className="dvc-dashboard-block__head">
        <p className="dvc-dashboard__scope">
          <strong>{scope}</strong> · {range}
        </p>
        <CsvLink table="summary" query={query} what="số liệu tổng hợp" />
      </div>
      {isEmpty(data) ? (
        <>
          <Notice tone="empty" title={`Không có hồ sơ nào từ ${range}.`}>
            Không có hồ sơ nộp hay có kết quả trong khoảng này. Hãy chọn khoảng thời gian khác.
          </Notice>
          <OverdueTable
            items={data.overdue}
            total={data.summary.overdueNow}
            query={query}
            province={data.communeCode === null}
          />
        </>
      ) : (
        <>
          <FigureCards summary={data.summary} />
          <DailyChart series={data.series} />
          <ProceduresChart rows={data.procedures} />
          {data.procedures.length > 0 ? <ProceduresTable rows={data.procedures} query={query} /> : null}
          <OverdueTable
            items={data.overdue}
            total={data.summary.overdueNow}
            query={query}
            province={data.communeCode === null}
          />
          <UnreachableTable
            items={data.unreachable}
            total={data.summary.unreachableMessages}
            query={query}
            titles={titles}
          />
        </>
      )}
    </div>
  );
}
