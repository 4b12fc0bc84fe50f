import { pathToFileURL } from "node:url";
import type { ZaloPort } from "../../bot-server/src/modules/delivery";
import { startDeliveryWorker } from "../../bot-server/src/modules/delivery";
import { failLoudly, openWorkerProcess, standBy, stopOnSigterm } from "./worker-process-kit";

/**
 * A delivery worker process for tests and benches, run as
 *   node --import tsx tests/support/delivery-worker-process.ts --database-url postgres://… \
 *     --zalo-url http://127.0.0.1:<port> --name A --workers 2 --concurrency 8 [--per-minute 4000]
 * It opens the database as the server does (openDatabase, driver "pg"), builds the engine's DeliveryDeps
 * with a ZaloPort that forwards every send over HTTP to a fake provider (fake-zalo-provider.ts), and runs
 * `--workers` startDeliveryWorker loops until SIGTERM (each stops after writing what it holds, then the
 * database closes; exit 0) or SIGKILL. Prints one JSON line `{"ready":…}` once the loops run. With
 * `--standby` it first loads everything, prints `{"standby":…}` and waits for a line "go" on stdin.
 * With `--bare <count>` it runs the benches' transport baseline instead of the engine (bareSends).
 * Spawn it with delivery-workers.ts.
 */

/**
 * The benches' transport baseline: `count` calls through the same port to the same provider at the same
 * concurrency, without the engine (no claim, no budget, no settle). Prints `{"bare":{calls,ms}}`.
 */
async function bareSends(port: ZaloPort, count: number, concurrency: number): Promise<void> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await port.sendConsultation("bare", "", [], `b${next}`);
      }
    }),
  );
  const ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ bare: { calls: count, ms } })}\n`);
}

async function main(): Promise<void> {
  const worker = await openWorkerProcess("delivery-worker", "worker");
  const { values, deps } = worker;
  if (values.standby) await standBy(worker);
  if (values.bare !== undefined) {
    await bareSends(deps.zalo, Number(values.bare), values.workers * values.concurrency);
    await worker.database.close();
    // stdin and fetch's kept-alive sockets would hold the process open.
    process.exit(0);
  }
  const options = { concurrency: values.concurrency, pollMs: values.pollMs };
  const stops = Array.from({ length: values.workers }, () => startDeliveryWorker(deps, options));
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, name: values.name })}\n`);
  stopOnSigterm(worker, stops);
}

// Run as a script only.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main().catch(failLoudly);
}
