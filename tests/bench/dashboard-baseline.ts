import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import type { Database } from "../../bot-server/src/db/client";
import * as schema from "../../bot-server/src/db/schema";

/**
 * The dashboard row's baseline: the same SQL (modules/dashboard/repo.ts, unchanged) on a database without
 * what issue 14 added for it. The four dashboard indexes of drizzle/0018 are dropped, and `dossiers` is
 * shadowed by a view in the schema `baseline`, first on the search_path, whose resolved_at and
 * resolved_working_days are computed from the timeline instead of read from the columns written with
 * each move (the pre-aggregation). Every other table, and every other index, is the same one.
 */

export const DASHBOARD_INDEXES = [
  "dossiers_commune_submitted_idx",
  "dossiers_submitted_idx",
  "dossiers_commune_resolved_idx",
  "dossiers_resolved_idx",
  "deliveries_unreachable_idx",
] as const;

/**
 * resolved_at as the dashboard defines it (shared/src/dashboard/indicators.ts, resolution-backfill.ts):
 * the first move to result_ready, else the first move to returned. Working days as the bench's seed
 * wrote them (5/7 of the elapsed days, seedDashboardData), so both runs must give the same figures;
 * the real count needs the holiday calendar, which SQL does not have, so this is cheaper than the truth.
 * Columns not named below are listed from the table, so a column added later still passes through.
 */
export async function installBaseline(db: Database): Promise<void> {
  for (const name of DASHBOARD_INDEXES) await db.execute(sql.raw(`drop index ${name}`));
  const columns = (await db.execute(sql`
    select column_name as name from information_schema.columns
    where table_schema = 'public' and table_name = 'dossiers'
      and column_name not in ('resolved_at', 'resolved_working_days')
    order by ordinal_position
  `)) as unknown as { rows: { name: string }[] };
  const passed = columns.rows.map((column) => `d."${column.name}"`).join(", ");
  await db.execute(sql`create schema baseline`);
  await db.execute(
    sql.raw(`
    create view baseline.dossiers as
    select ${passed}, r.resolved_at,
      round(extract(epoch from r.resolved_at - d.submitted_at)::float8 / 1209.6) / 100 as resolved_working_days
    from public.dossiers d
    left join (
      select dossier_code,
        coalesce(min(at) filter (where status = 'result_ready'), min(at) filter (where status = 'returned'))
          as resolved_at
      from public.dossier_events
      where status in ('result_ready', 'returned')
      group by dossier_code
    ) r on r.dossier_code = d.code
  `),
  );
  // New connections of this database resolve `dossiers` to the view; the caller opens a fresh pool.
  await db.execute(sql`analyze dossiers`);
  const name = (await db.execute(sql`select current_database() as name`)) as unknown as {
    rows: { name: string }[];
  };
  await db.execute(sql.raw(`alter database "${name.rows[0]?.name}" set search_path = baseline, public`));
}

/** Whether this connection's `dossiers` is the baseline's view (the search_path took effect). */
export async function readsBaseline(db: Database): Promise<boolean> {
  const result = (await db.execute(sql`
    select n.nspname = 'baseline' as shadowed
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.oid = to_regclass('dossiers')
  `)) as unknown as { rows: { shadowed: boolean }[] };
  return result.rows[0]?.shadowed === true;
}

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  "Parallel Aware"?: boolean;
  Plans?: PlanNode[];
}

export interface Statement {
  query: string;
  params: unknown[];
}

/**
 * The dashboard's own statements, not copies: a drizzle with a query logger captures each statement and
 * its parameters as `run` issues them (on a pool: dashboardFigures issues them at once).
 */
export async function statementsOf(
  url: string,
  run: (db: Database) => Promise<unknown>,
): Promise<Statement[]> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  try {
    const statements: Statement[] = [];
    const logger = { logQuery: (query: string, params: unknown[]) => statements.push({ query, params }) };
    await run(drizzle(pool, { schema, casing: "snake_case", logger }) as unknown as Database);
    return statements;
  } finally {
    await pool.end();
  }
}

/**
 * The plan PostgreSQL picks for each statement on a new connection (which sees the database's
 * search_path of the time), with its execution time when `analyze` (the baseline's would cost another
 * full call, so it is only planned).
 */
export async function plansOf(url: string, statements: Statement[], analyze: boolean): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const plans: string[] = [];
    for (const { query, params } of statements) {
      const options = analyze ? "analyze, timing off, format json" : "costs off, format json";
      const result = await client.query<{ "QUERY PLAN": { Plan: PlanNode; "Execution Time"?: number }[] }>(
        `explain (${options}) ${query}`,
        params,
      );
      const explained = result.rows[0]?.["QUERY PLAN"][0];
      const ms = explained?.["Execution Time"];
      const plan = explained ? describePlan(explained.Plan) : "no plan";
      plans.push(ms === undefined ? plan : `${ms.toFixed(1)} ms: ${plan}`);
    }
    return plans;
  } finally {
    await client.end();
  }
}

/** "Sort (Hash Join (Seq Scan deliveries, …))": node types, with the index or table each scan reads. */
function describePlan(node: PlanNode): string {
  const type = `${node["Parallel Aware"] ? "Parallel " : ""}${node["Node Type"]}`;
  const target = node["Index Name"] ?? node["Relation Name"];
  const self = target ? `${type} ${target}` : type;
  const children = (node.Plans ?? []).map(describePlan);
  return children.length > 0 ? `${self} (${children.join(", ")})` : self;
}
