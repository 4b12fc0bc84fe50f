import type { DashboardCsvTable, DashboardQuery } from "@dvc/shared/api/dashboard";
import { useState } from "react";
import { ApiError } from "../../api";
import { getDashboardCsv } from "../api/dashboard-api";

/** "ho-so-qua-han_2026-12-01_2026-12-07.csv": the table and its range, so saved files do not collide. */
const FILE_NAMES: Readonly<Record<DashboardCsvTable, string>> = {
  summary: "tong-hop",
  procedures: "theo-thu-tuc",
  overdue: "ho-so-qua-han",
  unreachable: "tin-nhan-chua-den",
};

export function csvFileName(table: DashboardCsvTable, query: DashboardQuery): string {
  const commune = query.commune ? `_${query.commune}` : "";
  return `${FILE_NAMES[table]}${commune}_${query.from}_${query.to}.csv`;
}

/**
 * "Tải CSV" of one table, every row (the screen shows at most 200). The file is fetched with the
 * officer's token (a plain link could not carry it), then saved from memory under a readable name.
 */
export function CsvLink({
  table,
  query,
  what,
}: {
  table: DashboardCsvTable;
  query: DashboardQuery;
  what: string;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const blob = await getDashboardCsv(table, query);
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = csvFileName(table, query);
      document.body.append(link);
      link.click();
      link.remove();
      // Revoked later, not at once: some browsers start reading the file after click() returns.
      window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Chưa tải được tệp CSV. Vui lòng thử lại.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="dvc-dashboard-csv">
      <button
        type="button"
        className="dvc-link-button"
        aria-disabled={busy}
        aria-label={`Tải CSV: ${what}`}
        onClick={() => void download()}
      >
        {busy ? "Đang tải…" : "Tải CSV"}
      </button>
      {error ? (
        <span role="alert" className="dvc-dashboard-csv__error">
          {error}
        </span>
      ) : null}
    </span>
  );
}
