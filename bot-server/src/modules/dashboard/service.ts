import {
  DASHBOARD_LIST_LIMIT,
  type DashboardDayPoint,
  type DashboardProcedureRow,
  type DashboardQuery,
  type DashboardResponse,
  DOSSIER_STATUS_INFO,
  dossierStatusSchema,
  type Officer,
  shareOf,
  UNREACHABLE_OUTCOMES,
  unreachableOutcomeSchema,
  vnInstant,
  workingDaysLate,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import {
  communeExists,
  type DashboardScope,
  type InstantRange,
  overdueCounts,
  overdueRows,
  procedureTitles,
  type ReceivedCell,
  type ResolvedCell,
  receivedCells,
  resolvedCells,
  unreachableCounts,
  unreachableRows,
} from "./repo";

/** Vietnam dates, both included. */
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

/** The instants a range of Vietnam dates covers: the first day's midnight to the midnight after the last. */
export function instantRange(range: DateRange): InstantRange {
  return { start: vnInstant(range.from), end: new Date(vnInstant(range.to).getTime() + DAY_MS) };
}

/**
 * Who sees what: a leader their own commune only (asking for another is refused, 403); an admin the
 * province, or one commune they pick (an unknown one is a 404). Commune officers never reach here (the
 * route lets leaders and admins in).
 */
export async function scopeFor(db: Database, officer: Officer, commune?: string): Promise<DashboardScope> {
  if (officer.role !== "admin") {
    if (!officer.communeCode) throw new AppError("FORBIDDEN");
    if (commune !== undefined && commune !== officer.communeCode) {
      throw new AppError("FORBIDDEN", "Bạn chỉ xem được số liệu của xã mình. Vui lòng bỏ chọn xã khác.");
    }
    return { communeCode: officer.communeCode };
  }
  if (commune === undefined) return { communeCode: null };
  if (!(await communeExists(db, commune))) {
    throw new AppError("NOT_FOUND", "Không tìm thấy xã này. Vui lòng chọn xã trong danh sách.");
  }
  return { communeCode: commune };
}

function emptyProcedureRow(procedureCode: string, title: string | undefined): DashboardProcedureRow {
  return {
    procedureCode,
    procedureTitle: title ?? procedureCode,
    received: 0,
    resolved: 0,
    resolvedEarly: 0,
    resolvedOnDueDay: 0,
    resolvedLate: 0,
    averageWorkingDays: null,
    overdueNow: 0,
  };
}

function everyDay(range: DateRange): string[] {
  const days: string[] = [];
  const last = Date.parse(`${range.to}T00:00:00Z`);
  for (let at = Date.parse(`${range.from}T00:00:00Z`); at <= last; at += DAY_MS) {
    days.push(new Date(at).toISOString().slice(0, 10));
  }
  return days;
}

function seriesOf(range: DateRange, received: ReceivedCell[], resolved: ResolvedCell[]): DashboardDayPoint[] {
  const points = new Map(everyDay(range).map((date) => [date, { date, received: 0, resolved: 0 }]));
  for (const cell of received) {
    const point = points.get(cell.day);
    if (point) point.received += cell.received;
  }
  for (const cell of resolved) {
    const point = points.get(cell.day);
    if (point) point.resolved += cell.resolved;
  }
  return [...points.values()];
}

interface Totals {
  received: number;
  online: number;
  onlineByCitizen: number;
  resolved: number;
  early: number;
  late: number;
  daysSum: number;
  daysCount: number;
}

/** Per-procedure rows and the totals, from the grouped cells. */
function tabulate(
  received: ReceivedCell[],
  resolved: ResolvedCell[],
  overdue: { procedureCode: string; overdue: number }[],
  titles: Map<string, string>,
): { rows: DashboardProcedureRow[]; totals: Totals } {
  const rows = new Map<string, DashboardProcedureRow & { daysSum: number; daysCount: number }>();
  const rowOf = (code: string) => {
    let row = rows.get(code);
    if (!row) {
      row = { ...emptyProcedureRow(code, titles.get(code)), daysSum: 0, daysCount: 0 };
      rows.set(code, row);
    }
    return row;
  };
  const totals: Totals = {
    received: 0,
    online: 0,
    onlineByCitizen: 0,
    resolved: 0,
    early: 0,
    late: 0,
    daysSum: 0,
    daysCount: 0,
  };
  for (const cell of received) {
    rowOf(cell.procedureCode).received += cell.received;
    totals.received += cell.received;
    totals.online += cell.online;
    totals.onlineByCitizen += cell.onlineByCitizen;
  }
  for (const cell of resolved) {
    const row = rowOf(cell.procedureCode);
    row.resolved += cell.resolved;
    row.resolvedEarly += cell.early;
    row.resolvedLate += cell.late;
    row.resolvedOnDueDay += cell.resolved - cell.early - cell.late;
    row.daysSum += cell.workingDaysSum;
    row.daysCount += cell.workingDaysCount;
    totals.resolved += cell.resolved;
    totals.early += cell.early;
    totals.late += cell.late;
    totals.daysSum += cell.workingDaysSum;
    totals.daysCount += cell.workingDaysCount;
  }
  for (const cell of overdue) rowOf(cell.procedureCode).overdueNow += cell.overdue;
  const table = [...rows.values()]
    .map(({ daysSum, daysCount, ...row }) => ({
      ...row,
      averageWorkingDays: daysCount === 0 ? null : daysSum / daysCount,
    }))
    .sort((a, b) => b.received - a.received || a.procedureCode.localeCompare(b.procedureCode));
  return { rows: table, totals };
}

export interface FiguresOptions {
  /** Rows of the overdue and unreachable lists (the CSV export asks for all). */
  listLimit?: number;
}

/**
 * Every figure of the dashboard for a scope and a range of Vietnam dates, "overdue now" as of `now`.
 * The province query the bench times (tests/bench).
 */
export async function dashboardFigures(
  db: Database,
  scope: DashboardScope,
  range: DateRange,
  now: Date,
  options: FiguresOptions = {},
): Promise<DashboardResponse> {
  const instants = instantRange(range);
  const limit = options.listLimit ?? DASHBOARD_LIST_LIMIT;
  const [received, resolved, overdue, overdueList, unreachable, unreachableList, titles] = await Promise.all([
    receivedCells(db, scope, instants),
    resolvedCells(db, scope, instants),
    overdueCounts(db, scope, now),
    overdueRows(db, scope, now, limit),
    unreachableCounts(db, scope, instants),
    unreachableRows(db, scope, instants, limit),
    procedureTitles(db),
  ]);
  const { rows, totals } = tabulate(received, resolved, overdue, titles);
  const byOutcome = new Map(unreachable.map((row) => [row.outcome, row.count]));
  const onTime = totals.early + (totals.resolved - totals.early - totals.late);
  return {
    communeCode: scope.communeCode,
    from: range.from,
    to: range.to,
    asOf: now.toISOString(),
    summary: {
      received: totals.received,
      resolved: totals.resolved,
      resolvedEarly: totals.early,
      resolvedOnDueDay: totals.resolved - totals.early - totals.late,
      resolvedLate: totals.late,
      onTime: shareOf(onTime, totals.resolved),
      overdueNow: overdue.reduce((sum, row) => sum + row.overdue, 0),
      online: shareOf(totals.online, totals.received),
      selfSubmitted: shareOf(totals.onlineByCitizen, totals.online),
      averageWorkingDays: totals.daysCount === 0 ? null : totals.daysSum / totals.daysCount,
      unreachableMessages: unreachable.reduce((sum, row) => sum + row.count, 0),
    },
    procedures: rows,
    series: seriesOf(range, received, resolved),
    unreachableByOutcome: UNREACHABLE_OUTCOMES.map((outcome) => ({
      outcome,
      count: byOutcome.get(outcome) ?? 0,
    })),
    overdue: overdueList.map((row) => {
      const status = dossierStatusSchema.parse(row.status);
      return {
        code: row.code,
        communeCode: row.communeCode,
        procedureCode: row.procedureCode,
        procedureTitle: titles.get(row.procedureCode) ?? row.procedureCode,
        status,
        statusLabel: DOSSIER_STATUS_INFO[status].officerLabel,
        dueAt: row.dueAt.toISOString(),
        workingDaysLate: workingDaysLate(row.dueAt, now),
      };
    }),
    unreachable: unreachableList.map((row) => ({
      dossierCode: row.dossierCode,
      communeCode: row.communeCode,
      procedureCode: row.procedureCode,
      status: dossierStatusSchema.nullable().catch(null).parse(row.status),
      outcome: unreachableOutcomeSchema.parse(row.outcome),
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

/** The route's entry: scope by role, then the figures. */
export async function viewDashboard(
  db: Database,
  officer: Officer,
  query: DashboardQuery,
  now: Date,
  options: FiguresOptions = {},
): Promise<DashboardResponse> {
  const scope = await scopeFor(db, officer, query.commune);
  return dashboardFigures(db, scope, { from: query.from, to: query.to }, now, options);
}
