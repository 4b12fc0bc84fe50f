import { startServerProcess } from "../support/server-process";
import { startBareServer } from "./bare-server-process";
import { type LoadResult, runLoad } from "./load";

/** Connections and duration per autocannon run: enough to saturate 2 cores, short enough for CI. */
const CONNECTIONS = 20;
const SECONDS = 5;

export interface BenchRow {
  name: string;
  measured: LoadResult;
  baseline: LoadResult;
  baselineName: string;
}

/**
 * The API's full stack (request id, logs, security headers, CORS, zod validation, a folded search on
 * the database) against a bare Hono route on the same Node, both measured in this run.
 */
export async function benchHttpApi(): Promise<BenchRow[]> {
  const bare = await startBareServer();
  const server = await startServerProcess({ env: { LOG_LEVEL: "warn" } });
  try {
    const baseline = await runLoad(`http://127.0.0.1:${bare.port}/bare`, {
      connections: CONNECTIONS,
      seconds: SECONDS,
    });
    const rows: BenchRow[] = [];
    for (const [name, path] of [
      ["GET /healthz (ping the database)", "/healthz"],
      ["GET /api/units/communes?q=bach mai (old-name search)", "/api/units/communes?q=bach%20mai"],
    ] as const) {
      const measured = await runLoad(`${server.baseUrl}${path}`, {
        connections: CONNECTIONS,
        seconds: SECONDS,
      });
      rows.push({ name, measured, baseline, baselineName: "bare Hono route" });
    }
    return rows;
  } finally {
    await server.stop();
    bare.stop();
  }
}
