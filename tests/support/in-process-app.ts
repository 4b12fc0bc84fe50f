import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { createApp } from "../../bot-server/src/app";
import { type Config, loadConfig } from "../../bot-server/src/config";
import type { DatabaseHandle } from "../../bot-server/src/db/client";
import { createSealer, type Sealer } from "../../bot-server/src/lib/crypto";
import { createLogger, type Logger } from "../../bot-server/src/lib/logger";
import { collectLogLines } from "./collected-logs";

/**
 * The server's Hono app built in the test process over a test database (createApp(deps), as main.ts
 * does minus the pages), with a logger that keeps its lines for assertions.
 */

export interface TestApp {
  app: ReturnType<typeof createApp>;
  config: Config;
  logger: Logger;
  /** The sealer the app seals personal data with (same key as config). */
  sealer: Sealer;
  /** Every log line written so far, parsed. */
  logs(): Record<string, unknown>[];
  /** Raw log lines (to assert what is never logged). */
  rawLogs(): string[];
  /** Removes the temporary DATA_DIR (the database belongs to the caller). */
  cleanup(): void;
}

export function buildTestApp(database: DatabaseHandle, env: Record<string, string> = {}): TestApp {
  const dataDir = mkdtempSync(join(tmpdir(), "dvc-app-"));
  const config = loadConfig({ DATA_DIR: dataDir, ...env });
  const lines: string[] = [];
  const logger = createLogger("debug", { service: "test" }, (line) => {
    lines.push(line);
    collectLogLines(line);
  });
  const sealer = createSealer(config.dataEncryptionKey, config.previousDataEncryptionKeys);
  const app = createApp({ config, database, logger, sealer });
  return {
    app,
    config,
    logger,
    sealer,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    rawLogs: () => [...lines],
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export interface ServedApp {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  close(): Promise<void>;
}

/** Serves a fetch handler over real HTTP (@hono/node-server, as the server does) on a free port. */
export async function serveOverHttp(
  fetch: (request: Request) => Response | Promise<Response>,
): Promise<ServedApp> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
