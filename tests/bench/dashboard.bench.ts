import { tmpdir } from "node:os";
import type { DashboardResponse } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { type Database, type DatabaseHandle, openDatabase } from "../../bot-server/src/db/client";
import { prepareDatabase } from "../../bot-server/src/db/prepare";
import { createLogger } from "../../bot-server/src/lib/logger";
import {
  type DashboardScope,
  type DateRange,
  dashboardFigures,
} from "../../bot-server/src/modules/dashboard";
import type { LatencyRow } from "./catalog-search.bench";
import { installBaseline, plansOf, readsBaseline, type Statement, statementsOf } from "./dashboard-baseline";
import { type DashboardSeed, SEED_PROVINCE, seedDashboardData } from "./dashboard-bulk-seed";
import { durableStore } from "./webhook-ingest.bench";

/**
 * The leaders' dashboard (dashboardFigures in bot-server/src/modules/dashboard, as the route calls it:
 * its seven statements at once on the pool) for one calendar month, for the province and for one
 * commune, over 1,000,000 dossiers of Hà Nội's 126 communes filed over two years. Measured with the
 * dashboard's indexes and its resolved_at / resolved_working_days columns, then in the same run on the
 * same rows without them (dashboard-baseline.ts) — issue 14.
 */

/** BENCH_DASHBOARD_DOSSIERS makes a smaller trial run; the row prints the count actually seeded. */
const DOSSIERS = Number(process.env.BENCH_DASHBOARD_DOSSIERS ?? 1_000_000);
const COMMUNES = 126;
const WARM_UP = 2;
const RUNS = 25;
/** The baseline takes seconds a call; fewer runs (and one warm-up) keep the row near five minutes. */
const BASELINE_WARM_UP = 1;
const BASELINE_RUNS = 7;

export interface DashboardRow extends LatencyRow {
  /** One line per statement of dashboardFigures: the plan and time with the indexes; the plan without. */
  plans: string[];
  baselinePlans: string[];
  /** Whether the baseline gave the same figures (it must: it is the same query). */
  sameFigures: boolean;
}

export type DashboardBench =
  | { skipped: string }
  | {
      store: string;
      seed: DashboardSeed;
      month: DateRange;
      province: DashboardResponse["summary"];
      runs: number;
      baselineRuns: number;
      rows: DashboardRow[];
    };

interface Shape {
  name: string;
  /** The scope of the i-th call: the province, or a commune drawn the same way in both runs. */
  scope: (i: number) => DashboardScope;
}

interface Timing {
  p50Us: number;
  p95Us: number;
  plans: string[];
  first: DashboardResponse;
}

export async function benchDashboard(): Promise<DashboardBench> {
  const store = await durableStore();
  if (!store.url) {
    await store.stop();
    return { skipped: `the dashboard row needs PostgreSQL: ${store.label}` };
  }
  const url = store.url;
  const logger = createLogger("error");
  const open = () => openDatabase({ driver: "pg", url, dataDir: tmpdir(), logger });
  let handle: DatabaseHandle = await open();
  try {
    await prepareDatabase(handle, logger);
    const seed = await seedDashboardData(handle.db, { dossiers: DOSSIERS, communes: COMMUNES });
    // As autovacuum would before long in production; not in the middle of the timed calls.
    await handle.db.execute(sql`vacuum analyze dossiers, dossier_events, deliveries`);
    await handle.db.execute(sql`checkpoint`);
    const communes = await communeCodes(handle.db);
    const now = new Date();
    const month = previousMonth(now);
    const shapes: Shape[] = [
      { name: "province", scope: () => ({ communeCode: null }) },
      { name: "one commune", scope: (i) => ({ communeCode: communes[(i * 37) % communes.length] ?? "" }) },
    ];
    // The statements of each shape's first call, EXPLAINed again, unchanged, in the baseline's state.
    const statements: Statement[][] = [];
    const indexed: Timing[] = [];
    for (const shape of shapes) {
      const timing = await timeShape(handle.db, shape, { month, now, runs: RUNS, warmUp: WARM_UP });
      const captured = await statementsOf(url, (db) => dashboardFigures(db, shape.scope(0), month, now));
      statements.push(captured);
      indexed.push({ ...timing, plans: await plansOf(url, captured, true) });
    }

    await installBaseline(handle.db);
    await handle.close();
    handle = await open();
    if (!(await readsBaseline(handle.db))) throw new Error("the baseline's view is not on the search_path");
    const baseline: Timing[] = [];
    for (const [i, shape] of shapes.entries()) {
      const timing = await timeShape(handle.db, shape, {
        month,
        now,
        runs: BASELINE_RUNS,
        warmUp: BASELINE_WARM_UP,
      });
      baseline.push({ ...timing, plans: await plansOf(url, statements[i] ?? [], false) });
    }

    const rows = shapes.map((shape, i): DashboardRow => {
      const withIndexes = indexed[i];
      const without = baseline[i];
      if (!withIndexes || !without) throw new Error("a shape was not measured");
      return {
        name: `dashboard, ${shape.name}, one month, ${seed.dossiers.toLocaleString("en-US")} dossiers / ${COMMUNES} communes`,
        p50Us: withIndexes.p50Us,
        p95Us: withIndexes.p95Us,
        baselineName: "the same SQL without the 0018 indexes, resolution read from dossier_events",
        baselineP50Us: without.p50Us,
        baselineP95Us: without.p95Us,
        plans: withIndexes.plans,
        baselinePlans: without.plans,
        sameFigures: sameFigures(withIndexes.first, without.first),
      };
    });
    const province = indexed[0]?.first.summary;
    if (!province) throw new Error("the province was not measured");
    return {
      store: store.label,
      seed,
      month,
      province,
      runs: RUNS,
      baselineRuns: BASELINE_RUNS,
      rows,
    };
  } finally {
    await handle.close();
    await store.stop();
  }
}

/** The communes the seed spread dossiers over. */
async function communeCodes(db: Database): Promise<string[]> {
  const result = (await db.execute(
    sql`select code from communes where province_code = ${SEED_PROVINCE} order by code limit ${COMMUNES}`,
  )) as unknown as { rows: { code: string }[] };
  return result.rows.map((row) => row.code);
}

/** The last whole calendar month in Vietnam (UTC+7, no daylight saving) before `now`. */
export function previousMonth(now: Date): DateRange {
  const vn = new Date(now.getTime() + 7 * 3_600_000);
  const firstOfThis = Date.UTC(vn.getUTCFullYear(), vn.getUTCMonth(), 1);
  const lastOfPrevious = new Date(firstOfThis - 86_400_000);
  const to = lastOfPrevious.toISOString().slice(0, 10);
  return { from: `${to.slice(0, 8)}01`, to };
}

/** Warm-up, then `runs` timed calls, one after another (each call's statements run at once). */
async function timeShape(
  db: Database,
  shape: Shape,
  { month, now, runs, warmUp }: { month: DateRange; now: Date; runs: number; warmUp: number },
): Promise<Omit<Timing, "plans">> {
  for (let i = 0; i < warmUp; i++) await dashboardFigures(db, shape.scope(runs + i), month, now);
  const samples: number[] = [];
  let first: DashboardResponse | undefined;
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const figures = await dashboardFigures(db, shape.scope(i), month, now);
    samples.push(Number(process.hrtime.bigint() - started) / 1_000);
    first ??= figures;
    // An empty month would time nothing: the seed spreads dossiers over every month of two years.
    if (figures.summary.received === 0 || figures.summary.resolved === 0) {
      throw new Error(`${shape.name}: nothing received or resolved in ${month.from}…${month.to}`);
    }
  }
  if (!first) throw new Error(`${shape.name}: no run`);
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50Us: at(0.5), p95Us: at(0.95), first };
}

/** The counts must match exactly; the mean of working days to rounding (computed, not stored, there). */
function sameFigures(a: DashboardResponse, b: DashboardResponse): boolean {
  const { averageWorkingDays: x, ...restA } = a.summary;
  const { averageWorkingDays: y, ...restB } = b.summary;
  const close = x === null || y === null ? x === y : Math.abs(x - y) < 0.01;
  return close && JSON.stringify(restA) === JSON.stringify(restB);
}
