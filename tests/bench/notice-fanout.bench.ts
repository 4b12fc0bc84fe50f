import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { sql } from "drizzle-orm";
import { type Database, openDatabase } from "../../bot-server/src/db/client";
import { prepareDatabase } from "../../bot-server/src/db/prepare";
import { createLogger } from "../../bot-server/src/lib/logger";
import { bareSendsPerSecond, standbyWorkerProcess } from "../support/delivery-workers";
import { type FakeZaloProvider, startFakeZaloProvider } from "../support/fake-zalo-provider";
import { NOTICE_WORKER_SCRIPT, seedApprovedNotice, seedNoticeAudience } from "../support/notice-audience";
import { durableStore } from "./webhook-ingest.bench";

/**
 * Issue 13's row: one approved notice to 10,000 followers of a commune, from the moment the process
 * starts (the dispatcher claims it, uploads nothing — no image —, enqueues a row per follower in batches
 * of 1,000) until the notice is `sent`, with the delivery worker sending as the server runs it (1 loop,
 * 16 in flight) to the delivery rows' fake Zalo (20 ms a call, over HTTP). Measured against the same
 * yardsticks as the delivery throughput row (delivery.bench.ts): the ideal, in-flight slots ÷ latency,
 * and the same calls through the same HTTP port without the engine, measured in this run.
 */

const LATENCY_MS = 20;
/** The server's delivery worker: one loop, 16 in flight (DELIVERY_CONCURRENCY in bot-server/src/server.ts). */
const SERVER_CONCURRENCY = 16;
const FOLLOWERS = 10_000;
const BARE_CALLS = 4_000;

export const NOTICE_FANOUT_TARGET = { ofIdeal: 0.7 } as const;

export interface NoticeFanoutRow {
  name: string;
  messages: number;
  sent: number;
  perSecond: number;
  idealPerSecond: number;
  baselineName: string;
  baselinePerSecond: number;
  /** From the start to the last batch of follower rows (its transaction's start, deliveries.created_at). */
  enqueueSeconds: number;
  workerCpuUsPerMessage: number;
}

export type NoticeFanoutBench = { skipped: string } | ({ store: string } & NoticeFanoutRow);

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

async function one<T>(db: Database, query: ReturnType<typeof sql>): Promise<T | undefined> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows[0];
}

export async function benchNoticeFanout(): Promise<NoticeFanoutBench> {
  const store = await durableStore();
  if (!store.url) {
    await store.stop();
    return {
      skipped: `the notice fan-out row needs PostgreSQL (several processes on one database): ${store.label}`,
    };
  }
  const logger = createLogger("error");
  const handle = await openDatabase({ driver: "pg", url: store.url, dataDir: tmpdir(), logger });
  let provider: FakeZaloProvider | undefined;
  try {
    await prepareDatabase(handle, logger);
    provider = await startFakeZaloProvider({ latencyMs: LATENCY_MS });
    const row = await fanoutRow(handle.db, { databaseUrl: store.url, zaloUrl: provider.url });
    return { store: store.label, ...row };
  } finally {
    await provider?.close();
    await handle.close();
    await store.stop();
  }
}

async function fanoutRow(
  db: Database,
  base: { databaseUrl: string; zaloUrl: string },
): Promise<NoticeFanoutRow> {
  const options = { ...base, workers: 1, concurrency: SERVER_CONCURRENCY };
  // The baseline first, while nothing else runs: the same process kind, port, provider and concurrency.
  const baselinePerSecond = await bareSendsPerSecond({ ...options, name: "bare" }, BARE_CALLS);
  const audience = await seedNoticeAudience(db, { communeCode: "00070", followers: FOLLOWERS, groups: 0 });
  const noticeId = await seedApprovedNotice(db, audience);
  // As delivery.bench.ts: the bulk insert's analyze and checkpoint happen before the clock, not in it.
  await db.execute(sql`vacuum analyze residents, notice_subscriptions, notices, deliveries`);
  await db.execute(sql`checkpoint`);
  // Loaded before the clock starts: module loading is not fan-out.
  const spare = await standbyWorkerProcess({
    ...options,
    name: "notice-fanout",
    script: NOTICE_WORKER_SCRIPT,
  });
  const cpuBefore = cpuSeconds(spare.process.pid);
  const started = performance.now();
  const startedAt = Date.now();
  const worker = await spare.go();
  const status = () => one<{ status: string }>(db, sql`select status from notices where id = ${noticeId}`);
  // The cheapest question that ends the run: the notice turns `sent` when its last row is final.
  // The limit only stops a broken run from hanging the bench.
  const limit = Date.now() + 600_000;
  for (let row = await status(); row?.status !== "sent"; row = await status()) {
    if (Date.now() > limit) throw new Error(`notice still ${row?.status} after 10 minutes`);
    await sleep(50);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSeconds(worker.pid) - cpuBefore;
  await worker.stop();
  const sent = await one<{ n: number }>(
    db,
    sql`select count(*)::int as n from deliveries where notice_id = ${noticeId} and status = 'sent'`,
  );
  // The dispatcher's steps share their round's clock (notices.started_at = enqueued_at): the rows' own
  // commit-time stamps say when the last batch went in. Same machine, same clock as Date.now().
  const lastBatch = await one<{ ms: number }>(
    db,
    sql`select extract(epoch from max(created_at))::float8 * 1000 as ms from deliveries where notice_id = ${noticeId}`,
  );
  return {
    name: `1 notice to ${FOLLOWERS.toLocaleString("en-US")} followers (fan-out + sends), 1 worker × ${SERVER_CONCURRENCY} in flight, Zalo ${LATENCY_MS} ms`,
    messages: FOLLOWERS,
    sent: sent?.n ?? 0,
    perSecond: FOLLOWERS / seconds,
    idealPerSecond: SERVER_CONCURRENCY / (LATENCY_MS / 1000),
    baselineName: "the same calls through the same HTTP port, no engine",
    baselinePerSecond,
    enqueueSeconds: ((lastBatch?.ms ?? Number.NaN) - startedAt) / 1000,
    workerCpuUsPerMessage: (cpu * 1e6) / FOLLOWERS,
  };
}
