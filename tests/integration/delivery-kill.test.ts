import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase, onPostgres } from "../support/database";
import {
  enqueueReplies,
  expireLeases,
  openDeliveries,
  standbyWorkerProcess,
  untilAllFinal,
  type WorkerProcess,
} from "../support/delivery-workers";
import { type FakeZaloProvider, startFakeZaloProvider } from "../support/fake-zalo-provider";

/**
 * House rule OB-2: 1,000 messages, the delivery worker process SIGKILLed at 10 random points of the run
 * and restarted each time, on a real PostgreSQL with a recording provider over HTTP that deduplicates by
 * ref (tests/support/fake-zalo-provider.ts). Every message ends `sent`, each ref is delivered exactly once,
 * and the row keeps the message id of that one delivery. Calls repeated for a message whose answer died
 * with a killed process are counted apart: they are the at-least-once resends the outbox allows, and a
 * provider that deduplicates by ref (as ZNS's tracking_id lets Zalo do) absorbs them.
 * PostgreSQL only: the worker is another process on the same database.
 */

const MESSAGES = 1_000;
const KILLS = 10;
const WORKERS = 2;
const CONCURRENCY = 8;

/** A small seeded PRNG (mulberry32): a failing run can be replayed with DELIVERY_KILL_SEED. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

let database: FreshDatabase | undefined;
let provider: FakeZaloProvider | undefined;
const workers: WorkerProcess[] = [];
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await Promise.all(workers.map((worker) => worker.exited));
  await provider?.close();
  await database?.drop();
});

describe.skipIf(!onPostgres())("OB-2: the delivery worker killed at 10 random points", () => {
  it("1,000 of 1,000 messages end sent, each ref delivered once; resends are counted apart", async () => {
    database = await freshDatabase();
    const db = database.handle.db;
    const databaseUrl = database.url ?? "";
    // 10 ms per call, so a kill usually finds calls in flight whose answers it takes away.
    provider = await startFakeZaloProvider({ latencyMs: 10 });
    const zalo = provider;
    await enqueueReplies(db, MESSAGES);

    const seed = Number(process.env.DELIVERY_KILL_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seeded(seed);
    // Ten kill points spread over the run: the count of delivered messages at which each kill happens.
    const points = new Set<number>();
    // Up to 900, so that however late a kill lands, messages remain for the next run.
    while (points.size < KILLS) points.add(20 + Math.floor(random() * (900 - 20)));
    const plan = [...points]
      .sort((a, b) => a - b)
      // "call": killed as a call arrives, before its answer; "later": killed a random 0–40 ms after,
      // wherever the process then is (claiming, waiting for the budget, settling, between polls).
      .map((point) => ({
        point,
        mode: random() < 0.5 ? "call" : "later",
        delayMs: Math.floor(random() * 40),
      }));

    // Each run's successor is loaded while it works, so a restart is the takeover itself, not 2 s of
    // module loading (a supervisor with a warm spare). Every run is still a new process.
    const standby = (n: number) =>
      standbyWorkerProcess({
        databaseUrl,
        zaloUrl: zalo.url,
        name: `run${n}`,
        workers: WORKERS,
        concurrency: CONCURRENCY,
      }).then((spare) => {
        workers.push(spare.process);
        return spare;
      });
    let spare = standby(0);
    const start = async (n: number) => {
      const worker = await (await spare).go();
      // Not awaited: the spare loads while this run works, and the kill points stay where planned.
      if (n < KILLS) spare = standby(n + 1);
      return worker;
    };

    let killedMidCall = 0;
    for (const [n, kill] of plan.entries()) {
      const worker = await start(n);
      // A point already passed (the previous kill came late) moves to the next delivery.
      const target = Math.max(kill.point, zalo.delivered.size + 1);
      if (kill.mode === "call") {
        zalo.onCall((call) => {
          if (call.outcome === "delivered" && zalo.delivered.size >= target) {
            worker.kill("SIGKILL");
            zalo.onCall(undefined);
          }
        });
      } else {
        await zalo.deliveredAtLeast(target);
        await new Promise((resolve) => setTimeout(resolve, kill.delayMs));
        worker.kill("SIGKILL");
      }
      const exit = await worker.exited;
      expect(exit.signal).toBe("SIGKILL");
      if (kill.mode === "call") killedMidCall += 1;
      // Killed during the run, not after it.
      expect(zalo.delivered.size).toBeLessThan(MESSAGES);
      // The killed process's rows stay `sending` for their 60 s lease (OB-3); instead of waiting, their
      // lease end (next_attempt_at) is moved into the past. Safe: that process is dead, the spare idle.
      const stuck = await expireLeases(db);
      console.log(
        `kill ${n + 1} (${kill.mode}${kill.mode === "later" ? ` +${kill.delayMs} ms` : ""}) at ${zalo.delivered.size} delivered: ${stuck} rows left sending, ${await openDeliveries(db)} open`,
      );
    }

    const last = await start(KILLS);
    await untilAllFinal(db);
    expect(await last.stop()).toEqual({ code: 0, signal: null });

    const rows = (
      (await db.execute(
        sql`select id, status, attempts, provider_message_id as "messageId" from deliveries order by id`,
      )) as unknown as { rows: { id: number; status: string; attempts: number; messageId: string | null }[] }
    ).rows;
    expect(rows).toHaveLength(MESSAGES);
    expect(rows.filter((row) => row.status !== "sent")).toEqual([]);
    // Each ref delivered exactly once, and the row holds the id of that delivery.
    const deliveredCalls = zalo.calls.filter((call) => call.outcome === "delivered");
    expect(deliveredCalls).toHaveLength(MESSAGES);
    expect(new Set(deliveredCalls.map((call) => call.ref)).size).toBe(MESSAGES);
    for (const row of rows) expect(row.messageId).toBe(zalo.delivered.get(`d${row.id}`));

    const duplicates = zalo.duplicates();
    const reclaims = rows.reduce((sum, row) => sum + row.attempts - 1, 0);
    console.log(
      `seed ${seed}: ${MESSAGES} delivered once each; ${duplicates.length} duplicate attempts (resends of answers lost with a killed process) over ${new Set(duplicates.map((call) => call.ref)).size} refs; ${reclaims} reclaims after a kill; ${killedMidCall} kills mid-call`,
    );
    // A kill as a call arrives always loses that call's answer, so its message is sent again; no kill can
    // cost more resends than the answers it had not yet written: calls in flight, and answers waiting
    // for the worker's next batched write (sent-batch.ts, at most CONCURRENCY more).
    expect(duplicates.length).toBeGreaterThanOrEqual(killedMidCall);
    expect(duplicates.length).toBeLessThanOrEqual(KILLS * WORKERS * 2 * CONCURRENCY);
  }, 120_000);
});
