import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../bot-server/src/db/client";
import { prepareDatabase } from "../../bot-server/src/db/prepare";
import { createLogger } from "../../bot-server/src/lib/logger";
import { createDatabase, databasesNamed, databaseUrl, dropDatabase, markAsTemplate } from "./pg-admin";
import { findPostgresBinaries, type PostgresCluster, startCluster } from "./pg-cluster";
import type { TestDatabaseInfo } from "./provided-context";

/**
 * vitest globalSetup of the "integration" and "e2e" projects: decides where test databases live and
 * prepares a migrated, seeded template once, so each test file copies it in a few milliseconds.
 *
 * 1. TEST_DATABASE_URL set → that server (CREATE DATABASE rights needed);
 * 2. else initdb found (PATH or /usr/lib/postgresql/<v>/bin) → a throwaway cluster;
 * 3. else PGlite, with a loud notice.
 * TEST_DATABASE_MODE=pglite|cluster forces a mode (to check the fallbacks).
 */

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

function notice(lines: string[]): void {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const bar = "═".repeat(width);
  process.stderr.write(
    `\n╔${bar}╗\n${lines.map((line) => `║  ${line.padEnd(width - 2)}║`).join("\n")}\n╚${bar}╝\n\n`,
  );
}

async function prepareTemplate(adminUrl: string, name: string): Promise<void> {
  await createDatabase(adminUrl, name, "template0");
  const logger = createLogger("warn");
  const handle = await openDatabase({
    driver: "pg",
    url: databaseUrl(adminUrl, name),
    dataDir: tmpdir(),
    logger,
  });
  try {
    await prepareDatabase(handle, logger);
  } finally {
    await handle.close();
  }
  await markAsTemplate(adminUrl, name);
}

function preparePgliteTemplate(dataDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/support/prepare-pglite-template.ts", dataDir],
      {
        cwd: REPO_ROOT,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`PGlite template preparation failed (${code}):\n${output}`)),
    );
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const forced = process.env.TEST_DATABASE_MODE;
  const externalUrl =
    forced === undefined || forced === "external" ? process.env.TEST_DATABASE_URL : undefined;
  const binaries = findPostgresBinaries();
  const prefix = `dvc_t${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
  const templateName = `${prefix}_template`;
  const cleanups: (() => Promise<void> | void)[] = [];
  const info: TestDatabaseInfo = {
    mode: "pglite",
    adminUrl: null,
    databasePrefix: prefix,
    templateName: null,
    pgliteTemplateDir: null,
    postgresBinDir: binaries?.binDir ?? null,
  };

  try {
    if (externalUrl) {
      cleanups.push(async () => {
        for (const name of await databasesNamed(externalUrl, prefix)) await dropDatabase(externalUrl, name);
      });
      await prepareTemplate(externalUrl, templateName);
      Object.assign(info, { mode: "external", adminUrl: externalUrl, templateName });
    } else if (binaries && forced !== "pglite") {
      const cluster: PostgresCluster = await startCluster({ binaries, name: "dvc-test-pg" });
      // If the runner dies without teardown, still stop the cluster and remove its folder.
      const onExit = () => cluster.destroySync();
      process.once("exit", onExit);
      cleanups.push(async () => {
        process.off("exit", onExit);
        await cluster.destroy();
      });
      await prepareTemplate(cluster.url(), templateName).catch((error: unknown) => {
        throw new Error(`Could not prepare the template database: ${String(error)}\n${cluster.log()}`);
      });
      Object.assign(info, { mode: "cluster", adminUrl: cluster.url(), templateName });
    } else {
      if (forced === "cluster") throw new Error("TEST_DATABASE_MODE=cluster but no initdb was found");
      notice([
        forced === "pglite"
          ? "⚠ TEST_DATABASE_MODE=pglite: integration tests run on PGlite."
          : "⚠ No PostgreSQL found: integration tests run on PGlite.",
        "Install PostgreSQL (apt-get install postgresql) or set TEST_DATABASE_URL to test on the real thing;",
        "tests that need a PostgreSQL server (Neon driver, database outage) are skipped.",
      ]);
      const dir = mkdtempSync(join(tmpdir(), "dvc-pglite-template-"));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      await preparePgliteTemplate(dir);
      info.pgliteTemplateDir = dir;
    }
  } catch (error) {
    await teardown(cleanups);
    throw new Error(
      `Test database setup failed (TEST_DATABASE_MODE=pglite runs the tests on PGlite instead):\n${String(error)}`,
    );
  }

  project.provide("testDatabase", info);
  process.stderr.write(
    `[test database] ${info.mode}${info.adminUrl ? ` at ${info.adminUrl}` : ""}, template ready in ${Math.round(performance.now() - started)} ms\n`,
  );

  return () => teardown(cleanups);
}

async function teardown(cleanups: (() => Promise<void> | void)[]): Promise<void> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`[test database] cleanup failed: ${String(error)}\n`);
    }
  }
}
