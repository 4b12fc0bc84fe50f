import { tmpdir } from "node:os";
import type { DossierStatus } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import pg from "pg";
import { type Database, openDatabase } from "../../bot-server/src/db/client";
import { prepareDatabase } from "../../bot-server/src/db/prepare";
import * as schema from "../../bot-server/src/db/schema";
import { createLogger } from "../../bot-server/src/lib/logger";
import { listInbox } from "../../bot-server/src/modules/officer-desk/inbox-repo";
import type { LatencyRow } from "./catalog-search.bench";
import { durableStore } from "./webhook-ingest.bench";

/**
 * The officer inbox (listInbox in bot-server/src/modules/officer-desk/inbox-repo.ts, through drizzle, as
 * the route calls it) on 1,000,000 dossiers over Hà Nội's 126 communes: the first page of 50, (a) of one
 * status and (b) of every open dossier, for random communes. Measured with the indexes of
 * drizzle/0014_officer_workspace.sql, then again on the same database after dropping them (issue 11).
 */

const DOSSIERS = 1_000_000;
const COMMUNES = 126;
const PAGE = 50;
const WARM_UP = 20;
const QUERIES = 200;
const INBOX_INDEXES = ["dossiers_commune_status_due_idx", "dossiers_commune_open_due_idx"] as const;

export const INBOX_TARGET = { p95Ms: 20 } as const;

export interface InboxRow extends LatencyRow {
  /** EXPLAIN of listInbox's own SQL for one commune, with and without the indexes (nodes, index names). */
  plan: string;
  baselinePlan: string;
  /** The index inbox-repo.ts says serves this shape; run.ts warns when the plan does not use it. */
  intendedIndex: string;
}

export type InboxBench =
  | { skipped: string }
  | { store: string; seedSeconds: number; openDossiers: number; rows: InboxRow[] };

interface Timing {
  p50: number;
  p95: number;
  plan: string;
}

interface Shape {
  name: string;
  status: DossierStatus | undefined;
  index: (typeof INBOX_INDEXES)[number];
}

const SHAPES: Shape[] = [
  { name: "one status (submitted)", status: "submitted", index: "dossiers_commune_status_due_idx" },
  { name: "every open status", status: undefined, index: "dossiers_commune_open_due_idx" },
];

export async function benchOfficerInbox(): Promise<InboxBench> {
  const store = await durableStore();
  if (!store.url) {
    await store.stop();
    // PGlite would take minutes to seed a million rows and says nothing about the production planner.
    return { skipped: `the inbox rows need PostgreSQL: ${store.label}` };
  }
  const logger = createLogger("error");
  const handle = await openDatabase({ driver: "pg", url: store.url, dataDir: tmpdir(), logger });
  try {
    await prepareDatabase(handle, logger);
    const db = handle.db;
    const communes = await communeCodes(db);
    const started = performance.now();
    await seedDossiers(db);
    const seedSeconds = (performance.now() - started) / 1000;
    // Autovacuum would otherwise analyze the million new rows in the middle of the timed queries. Only
    // dossiers, as autovacuum would in production: procedure_versions (30 rows, under autovacuum's
    // 50-row threshold) keeps whatever statistics prepareDatabase leaves it, which shape the join plan.
    await db.execute(sql`vacuum analyze dossiers`);
    await db.execute(sql`checkpoint`);
    const open = (await db.execute(
      sql`select count(*)::int as n from dossiers where status not in ('refused', 'withdrawn', 'stopped', 'returned')`,
    )) as unknown as { rows: { n: number }[] };
    const openDossiers = Number(open.rows[0]?.n);

    const url = store.url;
    const measure = async (shape: Shape) => ({
      ...(await timeShape(db, shape, communes)),
      plan: await planOf(url, shape, communes[0] ?? ""),
    });
    const indexed: Timing[] = [];
    for (const shape of SHAPES) indexed.push(await measure(shape));
    // The baseline: the same database and queries with only the indexes the inbox had before 0014.
    for (const name of INBOX_INDEXES) await db.execute(sql.raw(`drop index ${name}`));
    await db.execute(sql`analyze dossiers`);
    const baseline: Timing[] = [];
    for (const shape of SHAPES) baseline.push(await measure(shape));

    const rows = SHAPES.map((shape, i): InboxRow => {
      const withIndexes = indexed[i];
      const without = baseline[i];
      if (!withIndexes || !without) throw new Error("a shape was not measured");
      return {
        name: `officer inbox, ${shape.name}, first ${PAGE}, ${DOSSIERS.toLocaleString("en-US")} dossiers / ${COMMUNES} communes`,
        p50Us: withIndexes.p50,
        p95Us: withIndexes.p95,
        baselineName: "the same query without the 0014 inbox indexes",
        baselineP50Us: without.p50,
        baselineP95Us: without.p95,
        plan: withIndexes.plan,
        baselinePlan: without.plan,
        intendedIndex: shape.index,
      };
    });
    return { store: store.label, seedSeconds, openDossiers, rows };
  } finally {
    await handle.close();
    await store.stop();
  }
}

/** Hà Nội's communes (province 01, 126 of them): one city's officers, as in the issue. */
async function communeCodes(db: Database): Promise<string[]> {
  const result = (await db.execute(
    sql`select code from communes where province_code = '01' order by code limit ${COMMUNES}`,
  )) as unknown as { rows: { code: string }[] };
  const codes = result.rows.map((row) => row.code);
  if (codes.length !== COMMUNES)
    throw new Error(`expected ${COMMUNES} communes in province 01, got ${codes.length}`);
  return codes;
}

/**
 * One INSERT … SELECT over generate_series (seconds, where a million inserts from Node would take minutes),
 * with the indexes in place so they are built row by row as in production. Hashes of the row number, not
 * random(), make every run seed the same rows. The mix: about 93 % terminal (mostly `returned`) spread
 * over three years, 6.8 % open, all submitted in the last 30 days; due 2–15 days after submission, so open
 * dossiers are both overdue and due ahead. Codes follow the app's shape (`00070-K7M4-RX26`); the
 * multiplier is odd, so the 32-bit hex part is a bijection of the row number and codes never collide.
 */
async function seedDossiers(db: Database): Promise<void> {
  await db.execute(sql`
    with c as (
      select array_agg(code order by code) as codes
      from (select code from communes where province_code = '01' order by code limit ${COMMUNES}) picked
    ), p as (
      select array_agg(code order by code, version) as codes, array_agg(version order by code, version) as versions
      from procedure_versions
    )
    insert into dossiers (code, draft_id, procedure_code, procedure_version, commune_code, status,
      answers_sealed, submitted_at, due_at, idempotency_key, request_hash)
    select c.codes[k.commune] || '-' || substr(k.hex, 1, 4) || '-' || substr(k.hex, 5, 4),
      md5(g::text)::uuid, p.codes[k.procedure], p.versions[k.procedure], c.codes[k.commune], s.status,
      'bench', s.submitted_at, s.submitted_at + (2 + k.h % 14) * interval '1 day', 'bench-' || g, 'bench'
    from generate_series(1, ${DOSSIERS}::int) g
    cross join c
    cross join p
    cross join lateral (
      select 1 + g % cardinality(c.codes) as commune,
        1 + (hashint4(g) & 2147483647) % cardinality(p.codes) as procedure,
        upper(lpad(to_hex((g::bigint * 2654435761) % 4294967296), 8, '0')) as hex,
        (hashint4(g + 1) & 2147483647) % 1000 as r,
        hashint4(g + 2) & 2147483647 as h
    ) k
    cross join lateral (
      select case
          when k.r < 15 then 'submitted' when k.r < 25 then 'received' when k.r < 50 then 'processing'
          when k.r < 58 then 'supplement_requested' when k.r < 66 then 'result_ready'
          when k.r < 68 then 'payment_requested' when k.r < 88 then 'refused' when k.r < 98 then 'withdrawn'
          when k.r < 103 then 'stopped' else 'returned'
        end as status,
        now() - (k.h % (case when k.r < 68 then 30 else 3 * 365 end * 86400)) * interval '1 second' as submitted_at
    ) s
  `);
}

/** Warm-up, then QUERIES timed calls of listInbox for communes drawn by a seeded generator (the same
 *  communes in every run and for both index states, so the two measurements see the same pages). */
async function timeShape(
  db: Database,
  shape: Shape,
  communes: string[],
): Promise<{ p50: number; p95: number }> {
  let seed = 11;
  const nextCommune = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return communes[seed % communes.length] ?? "";
  };
  const now = new Date();
  const run = (communeCode: string) => listInbox(db, { communeCode, status: shape.status, now, limit: PAGE });
  for (let i = 0; i < WARM_UP; i++) await run(nextCommune());
  const samples: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const communeCode = nextCommune();
    const started = process.hrtime.bigint();
    const page = await run(communeCode);
    samples.push(Number(process.hrtime.bigint() - started) / 1_000);
    // A short page would time less work than an officer's inbox does.
    if (page.length !== PAGE) throw new Error(`${shape.name}: ${communeCode} gave ${page.length} rows`);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Parallel Aware"?: boolean;
  Plans?: PlanNode[];
}

/**
 * The plan PostgreSQL picks for listInbox's own SQL, not a copy of it: a drizzle with a query logger on
 * one connection captures the statement and its parameters, which are then EXPLAINed on that connection.
 */
async function planOf(url: string, shape: Shape, communeCode: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const queries: { query: string; params: unknown[] }[] = [];
    const logger = {
      logQuery: (query: string, params: unknown[]) => {
        queries.push({ query, params });
      },
    };
    const logged = drizzle(client, { schema, casing: "snake_case", logger }) as unknown as Database;
    await listInbox(logged, { communeCode, status: shape.status, now: new Date(), limit: PAGE });
    const captured = queries.at(-1);
    if (!captured) throw new Error("listInbox ran no query");
    const result = await client.query<{ "QUERY PLAN": { Plan: PlanNode }[] }>(
      `explain (format json, costs off) ${captured.query}`,
      captured.params,
    );
    const root = result.rows[0]?.["QUERY PLAN"][0]?.Plan;
    return root ? describePlan(root) : "no plan";
  } finally {
    await client.end();
  }
}

/** "Limit (Nested Loop (Index Scan dossiers_…_idx, …))": node types, with the index each scan uses. */
function describePlan(node: PlanNode): string {
  const type = `${node["Parallel Aware"] ? "Parallel " : ""}${node["Node Type"]}`;
  const self = node["Index Name"] ? `${type} ${node["Index Name"]}` : type;
  const children = (node.Plans ?? []).map(describePlan);
  return children.length > 0 ? `${self} (${children.join(", ")})` : self;
}
