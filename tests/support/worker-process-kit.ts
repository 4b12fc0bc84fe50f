import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, openDatabase } from "../../bot-server/src/db/client";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createLogger } from "../../bot-server/src/lib/logger";
import { createSendBudget, type DeliveryDeps } from "../../bot-server/src/modules/delivery";
import { httpZaloPort } from "./http-zalo-port";

/**
 * What the worker processes of the tests and benches share (delivery-worker-process.ts,
 * notice-worker-process.ts): their arguments, the engine's deps over a fake provider, the standby
 * handshake and the SIGTERM stop. Spawn them with delivery-workers.ts, which speaks these lines.
 */

export interface WorkerProcess {
  values: {
    name: string;
    workers: number;
    concurrency: number;
    pollMs: number;
    standby: boolean;
    bare: string | undefined;
  };
  database: DatabaseHandle;
  deps: DeliveryDeps;
}

/** Parses the common arguments, opens the database as the server does and builds the engine's deps. */
export async function openWorkerProcess(service: string, defaultName: string): Promise<WorkerProcess> {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "zalo-url": { type: "string" },
      name: { type: "string", default: defaultName },
      workers: { type: "string", default: "1" },
      concurrency: { type: "string", default: "8" },
      "poll-ms": { type: "string", default: "50" },
      "per-minute": { type: "string", default: "6000000" },
      budget: { type: "string", default: "zalo-openapi" },
      standby: { type: "boolean", default: false },
      bare: { type: "string" },
    },
  });
  const url = values["database-url"];
  const zaloUrl = values["zalo-url"];
  if (!url || !zaloUrl) throw new Error("--database-url and --zalo-url are required");
  const name = values.name;
  const logger = createLogger("warn", { service, process: name });
  const database = await openDatabase({ driver: "pg", url, dataDir: tmpdir(), logger });
  const db = database.db;
  const deps: DeliveryDeps = {
    db,
    logger,
    // Nothing is opened in these runs, but the engine's deps require a sealer.
    sealer: createSealer(randomBytes(32)),
    zalo: httpZaloPort(zaloUrl, name),
    budget: createSendBudget(db, { name: values.budget, perMinute: Number(values["per-minute"]) }),
    miniAppId: "3000000000000000003",
    templates: {},
  };
  return {
    values: {
      name,
      workers: Number(values.workers),
      concurrency: Number(values.concurrency),
      pollMs: Number(values["poll-ms"]),
      standby: values.standby,
      bare: values.bare,
    },
    database,
    deps,
  };
}

/**
 * Loaded and connected, waiting for "go" on stdin: a restart after a kill then costs no module loading
 * (about 2 s here), as with a supervisor that keeps a warm spare.
 */
export async function standBy(worker: WorkerProcess): Promise<void> {
  await worker.database.db.execute(sql`select 1`);
  process.stdout.write(`${JSON.stringify({ standby: true, pid: process.pid, name: worker.values.name })}\n`);
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on("line", (line) => {
      if (line.trim() === "go") {
        lines.close();
        resolve();
      }
    });
  });
}

/** SIGTERM: every loop writes what it holds and stops, the database closes, `{"stopped"…}`, exit 0. */
export function stopOnSigterm(worker: WorkerProcess, stops: readonly (() => Promise<void>)[]): void {
  process.once("SIGTERM", () => {
    void (async () => {
      await Promise.all(stops.map((stop) => stop()));
      await worker.database.close();
      process.stdout.write(`${JSON.stringify({ stopped: true, name: worker.values.name })}\n`);
      process.exit(0);
    })();
  });
}

export function failLoudly(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
