import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "../../bot-server/src/db/client";
import { createLogger, type Logger } from "../../bot-server/src/lib/logger";
import { createDatabase, databaseUrl, dropDatabase } from "./pg-admin";
import type { TestDatabaseInfo, TestDatabaseMode } from "./provided-context";

/**
 * Per-file test databases, copied from the template postgres-global-setup.ts prepared:
 * `CREATE DATABASE … TEMPLATE …` on PostgreSQL (milliseconds), a copied folder on PGlite (under a second).
 */

export function testDatabaseInfo(): TestDatabaseInfo {
  const info = inject("testDatabase") as TestDatabaseInfo | undefined;
  if (!info) {
    throw new Error(
      "No test database: use tests/support/database.ts only in projects whose globalSetup is tests/support/postgres-global-setup.ts",
    );
  }
  return info;
}

/** True when tests run on a PostgreSQL server (a cluster or TEST_DATABASE_URL), false on PGlite. */
export function onPostgres(): boolean {
  return testDatabaseInfo().mode !== "pglite";
}

function uniqueName(info: TestDatabaseInfo): string {
  return `${info.databasePrefix}_${Math.random().toString(36).slice(2, 10)}`;
}

const quietLogger = createLogger("warn");

export interface FreshDatabase {
  mode: TestDatabaseMode;
  /** postgres:// URL of this database; undefined on PGlite. */
  url: string | undefined;
  handle: DatabaseHandle;
  /** Closes the handle and removes the database. */
  drop(): Promise<void>;
}

export interface FreshDatabaseOptions {
  /** A database with no tables at all, to run the migrations on (default: migrated and seeded). */
  empty?: boolean;
  logger?: Logger;
}

/** A database of this test file's own, opened with the server's openDatabase. Call drop() in afterAll. */
export async function freshDatabase(options: FreshDatabaseOptions = {}): Promise<FreshDatabase> {
  const info = testDatabaseInfo();
  const logger = options.logger ?? quietLogger;
  if (info.mode === "pglite") {
    const dataDir = pgliteDataDir(info, options.empty ?? false);
    const handle = await openDatabase({ driver: "pglite", url: undefined, dataDir, logger });
    return {
      mode: info.mode,
      url: undefined,
      handle,
      drop: async () => {
        await handle.close().catch(() => {});
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const { adminUrl, name, url } = await createPostgresDatabase(info, options.empty ?? false);
  const handle = await openDatabase({ driver: "pg", url, dataDir: tmpdir(), logger });
  return {
    mode: info.mode,
    url,
    handle,
    drop: async () => {
      await handle.close().catch(() => {});
      await dropDatabase(adminUrl, name);
    },
  };
}

export interface ServerDatabase {
  mode: TestDatabaseMode;
  /** Environment for the server process: DATABASE_URL on PostgreSQL, nothing on PGlite. */
  env: Record<string, string>;
  /** A fresh DATA_DIR for the server (on PGlite it already holds the migrated, seeded database). */
  dataDir: string;
  url: string | undefined;
  /** Removes the database and the DATA_DIR (stop the server first). */
  drop(): Promise<void>;
}

/** A database for a server started as a child process (see server-process.ts): not opened here. */
export async function databaseForServer(options: { empty?: boolean } = {}): Promise<ServerDatabase> {
  const info = testDatabaseInfo();
  if (info.mode === "pglite") {
    const dataDir = pgliteDataDir(info, options.empty ?? false);
    return {
      mode: info.mode,
      env: {},
      dataDir,
      url: undefined,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const { adminUrl, name, url } = await createPostgresDatabase(info, options.empty ?? false);
  const dataDir = mkdtempSync(join(tmpdir(), "dvc-server-data-"));
  return {
    mode: info.mode,
    env: { DATABASE_URL: url },
    dataDir,
    url,
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase(adminUrl, name);
    },
  };
}

async function createPostgresDatabase(info: TestDatabaseInfo, empty: boolean) {
  const { adminUrl, templateName } = info;
  if (!adminUrl || !templateName) throw new Error(`test database info is incomplete for mode ${info.mode}`);
  const name = uniqueName(info);
  await createDatabase(adminUrl, name, empty ? "template0" : templateName);
  return { adminUrl, name, url: databaseUrl(adminUrl, name) };
}

/** A new DATA_DIR; unless empty, its pglite/ folder is a copy of the migrated, seeded template. */
function pgliteDataDir(info: TestDatabaseInfo, empty: boolean): string {
  const dataDir = mkdtempSync(join(tmpdir(), "dvc-pglite-"));
  if (empty) {
    mkdirSync(join(dataDir, "pglite"));
  } else {
    if (!info.pgliteTemplateDir) throw new Error("PGlite template folder missing");
    cpSync(join(info.pgliteTemplateDir, "pglite"), join(dataDir, "pglite"), { recursive: true });
  }
  return dataDir;
}
