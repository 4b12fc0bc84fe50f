import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase, onPostgres } from "../support/database";
import {
  enqueueReplies,
  logLinesWith,
  standbyWorkerProcess,
  untilAllFinal,
  type WorkerProcess,
} from "../support/delivery-workers";
import { type FakeZaloProvider, startFakeZaloProvider } from "../support/fake-zalo-provider";

/**
 * House rule OB-4: workers claiming side by side with FOR UPDATE SKIP LOCKED never share a row. Four
 * delivery loops in two processes on one PostgreSQL, 5,000 messages, a provider that never fails: exactly
 * 5,000 first attempts — each ref called once, every row `sent` after one attempt. A row claimed twice
 * would show as a second call (the provider records it as a duplicate) and as attempts = 2.
 * PostgreSQL only: two processes on one database.
 */

const MESSAGES = 5_000;

let database: FreshDatabase | undefined;
let provider: FakeZaloProvider | undefined;
const workers: WorkerProcess[] = [];
afterAll(async () => {
  for (const worker of workers) worker.kill("SIGKILL");
  await Promise.all(workers.map((worker) => worker.exited));
  await provider?.close();
  await database?.drop();
});

describe.skipIf(!onPostgres())("OB-4: no double claim", () => {
  it("4 workers in 2 processes × 5,000 messages: exactly 5,000 first attempts", async () => {
    database = await freshDatabase();
    const db = database.handle.db;
    provider = await startFakeZaloProvider({ latencyMs: 2 });
    await enqueueReplies(db, MESSAGES);
    const options = { databaseUrl: database.url ?? "", zaloUrl: provider.url, workers: 2, concurrency: 8 };
    // Loaded first, then started together: the processes race for the same rows the whole run.
    const spares = await Promise.all(["A", "B"].map((name) => standbyWorkerProcess({ ...options, name })));
    workers.push(...spares.map((spare) => spare.process));
    await Promise.all(spares.map((spare) => spare.go()));
    await untilAllFinal(db);
    for (const worker of workers) expect(await worker.stop()).toEqual({ code: 0, signal: null });

    const calls = provider.calls;
    const byProcess = {
      A: calls.filter((call) => call.process === "A"),
      B: calls.filter((call) => call.process === "B"),
    };
    console.log(
      `${calls.length} calls for ${MESSAGES} messages: A ${byProcess.A?.length ?? 0}, B ${byProcess.B?.length ?? 0}; ${provider.duplicates().length} duplicates`,
    );
    expect(calls).toHaveLength(MESSAGES);
    expect(provider.duplicates()).toEqual([]);
    expect(new Set(calls.map((call) => call.ref)).size).toBe(MESSAGES);
    // Both processes took part: the race was real.
    expect(byProcess.A?.length ?? 0).toBeGreaterThan(0);
    expect(byProcess.B?.length ?? 0).toBeGreaterThan(0);
    const summary = (
      (await db.execute(
        sql`select status, attempts, count(*)::int as n from deliveries group by status, attempts`,
      )) as unknown as { rows: { status: string; attempts: number; n: number }[] }
    ).rows;
    expect(summary).toEqual([{ status: "sent", attempts: 1, n: MESSAGES }]);
    // No worker ever found its claim taken over.
    for (const worker of workers)
      expect(logLinesWith(worker, "delivery outcome dropped: lease lost")).toBe(0);
  }, 90_000);
});
