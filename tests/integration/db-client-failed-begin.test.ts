import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDatabase, freshDatabase } from "../support/database";

/**
 * A transaction whose `begin` fails must give its pooled connection back (db/client.ts
 * releaseOnFailedBegin): drizzle sends `begin` outside its try/finally, and a connection kept forever
 * made pool.end() wait forever, so a shutdown after a database restart never completed. A `begin` the
 * server refuses (an isolation level it does not know) stands in for one on a connection it just closed.
 */

let database: FreshDatabase;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.drop();
});

describe("a transaction whose begin fails", () => {
  it("fails, keeps no connection, and the pool still closes", async () => {
    const db = database.handle.db;
    const refusedBegin = { isolationLevel: "not a level" } as unknown as Parameters<typeof db.transaction>[1];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await expect(db.transaction(async () => undefined, refusedBegin)).rejects.toThrow();
    }
    // Still usable: a leaked connection per failure would, at the pool's size, hang every query.
    await db.transaction(async (tx) => tx.execute(sql`select 1`));
    const closed = await Promise.race([
      database.handle.close().then(() => "closed"),
      new Promise<string>((resolve) => setTimeout(() => resolve("still waiting"), 5_000).unref()),
    ]);
    expect(closed).toBe("closed");
  });
});
