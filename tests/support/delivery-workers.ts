import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { sql } from "drizzle-orm";
import type { Database } from "../../bot-server/src/db/client";
import { residents } from "../../bot-server/src/db/schema";
import { enqueue } from "../../bot-server/src/modules/delivery";
import { collectLogLines } from "./collected-logs";
import { REPO_ROOT } from "./server-process";

/**
 * Delivery worker processes (delivery-worker-process.ts) for tests and benches, and the load they work
 * on: chat replies to residents who wrote an hour ago, so each goes by consultation message, one call.
 *
 *   const spare = await standbyWorkerProcess({ databaseUrl, zaloUrl: provider.url, name: "A", workers: 2, concurrency: 8 });
 *   const a = await spare.go(); // loaded beforehand: the loops start now
 *   a.kill("SIGKILL"); await a.exited;
 */

const SCRIPT = "tests/support/delivery-worker-process.ts";

export interface WorkerProcessOptions {
  databaseUrl: string;
  zaloUrl: string;
  /** Sent with every call as `x-worker-process`, so the provider can tell the processes apart. */
  name: string;
  /** startDeliveryWorker loops in the process. */
  workers: number;
  /** Messages in flight per loop. */
  concurrency: number;
  pollMs?: number;
  /** The shared send budget (createSendBudget); default far above anything a run sends. */
  perMinute?: number;
  budget?: string;
  /** Another process script taking the same arguments (e.g. notice-worker-process.ts); default the engine's. */
  script?: string;
  /** Arguments for that script beyond the ones above. */
  extraArgs?: string[];
}

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface WorkerProcess {
  readonly name: string;
  readonly pid: number;
  readonly exited: Promise<WorkerExit>;
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM (the loops finish what they hold, the database closes) and wait for the exit. */
  stop(): Promise<WorkerExit>;
  output(): string;
}

/** A process loaded and connected, its loops not started: `go()` starts them. */
export interface StandbyWorker {
  readonly process: WorkerProcess;
  go(): Promise<WorkerProcess>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

interface Spawned {
  process: WorkerProcess;
  /** Resolves with the first stdout line starting with `prefix` (rejects if the process exits first). */
  line(prefix: string): Promise<string>;
  send(text: string): void;
}

function spawnWorker(options: WorkerProcessOptions, extra: string[]): Spawned {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // Whatever happens to the test, no worker outlives it (they would keep polling a dropped database).
    process.once("exit", () => {
      for (const child of running) child.kill("SIGKILL");
    });
  }
  const args = [
    ["--database-url", options.databaseUrl],
    ["--zalo-url", options.zaloUrl],
    ["--name", options.name],
    ["--workers", String(options.workers)],
    ["--concurrency", String(options.concurrency)],
    ["--poll-ms", String(options.pollMs ?? 50)],
    ["--per-minute", String(options.perMinute ?? 6_000_000)],
    ["--budget", options.budget ?? "zalo-openapi"],
  ].flat();
  const script = options.script ?? SCRIPT;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", script, ...args, ...(options.extraArgs ?? []), ...extra],
    {
      cwd: REPO_ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    },
  );
  running.add(child);
  let output = "";
  const lines: string[] = [];
  const waiters: { prefix: string; resolve: (line: string) => void }[] = [];
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on("line", (line) => {
    output += `${line}\n`;
    lines.push(line);
    for (const waiter of waiters.filter((w) => line.startsWith(w.prefix))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  // A killed child's stdin breaks: nothing to report.
  child.stdin?.on("error", () => {});
  let exitStatus: WorkerExit | undefined;
  const exited = new Promise<WorkerExit>((resolve) => {
    child.once("close", (code, signal) => {
      running.delete(child);
      exitStatus = { code, signal };
      collectLogLines(output);
      resolve(exitStatus);
    });
  });
  const worker: WorkerProcess = {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    kill: (signal) => {
      if (!exitStatus) child.kill(signal);
    },
    stop: async () => {
      if (!exitStatus) child.kill("SIGTERM");
      return exited;
    },
    output: () => output,
  };
  return {
    process: worker,
    line: (prefix) => {
      const seen = lines.find((line) => line.startsWith(prefix));
      if (seen) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        waiters.push({ prefix, resolve });
        void exited.then((exit) =>
          reject(new Error(`worker ${options.name} exited (${exit.code ?? exit.signal}):\n${output}`)),
        );
      });
    },
    send: (text) => child.stdin?.write(text),
  };
}

/** Starts a worker process up to the point of claiming (modules loaded, database connected). */
export async function standbyWorkerProcess(options: WorkerProcessOptions): Promise<StandbyWorker> {
  const spawned = spawnWorker(options, ["--standby"]);
  await spawned.line('{"standby"');
  return {
    process: spawned.process,
    go: async () => {
      spawned.send("go\n");
      await spawned.line('{"ready"');
      return spawned.process;
    },
  };
}

/**
 * The benches' transport baseline in a worker process: `count` calls through the same HTTP port at
 * workers × concurrency, without the engine. Returns the calls per second (load time excluded).
 */
export async function bareSendsPerSecond(options: WorkerProcessOptions, count: number): Promise<number> {
  const spawned = spawnWorker(options, ["--standby", "--bare", String(count)]);
  await spawned.line('{"standby"');
  spawned.send("go\n");
  const line = await spawned.line('{"bare"');
  await spawned.process.exited;
  const { bare } = JSON.parse(line) as { bare: { calls: number; ms: number } };
  return bare.calls / (bare.ms / 1000);
}

/** Lines of a worker's log with this message (e.g. the engine's "delivery outcome dropped: lease lost"). */
export function logLinesWith(worker: WorkerProcess, msg: string): number {
  return worker
    .output()
    .split("\n")
    .filter((line) => line.includes(`"msg":"${msg}"`)).length;
}

/**
 * Enqueues `count` chat replies, each to a resident of its own who wrote an hour ago (so every reply is
 * a single consultation-message call, and no conversation's ordering holds another back). Returns the
 * message keys. Goes through the engine's enqueue, in transactions of 250, four at a time.
 */
export async function enqueueReplies(db: Database, count: number): Promise<string[]> {
  const run = randomUUID().replace(/\D/g, "").padEnd(8, "7").slice(0, 8);
  const lastInteractionAt = new Date(Date.now() - 3_600_000);
  const ids = Array.from({ length: count }, (_, n) => `9${run}${String(n).padStart(9, "0")}`);
  const chunks: string[][] = [];
  for (let start = 0; start < count; start += 250) chunks.push(ids.slice(start, start + 250));
  const enqueueChunk = (chunk: string[]) =>
    db.transaction(async (tx) => {
      await tx
        .insert(residents)
        .values(chunk.map((oaUserId) => ({ oaUserId, following: true, lastInteractionAt })));
      for (const oaUserId of chunk) {
        const text = "Dạ, hồ sơ của bạn đã được tiếp nhận.";
        await enqueue(tx, { kind: "chatbot_reply", key: `reply:${run}:${oaUserId}`, oaUserId, text });
      }
    });
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) await enqueueChunk(chunk);
    }),
  );
  return ids.map((oaUserId) => `reply:${run}:${oaUserId}`);
}

const OPEN = sql`status in ('queued', 'sending')`;

/** How many messages are still queued or being sent. */
export async function openDeliveries(db: Database): Promise<number> {
  const result = (await db.execute(
    sql`select count(*)::int as n from deliveries where ${OPEN}`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return result.rows[0]?.n ?? -1;
}

/** Whether any message is still queued or being sent: cheaper than counting them, for tight polls. */
export async function anyOpenDelivery(db: Database): Promise<boolean> {
  const result = (await db.execute(
    sql`select exists (select 1 from deliveries where ${OPEN}) as open`,
  )) as unknown as { rows: { open: boolean }[] };
  return result.rows[0]?.open !== false;
}

/**
 * Waits until no message is open. The limit only stops a broken run from hanging the suite: no
 * assertion depends on how long it took.
 */
export async function untilAllFinal(db: Database, limitMs = 90_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const open = await openDeliveries(db);
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`${open} deliveries still open after ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A lease runs 60 s (OB-3): a killed worker's rows stay `sending` until then. The tests move the lease's
 * end (next_attempt_at while sending) into the past instead of waiting it out; only ever with every
 * worker that could hold them dead.
 */
export async function expireLeases(db: Database): Promise<number> {
  const result = (await db.execute(
    sql`update deliveries set next_attempt_at = now() - interval '1 second' where status = 'sending' returning id`,
  )) as unknown as { rows: unknown[] };
  return result.rows.length;
}
