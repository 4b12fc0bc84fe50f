import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { vnMinuteOfDay } from "@dvc/shared";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../bot-server/src/db/client";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createLogger } from "../../bot-server/src/lib/logger";
import { startNoticeDispatcher } from "../../bot-server/src/modules/broadcast";
import {
  createSendBudget,
  type DeliveryDeps,
  startDeliveryWorker,
} from "../../bot-server/src/modules/delivery";
import { httpZaloPort } from "./delivery-worker-process";

/**
 * The notice fan-out as the server runs it, in a process of its own for the kill test and the bench:
 * the broadcast dispatcher (claims due notices, enqueues a delivery row per group and follower) and
 * `--workers` delivery worker loops, every Zalo call forwarded over HTTP to a fake provider
 * (fake-zalo-provider.ts, through delivery-worker-process.ts's httpZaloPort). Spawn it with
 * delivery-workers.ts (`script: NOTICE_WORKER_SCRIPT`); it takes the same arguments and speaks the same
 * lines (`{"standby"…}`, "go" on stdin, `{"ready"…}`, SIGTERM → `{"stopped"…}`, exit 0).
 */

const HOUR = 3_600_000;

/**
 * Follower notices wait out the quiet hours, 22:00–06:00 Vietnam time (delivery/channel-ladder.ts):
 * run then, the test would wait eight hours. Inside them this process's clock (DeliveryDeps.now, the
 * engine's seam for time) reads noon of the next day instead; outside them it is the real clock.
 */
function daytimeClock(): () => Date {
  const minute = vnMinuteOfDay(new Date());
  const quiet = minute >= 22 * 60 || minute < 6 * 60;
  if (!quiet) return () => new Date();
  const minutesToNoon = (12 * 60 - minute + 24 * 60) % (24 * 60);
  const offset = minutesToNoon * 60_000;
  return () => new Date(Date.now() + offset);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "zalo-url": { type: "string" },
      name: { type: "string", default: "notices" },
      workers: { type: "string", default: "1" },
      concurrency: { type: "string", default: "8" },
      "poll-ms": { type: "string", default: "50" },
      "per-minute": { type: "string", default: "6000000" },
      budget: { type: "string", default: "zalo-openapi" },
      standby: { type: "boolean", default: false },
    },
  });
  const url = values["database-url"];
  const zaloUrl = values["zalo-url"];
  if (!url || !zaloUrl) throw new Error("--database-url and --zalo-url are required");
  const name = values.name;
  const logger = createLogger("warn", { service: "notice-worker", process: name });
  const database = await openDatabase({ driver: "pg", url, dataDir: tmpdir(), logger });
  const db = database.db;
  const zalo = httpZaloPort(zaloUrl, name);
  const now = daytimeClock();
  const deps: DeliveryDeps = {
    db,
    logger,
    sealer: createSealer(randomBytes(32)),
    zalo,
    budget: createSendBudget(db, { name: values.budget, perMinute: Number(values["per-minute"]) }),
    miniAppId: "3000000000000000003",
    // No notice template: a follower outside the window would count as unreachable (none is, here).
    templates: {},
    now,
  };
  const pollMs = Number(values["poll-ms"]);
  if (values.standby) {
    await db.execute(sql`select 1`);
    process.stdout.write(`${JSON.stringify({ standby: true, pid: process.pid, name })}\n`);
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
  const stops = [
    // The notices of these runs carry no image: nothing to upload.
    startNoticeDispatcher(
      {
        db,
        logger,
        miniAppId: deps.miniAppId,
        uploadImage: () => Promise.reject(new Error("no image in these runs")),
      },
      { pollMs },
    ),
    ...Array.from({ length: Number(values.workers) }, () =>
      startDeliveryWorker(deps, { concurrency: Number(values.concurrency), pollMs }),
    ),
  ];
  const shifted = now().getTime() - Date.now() > HOUR;
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, name, daytimeClock: shifted })}\n`);

  process.once("SIGTERM", () => {
    void (async () => {
      await Promise.all(stops.map((stop) => stop()));
      await database.close();
      process.stdout.write(`${JSON.stringify({ stopped: true, name })}\n`);
      process.exit(0);
    })();
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
