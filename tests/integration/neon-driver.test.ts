import { tmpdir } from "node:os";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../bot-server/src/db/client";
import { communes, provinces } from "../../bot-server/src/db/schema";
import { seedAdminUnits } from "../../bot-server/src/db/seed/admin-units";
import { createLogger } from "../../bot-server/src/lib/logger";
import { searchCommunes } from "../../bot-server/src/modules/units/service";
import { databaseForServer, type FreshDatabase, freshDatabase, onPostgres } from "../support/database";
import { startServerProcess } from "../support/server-process";
import { startWsTcpProxy, type WsTcpProxy } from "../support/ws-tcp-proxy";

/**
 * The Neon driver (@neondatabase/serverless WebSocket Pool, production's driver) against the test
 * PostgreSQL through a local WebSocket→TCP proxy, as NEON_WS_PROXY configures it.
 */

const available = onPostgres();
if (!available) {
  console.warn(
    "⚠ neon-driver.test.ts skipped: it needs a PostgreSQL server (no initdb, no TEST_DATABASE_URL).",
  );
}

describe.skipIf(!available)("Neon driver through a WebSocket→TCP proxy", () => {
  const logger = createLogger("warn");
  let proxy: WsTcpProxy;
  let target: FreshDatabase;
  let neon: DatabaseHandle;
  let pgPort: string;

  beforeAll(async () => {
    proxy = await startWsTcpProxy();
    target = await freshDatabase({ empty: true });
    if (!target.url) throw new Error("expected a PostgreSQL URL");
    pgPort = new URL(target.url).port;
    neon = await openDatabase({
      driver: "neon",
      url: target.url,
      dataDir: tmpdir(),
      neonWsProxy: proxy.address,
      logger,
    });
  });

  afterAll(async () => {
    await neon?.close();
    await proxy?.close();
    await target?.drop();
  });

  it("migrates an empty database, every byte through the proxy", async () => {
    expect(neon.driver).toBe("neon");
    await neon.migrate();
    expect(proxy.connectionCount()).toBeGreaterThanOrEqual(1);
    expect(new Set(proxy.targets())).toEqual(new Set([`127.0.0.1:${pgPort}`]));
    expect(proxy.bytes().down).toBeGreaterThan(0);
    // The tables exist, seen from the plain pg connection.
    const [row] = await target.handle.db.select({ n: count() }).from(provinces);
    expect(row?.n).toBe(0);
  });

  it("seeds and reads reference data", async () => {
    expect(await seedAdminUnits(neon.db, logger)).toBe("seeded");
    const [row] = await neon.db.select({ n: count() }).from(communes);
    expect(row?.n).toBe(3321);
    const [bachMai] = await neon.db.select().from(communes).where(eq(communes.code, "00292"));
    expect(bachMai).toMatchObject({ name: "Phường Bạch Mai", provinceCode: "01" });
    const { communes: found } = await searchCommunes(neon.db, { q: "hang bai" });
    expect(found[0]?.code).toBe("00082");
  });

  it("rolls a failed transaction back", async () => {
    const before = proxy.bytes().up;
    await expect(
      neon.db.transaction(async (tx) => {
        await tx.insert(provinces).values({ code: "99", name: "Tỉnh thử nghiệm", type: "Tỉnh" });
        const inside = await tx.select().from(provinces).where(eq(provinces.code, "99"));
        expect(inside).toHaveLength(1);
        throw new Error("roll back, please");
      }),
    ).rejects.toThrow("roll back, please");
    expect(proxy.bytes().up).toBeGreaterThan(before);
    expect(await neon.db.select().from(provinces).where(eq(provinces.code, "99"))).toEqual([]);
    expect(await target.handle.db.select().from(provinces).where(eq(provinces.code, "99"))).toEqual([]);
  });

  it("commits a successful transaction", async () => {
    await neon.db.transaction(async (tx) => {
      await tx.update(provinces).set({ type: "Thành phố" }).where(eq(provinces.code, "01"));
      await tx
        .update(provinces)
        .set({ type: "Thành phố trực thuộc trung ương" })
        .where(eq(provinces.code, "01"));
    });
    const [hanoi] = await target.handle.db.select().from(provinces).where(eq(provinces.code, "01"));
    expect(hanoi?.type).toBe("Thành phố trực thuộc trung ương");
  });

  it("answers ping", async () => {
    await expect(neon.ping()).resolves.toBeUndefined();
  });

  it("serves the API from a server process started with DB_DRIVER=neon and NEON_WS_PROXY", async () => {
    const database = await databaseForServer();
    const connectionsBefore = proxy.connectionCount();
    const server = await startServerProcess({
      env: { ...database.env, DB_DRIVER: "neon", NEON_WS_PROXY: proxy.address },
      dataDir: database.dataDir,
    });
    try {
      expect(server.logs().find((line) => line.msg === "server listening")).toMatchObject({ db: "neon" });
      const response = await fetch(`${server.baseUrl}/api/units/communes?q=bach%20mai`);
      expect(response.status).toBe(200);
      const body = (await response.json()) as { communes: { code: string }[] };
      expect(body.communes[0]?.code).toBe("00292");
      expect(proxy.connectionCount()).toBeGreaterThan(connectionsBefore);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    } finally {
      await server.stop("SIGKILL");
      await database.drop();
    }
  });

  it("answers 503 while the database is unreachable through Neon's path, and recovers", async () => {
    const ownProxy = await startWsTcpProxy();
    const database = await databaseForServer();
    const server = await startServerProcess({
      env: { ...database.env, DB_DRIVER: "neon", NEON_WS_PROXY: ownProxy.address },
      dataDir: database.dataDir,
    });
    let revived: WsTcpProxy | undefined;
    try {
      await ownProxy.close();
      // A good readiness answer stands for 100 ms (modules/health/readiness.ts).
      let health = await fetch(`${server.baseUrl}/healthz`);
      for (let i = 0; i < 50 && health.status !== 503; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        health = await fetch(`${server.baseUrl}/healthz`);
      }
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: "degraded", db: "down" });
      // A session lookup needs the database; the commune search is answered from memory.
      const session = { headers: { Authorization: "Bearer no-such-session-token-anywhere" } };
      const api = await fetch(`${server.baseUrl}/api/auth/me`, session);
      expect(api.status).toBe(503);
      expect(await api.json()).toMatchObject({ code: "DB_UNAVAILABLE" });
      expect((await fetch(`${server.baseUrl}/api/units/communes?q=bach%20mai`)).status).toBe(200);
      expect(server.exitStatus()).toBeUndefined();

      revived = await startWsTcpProxy({ port: ownProxy.port });
      let status = 0;
      for (let i = 0; i < 50 && status !== 401; i++) {
        status = (await fetch(`${server.baseUrl}/api/auth/me`, session)).status;
        if (status !== 401) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(401);
      expect(await server.stop()).toEqual({ code: 0, signal: null });
    } finally {
      await server.stop("SIGKILL");
      await revived?.close();
      await database.drop();
    }
  });
});
