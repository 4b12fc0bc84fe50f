import { createDatabase, databaseUrl, withClient } from "../support/pg-admin";
import { findPostgresBinaries, startCluster } from "../support/pg-cluster";
import { startServerProcess } from "../support/server-process";
import { startBareServer } from "./bare-server-process";
import { type LoadResult, processCpuSeconds, runLoad } from "./load";

/** Connections and duration per autocannon run: enough to saturate 2 cores, short enough for CI. */
const CONNECTIONS = 20;
const SECONDS = 5;
/** A short run before each measured one: the JIT, the connection pool and the first answers are warm. */
const WARM_UP_SECONDS = 1;
/** Load on a freshly started server before its first row. */
const SETTLE_SECONDS = 3;

export interface BenchRow {
  name: string;
  /** The database the server ran on: "PGlite" or "PostgreSQL <version>". */
  store: string;
  measured: LoadResult;
  baseline: LoadResult;
  baselineName: string;
  /** Server CPU (user + system) per answered request, in µs: steadier than req/s on a busy machine. */
  cpuUsPerRequest: number;
  baselineCpuUsPerRequest: number;
}

interface Measured {
  load: LoadResult;
  cpuUsPerRequest: number;
}

const PATHS = [
  ["GET /healthz (database readiness)", "/healthz"],
  ["GET /api/units/communes?q=bach mai (old-name search)", "/api/units/communes?q=bach%20mai"],
] as const;

/** Where the server keeps its data for one pass: its default (embedded PGlite), then a real PostgreSQL. */
interface Store {
  label: string;
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The API's full stack (request id, logs, security headers, CORS, zod validation, the route itself)
 * against a bare Hono route on the same Node, both measured in this run, once per database: the
 * server's default start (PGlite in DATA_DIR) and a throwaway PostgreSQL cluster when one can start.
 */
export async function benchHttpApi(): Promise<BenchRow[]> {
  const bare = await startBareServer();
  try {
    const bareUrl = `http://127.0.0.1:${bare.port}/bare`;
    const rows: BenchRow[] = [];
    for (const open of [pgliteStore, postgresStore]) {
      const store = await open();
      if (!store) continue;
      try {
        rows.push(...(await benchOn(store, { url: bareUrl, pid: bare.pid })));
      } finally {
        await store.stop();
      }
    }
    return rows;
  } finally {
    bare.stop();
  }
}

/**
 * Each row right after its own baseline run: on a shared machine the load changes from one minute to
 * the next, and a ratio of two runs seconds apart says more than one against a baseline long past.
 */
async function benchOn(store: Store, bare: { url: string; pid: number }): Promise<BenchRow[]> {
  // A fresh PGlite migrates and seeds first: on a busy shared machine that can take over a minute.
  const server = await startServerProcess({
    env: { LOG_LEVEL: "warn", ...store.env },
    readyTimeoutMs: 180_000,
  });
  try {
    // After start-up the server still settles (JIT, its workers' first polls): not part of any row.
    await runLoad(`${server.baseUrl}${PATHS[0][1]}`, { connections: CONNECTIONS, seconds: SETTLE_SECONDS });
    const rows: BenchRow[] = [];
    for (const [name, path] of PATHS) {
      const baseline = await measure(bare.url, bare.pid);
      const measured = await measure(`${server.baseUrl}${path}`, server.pid);
      rows.push({
        name,
        store: store.label,
        measured: measured.load,
        baseline: baseline.load,
        baselineName: "bare Hono route",
        cpuUsPerRequest: measured.cpuUsPerRequest,
        baselineCpuUsPerRequest: baseline.cpuUsPerRequest,
      });
    }
    return rows;
  } finally {
    await server.stop();
  }
}

async function measure(url: string, pid: number): Promise<Measured> {
  await runLoad(url, { connections: CONNECTIONS, seconds: WARM_UP_SECONDS });
  const cpuBefore = processCpuSeconds(pid);
  const load = await runLoad(url, { connections: CONNECTIONS, seconds: SECONDS });
  const answered = load.ok2xx + load.non2xx;
  const cpuUsPerRequest = ((processCpuSeconds(pid) - cpuBefore) * 1e6) / Math.max(answered, 1);
  return { load, cpuUsPerRequest };
}

async function pgliteStore(): Promise<Store> {
  return { label: "PGlite", env: {}, stop: async () => {} };
}

/** The test suite's throwaway cluster (tests/support/pg-cluster.ts); undefined when none can start. */
async function postgresStore(): Promise<Store | undefined> {
  const binaries = findPostgresBinaries();
  if (!binaries) {
    console.log("  ⚠ no PostgreSQL here (initdb not found): the API rows ran on PGlite only");
    return undefined;
  }
  try {
    const cluster = await startCluster({ binaries, name: "dvc-bench-api-pg" });
    try {
      await createDatabase(cluster.url(), "dvc_bench_api");
      const version = await withClient(cluster.url(), async (client) => {
        const result = await client.query<{ version: string }>(
          "select current_setting('server_version') as version",
        );
        return result.rows[0]?.version.split(" ")[0] ?? "?";
      });
      return {
        label: `PostgreSQL ${version}`,
        env: { DATABASE_URL: databaseUrl(cluster.url(), "dvc_bench_api") },
        stop: () => cluster.destroy(),
      };
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
  } catch (error) {
    console.log(
      `  ⚠ PostgreSQL would not start, the API rows ran on PGlite only: ${String(error).split("\n")[0]}`,
    );
    return undefined;
  }
}
