/**
 * What tests/support/postgres-global-setup.ts hands to every test file (vitest provide/inject).
 *
 * - "external": TEST_DATABASE_URL was set; databases are created on that server.
 * - "cluster": a throwaway native PostgreSQL cluster started for this run.
 * - "pglite": no PostgreSQL available; each test file gets its own PGlite (a copy of a migrated folder).
 */
export type TestDatabaseMode = "external" | "cluster" | "pglite";

export interface TestDatabaseInfo {
  mode: TestDatabaseMode;
  /** A URL on the server where CREATE DATABASE runs (null on PGlite). */
  adminUrl: string | null;
  /** Every database this run creates starts with it (so teardown can drop leftovers). */
  databasePrefix: string;
  /** The migrated and seeded template database each test database is copied from (null on PGlite). */
  templateName: string | null;
  /** On PGlite: a DATA_DIR whose pglite/ folder is migrated and seeded, to copy per test file. */
  pgliteTemplateDir: string | null;
  /** Folder of initdb/pg_ctl when installed (tests that need a cluster of their own); null otherwise. */
  postgresBinDir: string | null;
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: TestDatabaseInfo;
  }
}
