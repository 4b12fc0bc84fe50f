import { errorBodySchema } from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPostgresBinaries, type PostgresCluster, startCluster } from "../support/pg-cluster";
import { type ServerProcess, startServerProcess } from "../support/server-process";

/**
 * PostgreSQL goes away under a running server (node-postgres driver) and comes back on the same port:
 * the server answers 503 meanwhile (but for reference data, held in memory), does not crash, and
 * recovers without a restart. A dedicated cluster, so stopping it disturbs no other test file.
 */

const binaries = findPostgresBinaries();
if (!binaries) {
  console.warn("⚠ database-away.test.ts skipped: no initdb found (PATH or /usr/lib/postgresql/*/bin).");
}

async function getJson(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; retryAfter: string | null }> {
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(15_000) });
  return {
    status: response.status,
    body: await response.json(),
    retryAfter: response.headers.get("retry-after"),
  };
}

describe.skipIf(!binaries)("database outage", () => {
  let cluster: PostgresCluster;
  let server: ServerProcess;

  beforeAll(async () => {
    cluster = await startCluster({ ...(binaries ? { binaries } : {}), name: "dvc-away-pg" });
    // The server migrates and seeds the empty cluster itself at start-up.
    server = await startServerProcess({ env: { DATABASE_URL: cluster.url() } });
  });

  afterAll(async () => {
    await server?.stop("SIGKILL");
    await cluster?.destroy();
  });

  it("is healthy while PostgreSQL is up", async () => {
    expect(await getJson(`${server.baseUrl}/healthz`)).toMatchObject({
      status: 200,
      body: { status: "ok", db: "ok" },
    });
    expect(server.logs().find((line) => line.msg === "server listening")).toMatchObject({ db: "pg" });
  });

  it("answers 503 while PostgreSQL is stopped, and keeps running", async () => {
    await cluster.stop("fast");
    // A good readiness answer stands for 100 ms (modules/health/readiness.ts).
    let health = await getJson(`${server.baseUrl}/healthz`);
    for (let i = 0; i < 50 && health.status !== 503; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await getJson(`${server.baseUrl}/healthz`);
    }
    expect(health).toMatchObject({ status: 503, body: { status: "degraded", db: "down" } });

    // A request that needs the database (a session lookup) is a 503 the app can retry.
    const api = await getJson(`${server.baseUrl}/api/auth/me`, {
      Authorization: "Bearer no-such-session-token-anywhere",
    });
    expect(api.status).toBe(503);
    const body = errorBodySchema.parse(api.body);
    expect(body.code).toBe("DB_UNAVAILABLE");
    expect(body.message).toMatch(/tạm gián đoạn/);
    expect(api.retryAfter).toBe("5");

    // Reference data is answered from memory, read at start: the commune search keeps working.
    const search = await getJson(`${server.baseUrl}/api/units/communes?q=bach%20mai`);
    expect(search).toMatchObject({ status: 200, body: { communes: [{ code: "00292" }] } });
    const detail = await getJson(`${server.baseUrl}/api/units/communes/00292`);
    expect(detail).toMatchObject({ status: 200, body: { code: "00292", provinceName: "Thành phố Hà Nội" } });
    expect(server.exitStatus()).toBeUndefined();
  });

  it("recovers on its own when PostgreSQL is back on the same port", async () => {
    const port = cluster.port;
    await cluster.start();
    expect(cluster.port).toBe(port);
    let health = await getJson(`${server.baseUrl}/healthz`);
    for (let i = 0; i < 50 && health.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      health = await getJson(`${server.baseUrl}/healthz`);
    }
    expect(health).toMatchObject({ status: 200, body: { status: "ok", db: "ok" } });
    const api = await getJson(`${server.baseUrl}/api/units/communes?q=bach%20mai`);
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ communes: [{ code: "00292" }] });
    expect(server.exitStatus()).toBeUndefined();
  });

  it("still shuts down cleanly on SIGTERM", async () => {
    expect(await server.stop()).toEqual({ code: 0, signal: null });
    expect(server.logs().map((line) => line.msg)).toContain("shutdown complete");
  });
});
