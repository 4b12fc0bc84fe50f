import { CLOCK_STOPPED_STATUSES, UNREACHABLE_OUTCOMES } from "@dvc/shared";
import { and, asc, desc, eq, gte, inArray, lt, notInArray, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communes, deliveries, dossiers, procedureVersions } from "../../db/schema";

/**
 * The dashboard's SQL: every figure is a count over dossiers (and deliveries), exactly as defined in
 * shared/src/dashboard/indicators.ts. Range bounds are instants (the start of the first Vietnam day, the
 * start of the day after the last), so the (commune, submitted_at) and (commune, resolved_at) indexes
 * answer them; days are grouped in Vietnam time.
 */

/** Null: the whole province. */
export interface DashboardScope {
  communeCode: string | null;
}

/** [start, end): instants. */
export interface InstantRange {
  start: Date;
  end: Date;
}

const vnDay = (column: typeof dossiers.submittedAt | typeof dossiers.resolvedAt) =>
  sql<string>`to_char(${column} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
const count = (filter?: SQL) =>
  filter ? sql<number>`(count(*) filter (where ${filter}))::int` : sql<number>`count(*)::int`;

function inScope(scope: DashboardScope): SQL | undefined {
  return scope.communeCode === null ? undefined : eq(dossiers.communeCode, scope.communeCode);
}

export interface ReceivedCell {
  procedureCode: string;
  day: string;
  received: number;
  online: number;
  onlineByCitizen: number;
}

/** Received in the range, by procedure and Vietnam day: total, online, online filed by the citizen. */
export async function receivedCells(
  db: Database,
  scope: DashboardScope,
  range: InstantRange,
): Promise<ReceivedCell[]> {
  const day = vnDay(dossiers.submittedAt);
  const online = eq(dossiers.channel, "online");
  return db
    .select({
      procedureCode: dossiers.procedureCode,
      day,
      received: count(),
      online: count(online),
      onlineByCitizen: count(and(online, eq(dossiers.filedBy, "citizen"))),
    })
    .from(dossiers)
    .where(and(inScope(scope), gte(dossiers.submittedAt, range.start), lt(dossiers.submittedAt, range.end)))
    .groupBy(dossiers.procedureCode, day);
}

export interface ResolvedCell {
  procedureCode: string;
  day: string;
  resolved: number;
  early: number;
  late: number;
  /** Sum and count of resolved_working_days (a mean is their ratio, over any grouping). */
  workingDaysSum: number;
  workingDaysCount: number;
}

/**
 * Resolved in the range, by procedure and Vietnam day: late = resolved_at > due_at; early = not late and
 * on a Vietnam date before the due date; the rest were resolved on the due day (indicators.ts).
 */
export async function resolvedCells(
  db: Database,
  scope: DashboardScope,
  range: InstantRange,
): Promise<ResolvedCell[]> {
  const day = vnDay(dossiers.resolvedAt);
  const late = sql`${dossiers.resolvedAt} > ${dossiers.dueAt}`;
  const early = sql`${dossiers.resolvedAt} <= ${dossiers.dueAt} and (${dossiers.resolvedAt} at time zone 'Asia/Ho_Chi_Minh')::date < (${dossiers.dueAt} at time zone 'Asia/Ho_Chi_Minh')::date`;
  return db
    .select({
      procedureCode: dossiers.procedureCode,
      day,
      resolved: count(),
      early: count(early),
      late: count(late),
      workingDaysSum: sql<number>`coalesce(sum(${dossiers.resolvedWorkingDays}), 0)::float8`,
      workingDaysCount: sql<number>`count(${dossiers.resolvedWorkingDays})::int`,
    })
    .from(dossiers)
    .where(and(inScope(scope), gte(dossiers.resolvedAt, range.start), lt(dossiers.resolvedAt, range.end)))
    .groupBy(dossiers.procedureCode, day);
}

/** Open (clock running) and past due as of `now`: not range-bound (reference §2.1). */
function overdueWhere(scope: DashboardScope, now: Date): SQL | undefined {
  return and(
    inScope(scope),
    notInArray(dossiers.status, [...CLOCK_STOPPED_STATUSES]),
    lt(dossiers.dueAt, now),
  );
}

/** Overdue now, by procedure. */
export async function overdueCounts(db: Database, scope: DashboardScope, now: Date) {
  return db
    .select({ procedureCode: dossiers.procedureCode, overdue: count() })
    .from(dossiers)
    .where(overdueWhere(scope, now))
    .groupBy(dossiers.procedureCode);
}

export interface OverdueRow {
  code: string;
  communeCode: string;
  procedureCode: string;
  status: string;
  dueAt: Date;
}

/** The overdue dossiers, most overdue first; no personal data is selected. */
export async function overdueRows(
  db: Database,
  scope: DashboardScope,
  now: Date,
  limit: number,
): Promise<OverdueRow[]> {
  return db
    .select({
      code: dossiers.code,
      communeCode: dossiers.communeCode,
      procedureCode: dossiers.procedureCode,
      status: dossiers.status,
      dueAt: dossiers.dueAt,
    })
    .from(dossiers)
    .where(overdueWhere(scope, now))
    .orderBy(asc(dossiers.dueAt), asc(dossiers.code))
    .limit(limit);
}

/**
 * Status messages (dossier_status, supplement_request) created in the range whose final state means
 * Zalo did not carry them to the resident; scoped by the dossier's commune.
 */
function unreachableWhere(scope: DashboardScope, range: InstantRange): SQL | undefined {
  return and(
    inScope(scope),
    inArray(deliveries.kind, ["dossier_status", "supplement_request"]),
    inArray(deliveries.status, [...UNREACHABLE_OUTCOMES]),
    gte(deliveries.createdAt, range.start),
    lt(deliveries.createdAt, range.end),
  );
}

export async function unreachableCounts(db: Database, scope: DashboardScope, range: InstantRange) {
  return db
    .select({ outcome: deliveries.status, count: count() })
    .from(deliveries)
    .innerJoin(dossiers, eq(dossiers.code, deliveries.dossierCode))
    .where(unreachableWhere(scope, range))
    .groupBy(deliveries.status);
}

export interface UnreachableRow {
  dossierCode: string;
  communeCode: string;
  procedureCode: string;
  status: string | null;
  outcome: string;
  createdAt: Date;
}

/** The messages themselves, newest first: the dossier to follow up, never the text or the recipient. */
export async function unreachableRows(
  db: Database,
  scope: DashboardScope,
  range: InstantRange,
  limit: number,
): Promise<UnreachableRow[]> {
  return db
    .select({
      dossierCode: dossiers.code,
      communeCode: dossiers.communeCode,
      procedureCode: dossiers.procedureCode,
      status: sql<string | null>`${deliveries.payload} ->> 'status'`,
      outcome: deliveries.status,
      createdAt: deliveries.createdAt,
    })
    .from(deliveries)
    .innerJoin(dossiers, eq(dossiers.code, deliveries.dossierCode))
    .where(unreachableWhere(scope, range))
    .orderBy(desc(deliveries.createdAt), desc(deliveries.id))
    .limit(limit);
}

/** Each procedure's title, from its newest version (a small table). */
export async function procedureTitles(db: Database): Promise<Map<string, string>> {
  const rows = await db
    .selectDistinctOn([procedureVersions.code], {
      code: procedureVersions.code,
      title: sql<string>`${procedureVersions.definition} ->> 'title'`,
    })
    .from(procedureVersions)
    .orderBy(asc(procedureVersions.code), desc(procedureVersions.version));
  return new Map(rows.map((row) => [row.code, row.title]));
}

/** Whether a commune exists (an admin's chosen commune). */
export async function communeExists(db: Database, code: string): Promise<boolean> {
  const rows = await db
    .select({ code: communes.code })
    .from(communes)
    .where(eq(communes.code, code))
    .limit(1);
  return rows.length > 0;
}
