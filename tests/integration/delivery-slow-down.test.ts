import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import type { Database } from "../../bot-server/src/db/client";
import { type FreshDatabase, freshDatabase, onPostgres } from "../support/database";
import {
  enqueueReplies,
  standbyWorkerProcess,
  untilAllFinal,
  type WorkerProcess,
} from "../support/delivery-workers";
import { callsPerBucket, type FakeZaloProvider, startFakeZaloProvider } from "../support/fake-zalo-provider";

/**
 * Zalo's -32 (rate limit) pauses the whole fleet, not the worker that got it: the send budget lives in
 * PostgreSQL (send_buckets), shared by every worker of every process. Two processes × two loops; once
 * 150 messages are delivered (and B has sent), the provider answers -32 to process A's next three calls
 * only. Process B never sees a -32, yet it must stop too, until the pause ends; then both send again and
 * every message ends `sent`.
 *
 * The pause windows come from the database itself (a trigger logs each change of `paused_until` with
 * clock_timestamp(); PostgreSQL and the provider read the same clock). No take can be granted inside a
 * window, so every call arriving in one was paid for before it began: at most what each loop then held
 * paid for ahead, two rounds of its slots (worker.ts claims and pays a batch at a time, and a process
 * stops using those calls once it hears of the pause, at its next take). That bound is a count, true
 * however slow the machine; a per-process pause would break it by hundreds (B alone sends ~400 calls/s
 * here). The -32s are a count, not a time window,
 * because each one doubles the pause (1 s → 60 s): a time window would make the run's length depend on
 * the machine's speed.
 * PostgreSQL only: two processes on one database.
 */

const MESSAGES = 800;
const ARM_AFTER = 150;
const STORM = 3;
const WORKERS = 2;
const CONCURRENCY = 4;

let database: FreshDatabase | undefined;
let provider: FakeZaloProvider | undefined;
const workers: WorkerProcess[] = [];
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await Promise.all(workers.map((worker) => worker.exited));
  await provider?.close();
  await database?.drop();
});

/** Test-only: every change of a bucket's pause, with the database's own time. */
async function logPauses(db: Database): Promise<void> {
  await db.execute(
    sql`create table test_pause_log (at timestamptz not null, paused_until timestamptz not null, pause_ms int not null)`,
  );
  await db.execute(sql`
    create function test_log_pause() returns trigger language plpgsql as $$
    begin
      if new.paused_until is distinct from old.paused_until then
        insert into test_pause_log values (clock_timestamp(), new.paused_until, new.pause_ms);
      end if;
      return new;
    end $$`);
  await db.execute(
    sql`create trigger test_log_pause after update on send_buckets for each row execute function test_log_pause()`,
  );
}

interface PauseWindow {
  start: number;
  end: number;
  /** The pause each -32 asked for, in order (send_buckets.pause_ms after each). */
  pausesMs: number[];
}

/** The logged pauses merged into windows [start, end) in ms since the epoch. */
async function pauseWindows(db: Database): Promise<PauseWindow[]> {
  const { rows } = (await db.execute(
    sql`select at, paused_until as "until", pause_ms as "pauseMs" from test_pause_log order by at`,
  )) as unknown as { rows: { at: string | Date; until: string | Date; pauseMs: number }[] };
  const windows: PauseWindow[] = [];
  for (const row of rows) {
    const start = new Date(row.at).getTime();
    const end = new Date(row.until).getTime();
    const last = windows.at(-1);
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.pausesMs.push(row.pauseMs);
    } else windows.push({ start, end, pausesMs: [row.pauseMs] });
  }
  return windows;
}

describe.skipIf(!onPostgres())("a -32 storm slows the whole fleet", () => {
  it("process A gets -32s; B stops as well until the pause ends; then all are sent", async () => {
    database = await freshDatabase();
    const db = database.handle.db;
    provider = await startFakeZaloProvider({ latencyMs: 20 });
    const zalo = provider;
    await enqueueReplies(db, MESSAGES);
    await logPauses(db);

    const slowed: string[] = [];
    zalo.script((call) => {
      const armed = zalo.delivered.size >= ARM_AFTER && zalo.calls.some((earlier) => earlier.process === "B");
      if (!armed || call.process !== "A" || slowed.length >= STORM) return "deliver";
      slowed.push(call.ref);
      return "slow_down";
    });
    const options = {
      databaseUrl: database.url ?? "",
      zaloUrl: zalo.url,
      workers: WORKERS,
      concurrency: CONCURRENCY,
    };
    // Loaded first, then started together: both are sending before the storm.
    const spares = await Promise.all(["A", "B"].map((name) => standbyWorkerProcess({ ...options, name })));
    workers.push(...spares.map((spare) => spare.process));
    await Promise.all(spares.map((spare) => spare.go()));
    await untilAllFinal(db);
    for (const worker of workers) expect(await worker.stop()).toEqual({ code: 0, signal: null });

    expect(slowed).toHaveLength(STORM);
    const windows = await pauseWindows(db);
    const calls = zalo.calls;
    const inside = (window: { start: number; end: number }) =>
      // 2 ms off the end: JavaScript's clock is in whole ms, PostgreSQL's in µs.
      calls.filter((call) => call.at >= window.start && call.at < window.end - 2);
    const first = windows[0];
    const last = windows.at(-1);
    if (!first || !last) throw new Error("no pause was recorded");
    const perSecond = (from: number, to: number, process?: string) =>
      (calls.filter((c) => c.at >= from && c.at < to && (!process || c.process === process)).length * 1000) /
      Math.max(to - from, 1);
    console.log(
      [
        `-32 to A for ${slowed.join(", ")}; pauses: ${windows.map((w) => `${w.end - w.start} ms (slow-downs asking ${w.pausesMs.join(", ")} ms; ${inside(w).length} calls arrived: A ${inside(w).filter((c) => c.process === "A").length}, B ${inside(w).filter((c) => c.process === "B").length})`).join("; ")}`,
        `calls/s — 1 s before: A ${perSecond(first.start - 1000, first.start, "A")}, B ${perSecond(first.start - 1000, first.start, "B")}; during: ${perSecond(first.start, last.end).toFixed(1)}; 1 s after: A ${perSecond(last.end, last.end + 1000, "A")}, B ${perSecond(last.end, last.end + 1000, "B")}`,
        "calls per 250 ms (A/B), from 1 s before the first pause:",
        callsPerBucket(calls, { from: first.start - 1000, to: last.end + 1000, bucketMs: 250 })
          .map((b) => `${b.startMs}: ${b.byProcess.A ?? 0}/${b.byProcess.B ?? 0}`)
          .join("  "),
      ].join("\n"),
    );

    // Each -32 paused the fleet (doubling from 1 s), and the pause was honoured everywhere. The window's
    // ends are millisecond timestamps from two clock readings: a 1,000 ms pause may read as 999.
    expect(last.end - first.start).toBeGreaterThanOrEqual(1_000 - 1);
    for (const window of windows) {
      const arrived = inside(window);
      const paidAheadPerProcess = WORKERS * 2 * CONCURRENCY;
      expect(arrived.length).toBeLessThanOrEqual(2 * paidAheadPerProcess);
      // B never got a -32 and still stopped: the pause is the fleet's, not the worker's.
      expect(arrived.filter((call) => call.process === "B").length).toBeLessThanOrEqual(paidAheadPerProcess);
    }
    expect(calls.filter((call) => call.process === "B" && call.outcome === "slow_down")).toEqual([]);
    // Both processes sent before the first pause and after the last one: the fleet resumed.
    for (const name of ["A", "B"]) {
      expect(calls.some((call) => call.process === name && call.at < first.start)).toBe(true);
      expect(calls.some((call) => call.process === name && call.at >= last.end)).toBe(true);
    }

    // Every message sent once; the three slowed ones after a second attempt, every other after one.
    expect(zalo.delivered.size).toBe(MESSAGES);
    expect(zalo.duplicates()).toEqual([]);
    const { rows } = (await db.execute(
      sql`select id, status, attempts from deliveries order by id`,
    )) as unknown as { rows: { id: number; status: string; attempts: number }[] };
    expect(rows.filter((row) => row.status !== "sent")).toEqual([]);
    expect(rows.filter((row) => row.attempts === 2).map((row) => `d${row.id}`)).toEqual(
      [...slowed].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))),
    );
    expect(rows.filter((row) => row.attempts > 2)).toEqual([]);
  }, 90_000);
});
