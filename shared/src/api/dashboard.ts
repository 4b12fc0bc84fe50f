import { z } from "zod";
import { isLocalDate } from "../dossier/calendar/vietnam-time";
import { dossierStatusSchema } from "../dossier/status";

/**
 * The leaders' dashboard (GET /api/officer/dashboard, leader and admin roles): the figures of Decision
 * 766/QĐ-TTg's "tiến độ giải quyết" group and the app's own (online share, self-submitted share, messages
 * that did not reach residents), over a range of Vietnam dates. Every figure is defined in
 * shared/src/dashboard/indicators.ts; the server computes them by SQL (modules/dashboard).
 */

/** The longest range one request may ask for: a year and a day (a leap year, both ends included). */
export const DASHBOARD_MAX_RANGE_DAYS = 366;
/** How many rows the overdue and unreachable lists carry on screen; the CSV export has them all. */
export const DASHBOARD_LIST_LIMIT = 200;

const vnDateSchema = z
  .string({ error: "Vui lòng chọn ngày theo dạng NNNN-TT-NN." })
  .refine(isLocalDate, "Ngày không hợp lệ. Vui lòng chọn ngày theo dạng NNNN-TT-NN, ví dụ 2026-11-30.");

function daysBetween(from: string, to: string): number {
  return (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
}

/**
 * GET /api/officer/dashboard (and the CSV export): `from` and `to` are Vietnam dates, both included.
 * `commune`: an admin picks one, absent = the whole province; a leader always gets their own commune
 * (another one is refused).
 */
export const dashboardQuerySchema = z
  .object({
    from: vnDateSchema,
    to: vnDateSchema,
    commune: z
      .string()
      .regex(/^\d{5}$/, "Mã xã gồm 5 chữ số.")
      .optional(),
  })
  .superRefine((query, ctx) => {
    if (!isLocalDate(query.from) || !isLocalDate(query.to)) return;
    const days = daysBetween(query.from, query.to);
    if (days < 0) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Ngày kết thúc phải từ ngày bắt đầu trở đi." });
    } else if (days + 1 > DASHBOARD_MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `Khoảng thời gian dài tối đa ${DASHBOARD_MAX_RANGE_DAYS} ngày. Vui lòng chọn khoảng ngắn hơn.`,
      });
    }
  });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** A share: numerator over denominator; `rate` is null when nothing was counted (no 0/0). */
export const dashboardShareSchema = z.object({
  count: z.number().int(),
  of: z.number().int(),
  rate: z.number().nullable(),
});
export type DashboardShare = z.infer<typeof dashboardShareSchema>;

export const dashboardSummarySchema = z.object({
  /** Dossiers submitted in the range. */
  received: z.number().int(),
  /** Dossiers whose result was ready in the range (resolved_at in range). */
  resolved: z.number().int(),
  /** Resolved before their due day (trước hạn). */
  resolvedEarly: z.number().int(),
  /** Resolved on their due day, by its close (đúng hạn). */
  resolvedOnDueDay: z.number().int(),
  /** Resolved after their due time (trễ hạn). */
  resolvedLate: z.number().int(),
  /** (early + on due day) / resolved. */
  onTime: dashboardShareSchema,
  /** Open, clock running, past due: as of `asOf`, whatever the range. */
  overdueNow: z.number().int(),
  /** Online / received. */
  online: dashboardShareSchema,
  /** Filed by the citizen / received online. */
  selfSubmitted: dashboardShareSchema,
  /** Mean working days from receipt to result, of the resolved; null when none. */
  averageWorkingDays: z.number().nullable(),
  /** Status messages created in the range that did not reach the resident through Zalo. */
  unreachableMessages: z.number().int(),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const dashboardProcedureRowSchema = z.object({
  procedureCode: z.string(),
  procedureTitle: z.string(),
  received: z.number().int(),
  resolved: z.number().int(),
  resolvedEarly: z.number().int(),
  resolvedOnDueDay: z.number().int(),
  resolvedLate: z.number().int(),
  averageWorkingDays: z.number().nullable(),
  overdueNow: z.number().int(),
});
export type DashboardProcedureRow = z.infer<typeof dashboardProcedureRowSchema>;

/** One Vietnam day of the range (every day present, zeros included), for the chart. */
export const dashboardDayPointSchema = z.object({
  date: z.string(),
  received: z.number().int(),
  resolved: z.number().int(),
});
export type DashboardDayPoint = z.infer<typeof dashboardDayPointSchema>;

/** An overdue dossier: no personal data (no name, CCCD, phone). Most overdue first. */
export const dashboardOverdueItemSchema = z.object({
  code: z.string(),
  communeCode: z.string(),
  procedureCode: z.string(),
  procedureTitle: z.string(),
  status: dossierStatusSchema,
  statusLabel: z.string(),
  dueAt: z.string(),
  /** Working days past the due day, as of `asOf` (0 = due today, already past closing time). */
  workingDaysLate: z.number().int(),
});
export type DashboardOverdueItem = z.infer<typeof dashboardOverdueItemSchema>;

export const UNREACHABLE_OUTCOMES = ["in_app", "failed", "dead", "expired"] as const;
export const unreachableOutcomeSchema = z.enum(UNREACHABLE_OUTCOMES);
export type UnreachableOutcome = z.infer<typeof unreachableOutcomeSchema>;
export const UNREACHABLE_OUTCOME_LABELS: Readonly<Record<UnreachableOutcome, string>> = {
  in_app: "Chỉ hiện trong Mini App (không có kênh Zalo)",
  failed: "Zalo từ chối gửi",
  dead: "Gửi lại nhiều lần không được",
  expired: "Quá hạn gửi",
};

/** A status message that did not reach its resident: the dossier to follow up by other means. */
export const dashboardUnreachableItemSchema = z.object({
  dossierCode: z.string(),
  communeCode: z.string(),
  procedureCode: z.string(),
  /** The dossier status the message announced. */
  status: dossierStatusSchema.nullable(),
  outcome: unreachableOutcomeSchema,
  createdAt: z.string(),
});
export type DashboardUnreachableItem = z.infer<typeof dashboardUnreachableItemSchema>;

export const dashboardResponseSchema = z.object({
  /** Null: the whole province (an admin without a commune). */
  communeCode: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  /** When "overdue now" was measured (ISO instant). */
  asOf: z.string(),
  summary: dashboardSummarySchema,
  procedures: z.array(dashboardProcedureRowSchema),
  series: z.array(dashboardDayPointSchema),
  unreachableByOutcome: z.array(z.object({ outcome: unreachableOutcomeSchema, count: z.number().int() })),
  /** At most DASHBOARD_LIST_LIMIT rows; `overdueNow` says how many there are. */
  overdue: z.array(dashboardOverdueItemSchema),
  /** At most DASHBOARD_LIST_LIMIT rows; `unreachableMessages` says how many there are. */
  unreachable: z.array(dashboardUnreachableItemSchema),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;

/** GET /api/officer/dashboard/export/:table.csv */
export const DASHBOARD_CSV_TABLES = ["summary", "procedures", "overdue", "unreachable"] as const;
export const dashboardCsvTableSchema = z.enum(DASHBOARD_CSV_TABLES, {
  error: "Bảng không có. Vui lòng chọn một trong: summary, procedures, overdue, unreachable.",
});
export type DashboardCsvTable = z.infer<typeof dashboardCsvTableSchema>;
