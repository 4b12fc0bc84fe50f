import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, sql } from "drizzle-orm";
import { SANDBOX_IDS } from "../../bot-server/src/config";
import { openDatabase } from "../../bot-server/src/db/client";
import { inboundEvents } from "../../bot-server/src/db/schema";
import { createLogger } from "../../bot-server/src/lib/logger";
import { createDatabase, databaseUrl, withClient } from "../support/pg-admin";
import { findPostgresBinaries, type PostgresBinaries, startCluster } from "../support/pg-cluster";
import { startServerProcess } from "../support/server-process";
import { signZaloEvent } from "../support/zalo-webhook";
import { startBareServer } from "./bare-server-process";
import { type LoadRequest, type LoadResult, runLoad } from "./load";

/** The issue's load: 50 concurrent deliveries, as Zalo's senders keep many connections open. */
const CONNECTIONS = 50;
const SECONDS = 5;
const WARM_UP_SECONDS = 2;
/**
 * The ingest issue's target: ≥ 40 % of the bare route's rate with durable storage, p99 ≤ 50 ms. It was set
 * against a bodyless GET; the baseline now reads and parses the same bodies (about half that GET's rate
 * here), so the ratio is stricter than when the target was set, and the warning below says so honestly.
 */
export const INGEST_TARGET = { ratio: 0.4, p99Ms: 50 } as const;

export interface IngestRow {
  name: string;
  measured: LoadResult;
  baseline: LoadResult;
  baselineName: string;
  /** inbound_events rows of the measured run; must equal measured.ok2xx. */
  storedRows: number;
  /**
   * The server process's CPU time (all its threads) per answered event during the measured run: unlike
   * events/s, barely moved by other load on the machine, so it is the number to compare changes by.
   */
  serverCpuUsPerEvent: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime of a process from /proc (Linux), in seconds; NaN elsewhere. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at indexes 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

interface FactoryArg {
  appId: string;
  secret: string;
  /** Prefix of every msg_id of one run, so that run's rows can be counted apart. */
  tag: string;
}

/**
 * The events sent: ZNS delivery receipts (`user_received_message` with `X-ZEvent-Server: ZNS`), each
 * with its own msg_id (else dedupe would make it a no-op) and its own signature. Receipts are what
 * arrives in bursts (one per recipient of a template message). The webhook stores them `pending` and
 * the event worker, running in the same server as in production, claims and marks them processed
 * concurrently with ingest; but a receipt changes no resident and sends no reply, so the row measures
 * ingest and never the chatbot or the Zalo sandbox's send path, as `user_send_text` would.
 */
export function createRequestFactory(arg: unknown): () => LoadRequest {
  const { appId, secret, tag } = arg as FactoryArg;
  let sent = 0;
  return () => {
    sent += 1;
    const body = JSON.stringify({
      sender: { id: SANDBOX_IDS.oaId },
      recipient: { id: "84987654321" },
      event_name: "user_received_message",
      message: { delivery_time: String(Date.now()), msg_id: `${tag}${sent.toString(16).padStart(10, "0")}` },
      app_id: appId,
      timestamp: String(Date.now()),
    });
    return {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "X-ZEvent-Server": "ZNS",
        "X-ZEvent-Signature": signZaloEvent(body, { secret }),
      },
      body,
    };
  };
}

/** One run's rows, by the dedupe key the webhook gives ZNS receipts: `zns:<event>:<msg_id>`. */
const ofRun = (tag: string) =>
  sql`starts_with(${inboundEvents.dedupeKey}, ${`zns:user_received_message:${tag}`})`;

/**
 * Signed webhook deliveries into the real server (verify, store once, answer 200) on durable storage,
 * against a bare Hono route that reads and parses the same deliveries at the same concurrency, both
 * measured in this run.
 */
export async function benchWebhookIngest(): Promise<IngestRow> {
  const store = await durableStore();
  const dataDir = mkdtempSync(join(tmpdir(), "dvc-bench-ingest-"));
  const secret = randomBytes(24).toString("base64url");
  const bare = await startBareServer();
  const requests = (tag: string) => ({
    module: import.meta.url,
    arg: { appId: SANDBOX_IDS.appId, secret, tag },
  });
  try {
    // First, while nothing else of this row runs; the bare route's process is then stopped. It gets the
    // same signed bodies, built the same way in the load process, and the same warm-up.
    const bareUrl = `http://127.0.0.1:${bare.port}/ingest`;
    await runLoad(bareUrl, {
      connections: CONNECTIONS,
      seconds: WARM_UP_SECONDS,
      requests: requests("bare-"),
    });
    const baseline = await runLoad(bareUrl, {
      connections: CONNECTIONS,
      seconds: SECONDS,
      requests: requests("bare-"),
    });
    bare.stop();
    // LOG_LEVEL warn as in the other HTTP rows: at info, the request line and the route's own line cost
    // every event about two JSON log lines more. The OA secret is set here so this process can sign.
    const server = await startServerProcess({
      dataDir,
      env: { LOG_LEVEL: "warn", ZALO_OA_SECRET_KEY: secret, DATABASE_URL: store.url },
    });
    const url = `${server.baseUrl}/webhooks/zalo`;
    let measured: LoadResult;
    let serverCpuUsPerEvent: number;
    try {
      // Warms the JIT and the connection pool, and sizes the measured run to about SECONDS.
      const warm = await runLoad(url, {
        connections: CONNECTIONS,
        seconds: WARM_UP_SECONDS,
        requests: requests("warm-"),
      });
      const amount = Math.max(
        CONNECTIONS * 20,
        Math.round((warm.requestsPerSecond * SECONDS) / CONNECTIONS) * CONNECTIONS,
      );
      // A fixed count, not a duration: no request is cut off in flight, so rows must equal 2xx answers.
      const cpuBefore = cpuSeconds(server.pid);
      measured = await runLoad(url, {
        connections: CONNECTIONS,
        seconds: SECONDS,
        amount,
        requests: requests("run-"),
      });
      serverCpuUsPerEvent = ((cpuSeconds(server.pid) - cpuBefore) * 1e6) / Math.max(measured.ok2xx, 1);
    } finally {
      await server.stop();
    }
    const counted = await openDatabase({
      driver: store.url ? "pg" : "pglite",
      url: store.url,
      dataDir,
      logger: createLogger("error"),
    });
    let storedRows: number;
    try {
      const [row] = await counted.db.select({ n: count() }).from(inboundEvents).where(ofRun("run-"));
      storedRows = row?.n ?? -1;
    } finally {
      await counted.close();
    }
    return {
      name: `POST /webhooks/zalo (signed ZNS receipts, ${store.label})`,
      measured,
      baseline,
      baselineName: "bare Hono route reading and JSON-parsing the same signed bodies",
      storedRows,
      serverCpuUsPerEvent,
    };
  } finally {
    bare.stop();
    await store.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export interface DurableStore {
  /** postgres://… or undefined for PGlite in the server's DATA_DIR. */
  url: string | undefined;
  label: string;
  stop(): Promise<void>;
}

/** A real PostgreSQL with its durability settings on when one can be started here, else PGlite on disk. */
export async function durableStore(): Promise<DurableStore> {
  const binaries = findPostgresBinaries();
  if (!binaries)
    return { url: undefined, label: "PGlite on disk (no PostgreSQL here)", stop: async () => {} };
  try {
    return await durablePostgres(binaries);
  } catch (error) {
    console.log(
      `  ⚠ PostgreSQL would not start, the ingest row uses PGlite: ${String(error).split("\n")[0]}`,
    );
    return { url: undefined, label: "PGlite on disk (PostgreSQL failed to start)", stop: async () => {} };
  }
}

/**
 * The test cluster (tests/support/pg-cluster.ts) runs with fsync and synchronous_commit off, which is
 * right for tests and wrong for a claim about durable storage: it is restarted here with PostgreSQL's
 * defaults (fsync, synchronous_commit, full_page_writes on), so every acknowledged event is on disk.
 */
async function durablePostgres(binaries: PostgresBinaries): Promise<DurableStore> {
  const cluster = await startCluster({ binaries, name: "dvc-bench-pg" });
  const dataDir = join(cluster.dir, "data");
  // As root PostgreSQL runs as the `postgres` user, like pg-cluster.ts does.
  const asPostgres = (args: string[]): [string, string[]] =>
    process.getuid?.() === 0
      ? ["runuser", ["-u", "postgres", "--", binaries.pgCtl, ...args]]
      : [binaries.pgCtl, args];
  const stopNow = () =>
    spawnSync(...asPostgres(["stop", "-D", dataDir, "-m", "immediate", "-w", "-s"]), { stdio: "ignore" });
  const onExit = () => {
    stopNow();
    cluster.destroySync();
  };
  try {
    await cluster.stop("fast");
    process.once("exit", onExit);
    const options = `-p ${cluster.port} -k ${cluster.dir} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    const [command, args] = asPostgres([
      "start",
      "-D",
      dataDir,
      "-l",
      join(cluster.dir, "server.log"),
      "-w",
      "-t",
      "30",
      "-s",
      "-o",
      options,
    ]);
    const started = spawnSync(command, args, { encoding: "utf8", cwd: cluster.dir });
    if (started.status !== 0) throw new Error(`pg_ctl start: ${started.stderr}${cluster.log()}`);
    await createDatabase(cluster.url(), "dvc_bench");
    const settings = await withClient(cluster.url(), async (client) => {
      const result = await client.query<{ version: string; fsync: string; commit: string }>(
        "select current_setting('server_version') as version, current_setting('fsync') as fsync, current_setting('synchronous_commit') as commit",
      );
      return result.rows[0];
    });
    return {
      url: databaseUrl(cluster.url(), "dvc_bench"),
      label: `PostgreSQL ${settings?.version.split(" ")[0]}, fsync ${settings?.fsync}, synchronous_commit ${settings?.commit}`,
      stop: async () => {
        process.off("exit", onExit);
        onExit();
      },
    };
  } catch (error) {
    process.off("exit", onExit);
    onExit();
    throw error;
  }
}
