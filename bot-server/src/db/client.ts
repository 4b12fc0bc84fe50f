import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Pool as NeonPool, neonConfig } from "@neondatabase/serverless";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNeon } from "drizzle-orm/neon-serverless";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import ws from "ws";
import type { DatabaseDriver } from "../config";
import type { Logger } from "../lib/logger";
import { migrateDatabase } from "./migrate";
import * as schema from "./schema";

/** The drizzle database every repo receives, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseOptions {
  driver: DatabaseDriver;
  url: string | undefined;
  dataDir: string;
  neonWsProxy?: string | undefined;
  logger: Logger;
}

export interface DatabaseHandle {
  db: Database;
  driver: DatabaseDriver;
  /** Resolves when the database answers a trivial query within PING_TIMEOUT_MS. */
  ping(): Promise<void>;
  /** Applies the committed drizzle migrations (serialised across nodes by an advisory lock). */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const PING_TIMEOUT_MS = 2_000;
/** Fail an API call fast (→ 503) instead of hanging when the database is away. */
const CONNECT_TIMEOUT_MS = 3_000;
const POOL_MAX = 10;

/** One factory: no URL → embedded PGlite in DATA_DIR; postgres:// → node-postgres; Neon → WebSocket Pool. */
export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  switch (options.driver) {
    case "pglite":
      return openPglite(options);
    case "pg":
      return openPool(options, new pg.Pool(poolConfig(options)), "pg");
    case "neon":
      configureNeon(options.neonWsProxy);
      return openPool(options, new NeonPool(poolConfig(options)), "neon");
  }
}

function poolConfig(options: DatabaseOptions) {
  if (!options.url) throw new Error(`DATABASE_URL is required for the ${options.driver} driver`);
  return { connectionString: options.url, max: POOL_MAX, connectionTimeoutMillis: CONNECT_TIMEOUT_MS };
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  // PGlite does not create missing parent folders.
  const dir = join(options.dataDir, "pglite");
  mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database;
  return {
    db,
    driver: "pglite",
    ping: () => withTimeout(db.execute(sql`select 1`), PING_TIMEOUT_MS),
    migrate: () => migrateDatabase(db, { logger: options.logger }),
    close: () => client.close(),
  };
}

type AnyPool = pg.Pool | NeonPool;

function openPool(options: DatabaseOptions, pool: AnyPool, driver: "pg" | "neon"): DatabaseHandle {
  // An idle client losing its connection emits 'error' on the pool; without a listener Node would crash.
  // The pool replaces the client on the next query, which is how the server recovers without a restart.
  (pool as pg.Pool).on("error", (error: Error) => {
    options.logger.warn("database connection lost", { error, driver });
  });
  // A client checked out of the pool (a transaction: a worker's claim, the notice dispatcher) has no
  // pool listener while it is out: its connection dropping emitted an 'error' nobody heard, and Node
  // exited. The statement in flight rejects anyway (the caller sees that failure), and the pool drops
  // the broken client when it comes back; this listener only keeps the process alive.
  (pool as pg.Pool).on("connect", (client: pg.PoolClient) => {
    client.on("error", () => undefined);
    releaseOnFailedBegin(client);
  });
  const wrap = (client: pg.Pool | pg.PoolClient) =>
    (driver === "pg"
      ? drizzleNodePg(client as pg.Pool, { schema, casing: "snake_case" })
      : drizzleNeon(client as unknown as NeonPool, { schema, casing: "snake_case" })) as unknown as Database;
  const db = wrap(pool as pg.Pool);
  return {
    db,
    driver,
    ping: () => withTimeout(db.execute(sql`select 1`), PING_TIMEOUT_MS),
    migrate: async () => {
      const client = await (pool as pg.Pool).connect();
      try {
        await migrateDatabase(wrap(client), { logger: options.logger, lockSession: client });
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

function configureNeon(wsProxy: string | undefined): void {
  // Node 20 has no global WebSocket the driver can use.
  neonConfig.webSocketConstructor = ws;
  if (wsProxy) {
    // Running the Neon driver against a plain PostgreSQL through a local WebSocket→TCP proxy
    // (tests, self-hosting); Neon's own endpoints need none of this.
    neonConfig.wsProxy = (host, port) => `${wsProxy}?address=${host}:${port}`;
    neonConfig.useSecureWebSocket = false;
    neonConfig.pipelineTLS = false;
    neonConfig.pipelineConnect = false;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error("database ping timed out"), { code: "ETIMEDOUT" })),
      ms,
    );
  });
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * drizzle-orm 0.45's transaction (node-postgres and neon-serverless session.js) sends `begin` before its
 * try/finally: when `begin` fails (a pooled connection the database has just closed) the client is never
 * released. The pool then shrinks by one for good, and pool.end() waits for it forever: after a database
 * restart, SIGTERM let the process slip out without "shutdown complete". A failed `begin` hands its
 * client back here, destroyed (release with an error); the caller still gets the failure.
 */
function releaseOnFailedBegin(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const patched = (...args: unknown[]): unknown => {
    const result = query(...args);
    if (isBegin(args[0]) && result instanceof Promise) {
      result.catch((error: unknown) => {
        try {
          client.release(error instanceof Error ? error : true);
        } catch {
          // Released already by whoever held it (our migrate's finally): nothing is leaking.
        }
      });
    }
    return result;
  };
  Object.assign(client, { query: patched });
}

function isBegin(query: unknown): boolean {
  const text =
    typeof query === "string"
      ? query
      : typeof query === "object" && query !== null && "text" in query
        ? String(query.text)
        : "";
  return /^\s*begin\b/i.test(text);
}
