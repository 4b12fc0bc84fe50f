import type { DashboardDayPoint, DashboardProcedureRow } from "@dvc/shared/api/dashboard";
import type { ChartConfiguration } from "chart.js";
import { useMemo } from "react";
import { countText, workingDaysText } from "./figures";
import { LazyChart } from "./lazy-chart";
import { dayText } from "./range";

// The house colours (shell.css --dvc-blue, --dvc-success): a canvas cannot read CSS variables.
const BLUE = "#0068ff";
const GREEN = "#067647";
const FONT = { family: "Roboto, system-ui, sans-serif", size: 13 };

const shortDay = (date: string) => dayText(date).slice(0, 5);

function dailyConfig(series: DashboardDayPoint[]): ChartConfiguration<"line"> {
  return {
    type: "line",
    data: {
      labels: series.map((point) => shortDay(point.date)),
      datasets: [
        { label: "Nhận mới", data: series.map((p) => p.received), borderColor: BLUE, backgroundColor: BLUE },
        {
          label: "Có kết quả",
          data: series.map((p) => p.resolved),
          borderColor: GREEN,
          backgroundColor: GREEN,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: a chart that moves distracts, and a leader comparing ranges wants the new one now.
      animation: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0, font: FONT } }, x: { ticks: { font: FONT } } },
      plugins: { legend: { labels: { font: FONT } } },
    },
  };
}

function proceduresConfig(rows: DashboardProcedureRow[]): ChartConfiguration<"bar"> {
  return {
    type: "bar",
    data: {
      labels: rows.map((row) => row.procedureTitle),
      datasets: [
        {
          label: "Số ngày làm việc trung bình",
          data: rows.map((row) => row.averageWorkingDays ?? 0),
          backgroundColor: BLUE,
        },
      ],
    },
    options: {
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { beginAtZero: true, ticks: { font: FONT } }, y: { ticks: { font: FONT } } },
      plugins: { legend: { display: false } },
    },
  };
}

/** Received and resolved per day, and the same numbers as a table for whoever cannot see the chart. */
export function DailyChart({ series }: { series: DashboardDayPoint[] }) {
  const config = useMemo(() => dailyConfig(series), [series]);
  const received = series.reduce((sum, p) => sum + p.received, 0);
  const resolved = series.reduce((sum, p) => sum + p.resolved, 0);
  const summary = `Biểu đồ theo ngày: ${countText(received)} hồ sơ nhận mới, ${countText(resolved)} hồ sơ có kết quả trong ${series.length} ngày.`;
  return (
    <section className="dvc-dashboard-block" aria-labelledby="dashboard-daily">
      <h2 id="dashboard-daily" className="dvc-dashboard-block__title">
        Nhận mới và có kết quả theo ngày
      </h2>
      <LazyChart summary={summary} config={config} height={260} />
      <details className="dvc-dashboard-details">
        <summary>Xem số liệu theo ngày dạng bảng</summary>
        <table className="dvc-inbox-table dvc-dashboard-table">
          <caption className="dvc-visually-hidden">Số hồ sơ nhận mới và có kết quả theo ngày</caption>
          <thead>
            <tr>
              <th scope="col">Ngày</th>
              <th scope="col">Nhận mới</th>
              <th scope="col">Có kết quả</th>
            </tr>
          </thead>
          <tbody>
            {series.map((point) => (
              <tr key={point.date}>
                <th scope="row">{dayText(point.date)}</th>
                <td>{countText(point.received)}</td>
                <td>{countText(point.resolved)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}

/** Average working days per procedure (those with a result in the range); the table below has them too. */
export function ProceduresChart({ rows }: { rows: DashboardProcedureRow[] }) {
  const resolved = useMemo(() => rows.filter((row) => row.averageWorkingDays !== null), [rows]);
  const config = useMemo(() => proceduresConfig(resolved), [resolved]);
  if (resolved.length === 0) return null;
  const summary = `Biểu đồ số ngày làm việc trung bình theo thủ tục: ${resolved
    .map((row) => `${row.procedureTitle} ${workingDaysText(row.averageWorkingDays)}`)
    .join("; ")}.`;
  return (
    <section className="dvc-dashboard-block" aria-labelledby="dashboard-days">
      <h2 id="dashboard-days" className="dvc-dashboard-block__title">
        Thời gian giải quyết trung bình theo thủ tục
      </h2>
      <p className="dvc-muted">
        Số ngày làm việc từ khi nhận đến khi có kết quả. Số liệu chi tiết ở bảng theo thủ tục.
      </p>
      <LazyChart summary={summary} config={config} height={Math.max(120, 48 + resolved.length * 40)} />
    </section>
  );
}
