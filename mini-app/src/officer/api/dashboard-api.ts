/**
 * The leaders' dashboard (GET /api/officer/dashboard) and its CSV export, leaders and province admins
 * only: the server answers 403 to anyone else, and scopes a leader to their own commune.
 */
import {
  type DashboardCsvTable,
  type DashboardQuery,
  type DashboardResponse,
  dashboardResponseSchema,
} from "@dvc/shared/api/dashboard";
import { withQuery } from "../../api/http";
import { officerFile, officerRequest } from "./officer-http";

function queryOf(query: DashboardQuery): Record<string, string | undefined> {
  return { from: query.from, to: query.to, commune: query.commune };
}

export function getDashboard(query: DashboardQuery, signal?: AbortSignal): Promise<DashboardResponse> {
  return officerRequest(withQuery("/api/officer/dashboard", queryOf(query)), dashboardResponseSchema, {
    signal,
  });
}

/** The export's address; fetched with the officer's token, so a plain link cannot open it. */
export function dashboardCsvPath(table: DashboardCsvTable, query: DashboardQuery): string {
  return withQuery(`/api/officer/dashboard/export/${table}.csv`, queryOf(query));
}

/** One table as a CSV file (a Blob), with every row, not only those on screen. */
export function getDashboardCsv(table: DashboardCsvTable, query: DashboardQuery): Promise<Blob> {
  return officerFile(dashboardCsvPath(table, query));
}
