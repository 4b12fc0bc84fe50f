import type { NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Logger } from "../lib/logger";
import { MIGRATIONS_DIR } from "../lib/paths";
import type { Database } from "./client";

/** Arbitrary constant naming this application's migration lock among other pg_advisory_lock users. */
const MIGRATION_LOCK_KEY = 730_012_025;

interface LockSession {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/**
 * Applies the migrations drizzle-kit generated into drizzle/. Every pg-core driver runs the same
 * dialect.migrate (one transaction over the pending files), so the node-postgres entry point serves all.
 * With a pooled driver, `lockSession` is the dedicated connection `db` runs on: the advisory lock makes
 * several nodes starting together apply each migration once.
 */
export async function migrateDatabase(
  db: Database,
  options: { logger: Logger; lockSession?: LockSession },
): Promise<void> {
  const started = performance.now();
  await options.lockSession?.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
  try {
    await migrate(db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_DIR });
  } finally {
    await options.lockSession?.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  }
  options.logger.info("database migrated", {
    ms: Math.round(performance.now() - started),
  });
}
