/**
 * The leaders' dashboard: figures by SQL over dossiers and deliveries (indicators defined in
 * shared/src/dashboard/indicators.ts), the API and the CSV export. app.ts mounts the routes; the bench
 * times `dashboardFigures`.
 */

export { csvFileName, dashboardCsv, toCsv } from "./csv";
export type { DashboardScope, InstantRange } from "./repo";
export { dashboardRoutes } from "./routes";
export {
  type DateRange,
  dashboardFigures,
  type FiguresOptions,
  instantRange,
  scopeFor,
  viewDashboard,
} from "./service";
