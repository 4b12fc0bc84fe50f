import { afterAll, describe, expect, it } from "vitest";
import { SANDBOX_BANNER_TEXT } from "../../bot-server/src/http/sandbox-banner";
import { databaseForServer } from "../support/database";
import { type ServerProcess, spawnServer, startServerProcess } from "../support/server-process";

/** Sandbox mode mounts the Zalo stand-in at /sandbox; production mode must not have it at all. */

const PRODUCTION_ENV = {
  ZALO_APP_ID: "1234567890123456789",
  ZALO_APP_SECRET: "app-secret",
  ZALO_OA_ID: "9876543210",
  ZALO_OA_SECRET_KEY: "oa-secret-key",
  ZALO_OA_REFRESH_TOKEN: "refresh-token",
  ZALO_MINI_APP_ID: "5555555555",
  SESSION_SECRET: "s".repeat(48),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function start(env: Record<string, string>): Promise<ServerProcess> {
  const database = await databaseForServer();
  cleanups.push(() => database.drop());
  const server = await startServerProcess({ env: { ...database.env, ...env }, dataDir: database.dataDir });
  cleanups.push(() => server.stop("SIGKILL"));
  return server;
}

describe("modes", () => {
  it("sandbox mode serves the sandbox page, its info pointing the Zalo hosts at this server", async () => {
    const server = await start({});
    const page = await fetch(`${server.baseUrl}/sandbox`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Zalo sandbox");
    const info = (await (await fetch(`${server.baseUrl}/sandbox/api/info`)).json()) as {
      mode: string;
      baseUrls: Record<string, string>;
    };
    expect(info.mode).toBe("sandbox");
    expect(info.baseUrls.graph).toBe(`${server.baseUrl}/sandbox/graph`);
    const messages = (await (await fetch(`${server.baseUrl}/sandbox/api/messages`)).json()) as {
      messages: unknown[];
    };
    expect(messages.messages).toEqual([]);
  });

  it("production mode has no /sandbox route at all", async () => {
    const server = await start(PRODUCTION_ENV);
    for (const path of ["/sandbox", "/sandbox/api/info", "/sandbox/api/messages"]) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe("NOT_FOUND");
    }
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });

  it("NODE_ENV=production without the Zalo variables refuses to start, naming them", async () => {
    const database = await databaseForServer();
    cleanups.push(() => database.drop());
    const server = await spawnServer({
      env: { ...database.env, NODE_ENV: "production" },
      dataDir: database.dataDir,
    });
    cleanups.push(() => server.stop("SIGKILL"));
    const exit = await server.exited;
    expect(exit.code).not.toBe(0);
    for (const name of ["ZALO_APP_ID", "ZALO_OA_SECRET_KEY", "DATA_ENCRYPTION_KEY"])
      expect(server.output()).toContain(name);
    expect(server.output()).toContain("SANDBOX=1");
  });

  it("NODE_ENV=production with SANDBOX=1 serves the sandbox and says so on every page", async () => {
    const server = await start({ NODE_ENV: "production", SANDBOX: "1" });
    for (const path of ["/sandbox", "/", "/ho-so/00292-K7M4-RX26"]) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("Content-Type"), path).toMatch(/^text\/html/);
      const page = await response.text();
      expect(page, path).toContain(SANDBOX_BANNER_TEXT);
      expect(page, path).toMatch(/<\/html>\s*$/);
    }
    const api = await fetch(`${server.baseUrl}/healthz`);
    expect(api.headers.get("X-DVC-Sandbox")).toBe("1");
    expect(server.logs().some((line) => String(line.msg).includes("SANDBOX=1"))).toBe(true);
  });
});
