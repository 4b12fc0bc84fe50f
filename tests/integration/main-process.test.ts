import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { get as httpGet } from "node:http";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { databaseForServer, onPostgres, type ServerDatabase } from "../support/database";
import { freePort } from "../support/free-port";
import { withClient } from "../support/pg-admin";
import { REPO_ROOT, type ServerProcess, spawnServer, startServerProcess } from "../support/server-process";

/** bot-server/src/main.ts as operators run it: start-up failures, SIGTERM, the default PGlite path. */

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function serverWithDatabase(): Promise<{ server: ServerProcess; database: ServerDatabase }> {
  const database = await databaseForServer();
  cleanups.push(() => database.drop());
  const server = await startServerProcess({ env: database.env, dataDir: database.dataDir });
  cleanups.push(async () => {
    await server.stop("SIGKILL");
  });
  return { server, database };
}

function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpGet(url, { agent: false, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

/** A raw HTTP/1.1 keep-alive connection that made one request and now sits idle. */
async function idleKeepAliveConnection(port: number): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect({ port, host: "127.0.0.1" });
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => {});
  await new Promise<void>((resolve, reject) => {
    let received = "";
    socket.once("connect", () => {
      socket.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    });
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString();
      if (received.includes('"db":"ok"}')) resolve();
    });
    socket.once("close", () => reject(new Error(`connection closed early: ${received}`)));
  });
  return { socket, closed };
}

function connectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves with `promise`, or fails naming `what` after `ms` (instead of hanging until the test timeout). */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe("start-up with a bad configuration", () => {
  async function failedStart(env: Record<string, string>) {
    const server = await spawnServer({ env });
    const exit = await Promise.race([server.exited, sleep(30_000).then(() => undefined)]);
    await server.stop("SIGKILL");
    return { exit, stderr: server.stderr(), stdout: server.stdout(), dataDir: server.dataDir };
  }

  it.concurrent("exits 1 naming PORT when PORT=abc", async () => {
    const { exit, stderr, stdout } = await failedStart({ PORT: "abc" });
    expect(exit).toEqual({ code: 1, signal: null });
    expect(stderr).toContain("Cấu hình không hợp lệ");
    expect(stderr).toMatch(/^\s+- PORT: /m);
    expect(stdout).not.toContain("server listening");
  });

  it.concurrent("exits 1 naming every missing production variable when only ZALO_APP_ID is set", async () => {
    const { exit, stderr } = await failedStart({ ZALO_APP_ID: "1234567890" });
    expect(exit).toEqual({ code: 1, signal: null });
    for (const name of [
      "ZALO_APP_SECRET",
      "ZALO_OA_ID",
      "ZALO_OA_SECRET_KEY",
      "ZALO_OA_REFRESH_TOKEN",
      "ZALO_MINI_APP_ID",
      "SESSION_SECRET",
      "DATA_ENCRYPTION_KEY",
    ]) {
      expect(stderr).toContain(`- ${name}: bắt buộc khi đặt ZALO_APP_ID`);
    }
  });

  it.concurrent("exits 1 naming DATABASE_URL when it is not a postgres:// URL", async () => {
    const { exit, stderr } = await failedStart({ DATABASE_URL: "mysql://root@localhost/dvc" });
    expect(exit).toEqual({ code: 1, signal: null });
    expect(stderr).toMatch(/- DATABASE_URL: phải bắt đầu bằng postgres:\/\//);
  });

  it.concurrent("exits 1 with a message when the database cannot be reached", async () => {
    const port = await freePort();
    const { exit, stderr } = await failedStart({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/dvc` });
    expect(exit).toEqual({ code: 1, signal: null });
    expect(stderr).toContain("Không khởi động được máy chủ");
  });
});

describe("SIGTERM", () => {
  it.skipIf(!onPostgres())(
    "lets an in-flight request finish, closes idle keep-alive connections, exits 0",
    async () => {
      const { server, database } = await serverWithDatabase();
      const { url } = database;
      if (!url) throw new Error("expected a PostgreSQL URL");
      const idle = await idleKeepAliveConnection(server.port);

      // Hold the request inside the server: its query waits for a lock this test holds.
      const locker = new pg.Client({ connectionString: url });
      locker.on("error", () => {});
      await locker.connect();
      cleanups.push(() => locker.end().catch(() => {}));
      await locker.query("begin");
      // A session lookup: communes are answered from memory, read at start (modules/units).
      await locker.query("lock table citizen_sessions in access exclusive mode");
      let finished = false;
      const inFlight = get(`${server.baseUrl}/api/auth/me`, {
        Authorization: "Bearer no-such-session-token-anywhere",
      }).finally(() => {
        finished = true;
      });
      await until("the request to wait for the lock", () =>
        withClient(url, async (client) => {
          const { rows } = await client.query<{ n: number }>(
            "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          return (rows[0]?.n ?? 0) > 0;
        }),
      );

      server.kill("SIGTERM");
      await until("the shutdown to begin", () =>
        server.logs().some((line) => line.msg === "shutting down: finishing in-flight requests"),
      );
      await within(idle.closed, 3_000, "closing the idle keep-alive connection"); // closed at once…
      expect(await connectionRefused(server.port)).toBe(true); // …no new connection is accepted…
      await sleep(300);
      expect(finished).toBe(false); // …and the in-flight request is still being served.
      expect(server.exitStatus()).toBeUndefined();

      await locker.query("rollback");
      const response = await within(inFlight, 5_000, "the in-flight response");
      expect(response.status).toBe(401);
      expect(JSON.parse(response.body)).toMatchObject({ code: "UNAUTHENTICATED" });
      const exit = await Promise.race([server.exited, sleep(5_000).then(() => "still running")]);
      expect(exit).toEqual({ code: 0, signal: null });
      expect(server.logs().map((line) => line.msg)).toContain("shutdown complete");
    },
  );

  it("exits 0 promptly with an idle keep-alive connection open", async () => {
    const { server } = await serverWithDatabase();
    const idle = await idleKeepAliveConnection(server.port);
    const response = await get(`${server.baseUrl}/api/units/communes?q=hang%20bai`);
    expect(response.status).toBe(200);
    const started = Date.now();
    const exit = await server.stop("SIGTERM", 10_000);
    expect(exit).toEqual({ code: 0, signal: null });
    // Far below the 20 s grace period: idle connections do not hold the shutdown.
    expect(Date.now() - started).toBeLessThan(5_000);
    await within(idle.closed, 3_000, "closing the idle keep-alive connection");
    expect(
      server.logs().some((line) => line.msg === "shutdown grace period over: closing remaining connections"),
    ).toBe(false);
  });
});

describe("default embedded database (no DATABASE_URL)", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "dvc-default-path-"));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const indexHtml = join(REPO_ROOT, "mini-app", "www", "index.html");
  const secretsFile = join(dataDir, "secrets.json");
  let first: ServerProcess | undefined;
  let secrets = "";

  it("starts on PGlite in a fresh DATA_DIR, generating sandbox secrets", async () => {
    const started = Date.now();
    first = await startServerProcess({ dataDir, readyTimeoutMs: 60_000 });
    cleanups.push(async () => {
      await first?.stop("SIGKILL");
    });
    expect(Date.now() - started).toBeLessThan(60_000);
    const messages = first.logs().map((line) => line.msg);
    expect(messages).toContain("reference data seeded");
    expect(first.logs().find((line) => line.msg === "server listening")).toMatchObject({
      db: "pglite",
      mode: "sandbox",
    });
    expect(readdirSync(join(dataDir, "pglite")).length).toBeGreaterThan(0);
    secrets = readFileSync(secretsFile, "utf8");
    expect(Object.keys(JSON.parse(secrets) as object).sort()).toEqual([
      "DATA_ENCRYPTION_KEY",
      "SESSION_SECRET",
      "ZALO_APP_SECRET",
      "ZALO_OA_REFRESH_TOKEN",
      "ZALO_OA_SECRET_KEY",
    ]);
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
    const response = await get(`${first.baseUrl}/api/units/communes?q=bach%20mai`);
    expect(JSON.parse(response.body)).toMatchObject({ communes: [{ code: "00292" }] });
  });

  it.skipIf(!existsSync(indexHtml))("serves the Mini App's HTML at / and at client routes", async () => {
    if (!first) throw new Error("server not started");
    for (const path of ["/", "/citizen/procedures"]) {
      const response = await fetch(`${first.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
      expect(await response.text()).toMatch(/<html/i);
    }
  });

  it("restarts on the same DATA_DIR, reusing the database and the secrets", async () => {
    if (!first) throw new Error("server not started");
    expect(await first.stop()).toEqual({ code: 0, signal: null });
    const second = await startServerProcess({ dataDir, readyTimeoutMs: 60_000 });
    cleanups.push(async () => {
      await second.stop("SIGKILL");
    });
    expect(second.logs().map((line) => line.msg)).not.toContain("reference data seeded");
    expect(readFileSync(secretsFile, "utf8")).toBe(secrets);
    const response = await get(`${second.baseUrl}/api/units/communes/00082`);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ name: "Phường Cửa Nam" });
    expect(await second.stop()).toEqual({ code: 0, signal: null });
  });
});
