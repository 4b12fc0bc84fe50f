import {
  type DashboardCsvTable,
  type DashboardResponse,
  type DashboardShare,
  DOSSIER_STATUS_INFO,
  INDICATORS,
  type IndicatorId,
  UNREACHABLE_OUTCOME_LABELS,
} from "@dvc/shared";

/**
 * The dashboard's tables as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads the file
 * as the Windows code page and Vietnamese turns to mojibake), CRLF lines (RFC 4180), every cell quoted.
 * A cell beginning with = + - @ or a tab is prefixed with an apostrophe so a spreadsheet does not run it
 * as a formula (OWASP "CSV injection"); procedure titles come from configuration, not from residents,
 * but the export should not depend on that.
 */

const BOM = "\uFEFF";
type Cell = string | number | null;

function cellText(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isInteger(cell) ? String(cell) : cell.toFixed(2);
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const line = (cells: readonly Cell[]) =>
    cells.map((cell) => `"${cellText(cell).replaceAll('"', '""')}"`).join(",");
  return `${BOM}${[line(header), ...rows.map(line)].join("\r\n")}\r\n`;
}

/** "2026-11-30 17:00", Vietnam time: what a leader reads in a spreadsheet. */
function vnDateTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** Rounded to hundredths of a percent, so 0.6 is "60", never "60.00000000000001". */
const percent = (share: DashboardShare): number | null =>
  share.rate === null ? null : Math.round(share.rate * 10_000) / 100;

function summaryRows(figures: DashboardResponse): Cell[][] {
  const { summary } = figures;
  const row = (id: IndicatorId, value: Cell, of: Cell = null, rate: Cell = null): Cell[] => [
    INDICATORS[id].label,
    value,
    of,
    rate,
    INDICATORS[id].definition,
  ];
  return [
    row("received", summary.received),
    row("resolved", summary.resolved),
    row("resolvedEarly", summary.resolvedEarly),
    row("resolvedOnDueDay", summary.resolvedOnDueDay),
    row("resolvedLate", summary.resolvedLate),
    row("onTime", summary.onTime.count, summary.onTime.of, percent(summary.onTime)),
    row("overdueNow", summary.overdueNow),
    row("online", summary.online.count, summary.online.of, percent(summary.online)),
    row(
      "selfSubmitted",
      summary.selfSubmitted.count,
      summary.selfSubmitted.of,
      percent(summary.selfSubmitted),
    ),
    row("averageWorkingDays", summary.averageWorkingDays),
    row("unreachableMessages", summary.unreachableMessages),
  ];
}

/** One table of the figures as a CSV document. */
export function dashboardCsv(table: DashboardCsvTable, figures: DashboardResponse): string {
  switch (table) {
    case "summary":
      return toCsv(["Chỉ số", "Số lượng", "Trên tổng số", "Tỷ lệ (%)", "Định nghĩa"], summaryRows(figures));
    case "procedures":
      return toCsv(
        [
          "Mã thủ tục",
          "Tên thủ tục",
          "Tiếp nhận",
          "Đã giải quyết",
          "Trước hạn",
          "Đúng hạn",
          "Trễ hạn",
          "Số ngày làm việc trung bình",
          "Đang quá hạn",
        ],
        figures.procedures.map((row) => [
          row.procedureCode,
          row.procedureTitle,
          row.received,
          row.resolved,
          row.resolvedEarly,
          row.resolvedOnDueDay,
          row.resolvedLate,
          row.averageWorkingDays,
          row.overdueNow,
        ]),
      );
    case "overdue":
      return toCsv(
        [
          "Mã hồ sơ",
          "Mã xã",
          "Mã thủ tục",
          "Tên thủ tục",
          "Trạng thái",
          "Hạn trả kết quả",
          "Số ngày làm việc trễ",
        ],
        figures.overdue.map((row) => [
          row.code,
          row.communeCode,
          row.procedureCode,
          row.procedureTitle,
          row.statusLabel,
          vnDateTime(row.dueAt),
          row.workingDaysLate,
        ]),
      );
    case "unreachable":
      return toCsv(
        ["Mã hồ sơ", "Mã xã", "Mã thủ tục", "Tin báo trạng thái", "Kết quả gửi", "Thời điểm tạo tin"],
        figures.unreachable.map((row) => [
          row.dossierCode,
          row.communeCode,
          row.procedureCode,
          row.status === null ? null : DOSSIER_STATUS_INFO[row.status].officerLabel,
          UNREACHABLE_OUTCOME_LABELS[row.outcome],
          vnDateTime(row.createdAt),
        ]),
      );
  }
}

/** The download's name: the table, the commune (or "tinh", the province) and the range. */
export function csvFileName(table: DashboardCsvTable, figures: DashboardResponse): string {
  return `bao-cao-${table}-${figures.communeCode ?? "tinh"}-${figures.from}-${figures.to}.csv`;
}
