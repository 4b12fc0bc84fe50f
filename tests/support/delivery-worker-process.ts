import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { openDatabase } from "../../bot-server/src/db/client";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createLogger } from "../../bot-server/src/lib/logger";
import {
  createSendBudget,
  type DeliveryDeps,
  type FailureVerdict,
  startDeliveryWorker,
  type ZaloPort,
} from "../../bot-server/src/modules/delivery";
import type { ProviderRequestBody, ProviderResponseBody } from "./fake-zalo-provider";

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

/** A failure of the fake provider as the port sees it: Zalo's error number, or an HTTP status. */
export class ProviderError extends Error {
  constructor(
    readonly kind: "zalo" | "http",
    readonly code: number,
  ) {
    super(`${kind}:${code}`);
    this.name = "ProviderError";
  }
}

/**
 * Zalo's own error table (zalo/zalo-error-codes.ts) is for the real clients' errors; this is the same
 * decision for the fake provider's: -32 (rate limit) pauses the fleet, a network error, a timeout, 5xx
 * or 429 is retried, anything else is refused for good.
 */
export function classifyProviderError(error: unknown): FailureVerdict {
  if (error instanceof ProviderError) {
    if (error.kind === "zalo" && error.code === -32) return { action: "slow_down", reason: "zalo:-32" };
    if (error.kind === "http" && (error.code >= 500 || error.code === 429))
      return { action: "retry", reason: `http:${error.code}` };
    return { action: "permanent", reason: `${error.kind}:${error.code}` };
  }
  // fetch's TypeError (connection refused or reset) and AbortSignal.timeout's TimeoutError.
  return { action: "retry", reason: error instanceof Error ? error.name : "unknown" };
}

export function httpZaloPort(baseUrl: string, processName: string): ZaloPort {
  async function send(channel: string, to: string, ref: string): Promise<{ messageId: string }> {
    const body: ProviderRequestBody = { channel, to, ref };
    const response = await fetch(`${baseUrl}/send`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-worker-process": processName },
      body: JSON.stringify(body),
      // OB-7's timeout: a provider that never answers fails the attempt instead of holding the lease.
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) throw new ProviderError("http", response.status);
    const answer = (await response.json()) as ProviderResponseBody;
    if ("messageId" in answer) return { messageId: answer.messageId };
    throw new ProviderError("zalo", answer.error);
  }
  return {
    sendConsultation: (oaUserId, _text, _buttons, ref) => send("cs", oaUserId, ref),
    sendTemplateByUserId: (oaUserId, _templateId, _data, ref) => send("template", oaUserId, ref),
    sendZns: (phone, _templateId, _data, ref) => send("zns", phone, ref),
    sendGroupText: (groupId, _text, ref) => send("group", groupId, ref),
    sendGroupImage: (groupId, _attachmentId, _caption, ref) => send("group", groupId, ref),
    // The residents of these runs wrote recently: our own record decides, Zalo's is never asked.
    lastInteraction: async () => null,
    classify: (error) => classifyProviderError(error),
  };
}

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
  const { values } = parseArgs({
    options: {
      "database-url": { type: "string" },
      "zalo-url": { type: "string" },
      name: { type: "string", default: "worker" },
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
  const logger = createLogger("warn", { service: "delivery-worker", process: name });
  const database = await openDatabase({ driver: "pg", url, dataDir: tmpdir(), logger });
  const db = database.db;
  const deps: DeliveryDeps = {
    db,
    logger,
    // The runs send chat replies only: nothing is opened, but the engine's deps require a sealer.
    sealer: createSealer(randomBytes(32)),
    zalo: httpZaloPort(zaloUrl, name),
    budget: createSendBudget(db, { name: values.budget, perMinute: Number(values["per-minute"]) }),
    miniAppId: "3000000000000000003",
    templates: {},
  };
  const options = { concurrency: Number(values.concurrency), pollMs: Number(values["poll-ms"]) };
  if (values.standby) {
    // Loaded and connected, waiting for "go" on stdin: a restart after a kill then costs no module
    // loading (about 2 s here), as with a supervisor that keeps a warm spare.
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
  if (values.bare !== undefined) {
    await bareSends(deps.zalo, Number(values.bare), Number(values.workers) * options.concurrency);
    await database.close();
    // stdin and fetch's kept-alive sockets would hold the process open.
    process.exit(0);
  }
  const stops = Array.from({ length: Number(values.workers) }, () => startDeliveryWorker(deps, options));
  process.stdout.write(`${JSON.stringify({ ready: true, pid: process.pid, name })}\n`);

  process.once("SIGTERM", () => {
    void (async () => {
      await Promise.all(stops.map((stop) => stop()));
      await database.close();
      process.stdout.write(`${JSON.stringify({ stopped: true, name })}\n`);
      process.exit(0);
    })();
  });
}

// Run as a script only (tests import classifyProviderError and httpZaloPort from it too).
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
