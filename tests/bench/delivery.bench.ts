import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../../bot-server/src/db/client";
import { prepareDatabase } from "../../bot-server/src/db/prepare";
import { createLogger } from "../../bot-server/src/lib/logger";
import {
  anyOpenDelivery,
  bareSendsPerSecond,
  enqueueReplies,
  standbyWorkerProcess,
  type WorkerProcessOptions,
} from "../support/delivery-workers";
import { type FakeZaloProvider, startFakeZaloProvider } from "../support/fake-zalo-provider";
import { durableStore } from "./webhook-ingest.bench";

/**
 * The delivery engine (bot-server/src/modules/delivery) in worker processes (tests/support/
 * delivery-worker-process.ts) on a durable PostgreSQL, sending to a fake Zalo over HTTP
 * (tests/support/fake-zalo-provider.ts) that answers after 20 ms:
 * (a) throughput: 10,000 chat replies against the ideal, in-flight slots ÷ latency, and against the same
 *     calls made through the same HTTP port without the engine (measured in this run);
 * (b) the shared send budget at Zalo's 4,000 calls per minute: the rate two processes achieve together
 *     as a share of the limit, over 40 s.
 */

const LATENCY_MS = 20;
/** The server's delivery worker: one loop, 16 in flight (DELIVERY_CONCURRENCY in bot-server/src/server.ts). */
const SERVER_CONCURRENCY = 16;
const THROUGHPUT_MESSAGES = 10_000;
const BARE_CALLS = 4_000;
const BUDGET_PER_MINUTE = 4_000;
const BUDGET_WINDOW_SECONDS = 40;
/** More than the window can send (40 s × 66.7/s = 2,667), so the budget, not the queue, sets the pace. */
const BUDGET_MESSAGES = 3_200;

export const DELIVERY_TARGET = { ofIdeal: 0.8, budgetShareMin: 0.95, budgetShareMax: 1 } as const;

export interface ThroughputRow {
  name: string;
  messages: number;
  sent: number;
  perSecond: number;
  /** In-flight slots ÷ latency: what the run would do if the engine cost nothing. */
  idealPerSecond: number;
  baselineName: string;
  /** The same calls through the same port at the same concurrency, without the engine. */
  baselinePerSecond: number;
  /** The worker process's CPU time (all threads) per message. */
  workerCpuUsPerMessage: number;
}

export interface BudgetRow {
  name: string;
  limitPerSecond: number;
  windowSeconds: number;
  calls: number;
  share: number;
  /** The busiest 10 s of the window as a share of the limit (the bucket allows a 0.25 s burst). */
  peak10sShare: number;
  /** send_buckets updates (one per take, granted or not) per call made: what waiting costs the database. */
  takesPerSend: number;
}

export type DeliveryBench =
  | { skipped: string }
  | { store: string; throughput: ThroughputRow; budget: BudgetRow };

/** utime + stime of a process from /proc (Linux), in seconds; NaN elsewhere or once it exited. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  const result = (await db.execute(query)) as unknown as { rows: { n: number | string }[] };
  return Number(result.rows[0]?.n ?? Number.NaN);
}

/**
 * After a bulk enqueue, autovacuum analyzes the new rows and the checkpointer writes them out, both in
 * the first seconds of the run (measured: the first 2,000 sends took twice as long as the rest). Done
 * before the clock starts, as the baseline ran on a quiet database.
 */
async function settleDatabase(db: Database): Promise<void> {
  await db.execute(sql`vacuum analyze deliveries, residents`);
  await db.execute(sql`checkpoint`);
}

export async function benchDelivery(): Promise<DeliveryBench> {
  const store = await durableStore();
  if (!store.url) {
    await store.stop();
    return {
      skipped: `the delivery rows need PostgreSQL (several processes on one database): ${store.label}`,
    };
  }
  const logger = createLogger("error");
  const handle = await openDatabase({ driver: "pg", url: store.url, dataDir: tmpdir(), logger });
  let provider: FakeZaloProvider | undefined;
  try {
    await prepareDatabase(handle, logger);
    provider = await startFakeZaloProvider({ latencyMs: LATENCY_MS });
    const base = { databaseUrl: store.url, zaloUrl: provider.url };
    const throughput = await throughputRow(handle.db, base);
    const budget = await budgetRow(handle.db, provider, base);
    return { store: store.label, throughput, budget };
  } finally {
    await provider?.close();
    await handle.close();
    await store.stop();
  }
}

async function throughputRow(
  db: Database,
  base: Pick<WorkerProcessOptions, "databaseUrl" | "zaloUrl">,
): Promise<ThroughputRow> {
  const options = { ...base, workers: 1, concurrency: SERVER_CONCURRENCY };
  // The baseline first, while nothing else runs: the same process, port, provider and concurrency.
  const baselinePerSecond = await bareSendsPerSecond({ ...options, name: "bare" }, BARE_CALLS);
  await enqueueReplies(db, THROUGHPUT_MESSAGES);
  await settleDatabase(db);
  // Loaded before the clock starts: module loading is not delivery.
  const spare = await standbyWorkerProcess({ ...options, name: "throughput" });
  const cpuBefore = cpuSeconds(spare.process.pid);
  const started = performance.now();
  const worker = await spare.go();
  // The cheapest question that ends the run: the poll competes with the engine for the database.
  while (await anyOpenDelivery(db)) await sleep(50);
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(worker.pid) - cpuBefore;
  await worker.stop();
  const sent = await count(db, sql`select count(*)::int as n from deliveries where status = 'sent'`);
  return {
    name: `${THROUGHPUT_MESSAGES.toLocaleString("en-US")} chat replies, 1 worker × ${SERVER_CONCURRENCY} in flight, Zalo ${LATENCY_MS} ms`,
    messages: THROUGHPUT_MESSAGES,
    sent,
    perSecond: THROUGHPUT_MESSAGES / seconds,
    idealPerSecond: SERVER_CONCURRENCY / (LATENCY_MS / 1000),
    baselineName: "the same calls through the same HTTP port, no engine",
    baselinePerSecond,
    workerCpuUsPerMessage: (cpu * 1e6) / THROUGHPUT_MESSAGES,
  };
}

async function budgetRow(
  db: Database,
  provider: FakeZaloProvider,
  base: Pick<WorkerProcessOptions, "databaseUrl" | "zaloUrl">,
): Promise<BudgetRow> {
  await enqueueReplies(db, BUDGET_MESSAGES);
  const updates = () =>
    count(db, sql`select n_tup_upd as n from pg_stat_user_tables where relname = 'send_buckets'`);
  const updatesBefore = await updates();
  const options = {
    ...base,
    workers: 1,
    concurrency: SERVER_CONCURRENCY,
    perMinute: BUDGET_PER_MINUTE,
    budget: "bench-4000",
  };
  const names = ["budget-A", "budget-B"];
  const spares = await Promise.all(names.map((name) => standbyWorkerProcess({ ...options, name })));
  const workers = await Promise.all(spares.map((spare) => spare.go()));
  const ours = () => provider.calls.filter((call) => names.includes(call.process));
  while (ours().length === 0) await sleep(20);
  const from = ours()[0]?.at ?? Date.now();
  const to = from + BUDGET_WINDOW_SECONDS * 1000;
  while (Date.now() < to + 200) await sleep(100);
  await Promise.all(workers.map((worker) => worker.stop()));
  // A closing backend flushes its statistics: read after the workers are gone.
  await sleep(1_000);
  const takes = (await updates()) - updatesBefore;

  const calls = ours();
  const inWindow = calls.filter((call) => call.at >= from && call.at < to);
  const limitPerSecond = BUDGET_PER_MINUTE / 60;
  let peak = 0;
  for (const [index, call] of inWindow.entries()) {
    let end = index;
    while (end < inWindow.length && (inWindow[end]?.at ?? Number.POSITIVE_INFINITY) < call.at + 10_000) end++;
    if (call.at + 10_000 <= to) peak = Math.max(peak, end - index);
  }
  return {
    name: `2 processes × ${SERVER_CONCURRENCY} in flight sharing the ${BUDGET_PER_MINUTE.toLocaleString("en-US")}/min budget, ${BUDGET_WINDOW_SECONDS} s`,
    limitPerSecond,
    windowSeconds: BUDGET_WINDOW_SECONDS,
    calls: inWindow.length,
    share: inWindow.length / (BUDGET_WINDOW_SECONDS * limitPerSecond),
    peak10sShare: peak / (10 * limitPerSecond),
    takesPerSend: takes / Math.max(calls.length, 1),
  };
}
