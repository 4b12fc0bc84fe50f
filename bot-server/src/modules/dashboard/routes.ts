import { dashboardCsvTableSchema, dashboardQuerySchema } from "@dvc/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { AppDeps } from "../../http/env";
import { officerApiRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { type OfficerEnv, requireOfficer } from "../officer-auth";
import { csvFileName, dashboardCsv } from "./csv";
import { viewDashboard } from "./service";

/** The export carries every row of a list, up to this many (a province's overdue list fits many times). */
const EXPORT_LIST_LIMIT = 100_000;

/** "summary.csv" → "summary". */
const exportParam = z.object({
  file: z
    .string()
    .transform((file) => file.replace(/\.csv$/, ""))
    .pipe(dashboardCsvTableSchema),
});

/**
 * /api/officer/dashboard: leaders (their commune) and admins (the province or a commune). Commune
 * officers are refused (403). The figures are counts, no personal data: viewing them is not audited.
 */
export function dashboardRoutes(deps: AppDeps) {
  const db = deps.database.db;
  return new Hono<OfficerEnv>()
    .use(requireOfficer(db, ["leader", "admin"]), officerApiRateLimit(deps))
    .get("/", validate("query", dashboardQuerySchema), async (c) =>
      c.json(await viewDashboard(db, c.var.officer, c.req.valid("query"), new Date()), 200),
    )
    .get(
      "/export/:file",
      validate("param", exportParam),
      validate("query", dashboardQuerySchema),
      async (c) => {
        const table = c.req.valid("param").file;
        const figures = await viewDashboard(db, c.var.officer, c.req.valid("query"), new Date(), {
          listLimit: EXPORT_LIST_LIMIT,
        });
        c.header("Content-Type", "text/csv; charset=utf-8");
        c.header("Content-Disposition", `attachment; filename="${csvFileName(table, figures)}"`);
        return c.body(dashboardCsv(table, figures), 200);
      },
    );
}
