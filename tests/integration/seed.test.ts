import { readFileSync } from "node:fs";
import { join } from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communePredecessors, communes, dataSeeds, provinces } from "../../bot-server/src/db/schema";
import { seedAdminUnits } from "../../bot-server/src/db/seed/admin-units";
import { createLogger } from "../../bot-server/src/lib/logger";
import { MIGRATIONS_DIR } from "../../bot-server/src/lib/paths";
import { type FreshDatabase, freshDatabase } from "../support/database";

/** The reference-data seed on a database with no tables: migrate, seed, seed again. */

const logger = createLogger("warn");
let database: FreshDatabase;

beforeAll(async () => {
  database = await freshDatabase({ empty: true });
  await database.handle.migrate();
});

afterAll(async () => {
  await database?.drop();
});

async function counts() {
  const { db } = database.handle;
  const [p] = await db.select({ n: count() }).from(provinces);
  const [c] = await db.select({ n: count() }).from(communes);
  const [h] = await db.select({ n: count() }).from(communePredecessors);
  return { provinces: p?.n, communes: c?.n, predecessors: h?.n };
}

describe("seedAdminUnits", () => {
  it("seeds 34 provinces and 3,321 communes, then reports 'unchanged'", async () => {
    const { db } = database.handle;
    expect(await counts()).toEqual({ provinces: 0, communes: 0, predecessors: 0 });
    expect(await seedAdminUnits(db, logger)).toBe("seeded");
    const first = await counts();
    expect(first).toMatchObject({ provinces: 34, communes: 3321 });
    expect(first.predecessors).toBeGreaterThan(500);
    const [hanoi] = await db.select({ n: count() }).from(communes).where(eq(communes.provinceCode, "01"));
    expect(hanoi?.n).toBe(126);

    expect(await seedAdminUnits(db, logger)).toBe("unchanged");
    expect(await counts()).toEqual(first);
  });

  it("re-applies over existing rows when the recorded checksum differs, without duplicates", async () => {
    const { db } = database.handle;
    const before = await counts();
    // Pretend an older data set was seeded: changed names and a stale checksum.
    await db.update(communes).set({ name: "Tên cũ" }).where(eq(communes.code, "00292"));
    await db.update(dataSeeds).set({ checksum: "stale" });
    expect(await seedAdminUnits(db, logger)).toBe("seeded");
    expect(await counts()).toEqual(before);
    const [row] = await db.select({ name: communes.name }).from(communes).where(eq(communes.code, "00292"));
    expect(row?.name).toBe("Phường Bạch Mai");
    expect(await seedAdminUnits(db, logger)).toBe("unchanged");
    expect(await counts()).toEqual(before);
  });

  it("runs the migrations again as a no-op", async () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    await database.handle.migrate();
    // Every driver's execute() answers {rows}; the generic PgDatabase type does not say so.
    const result = (await database.handle.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    )) as { rows: unknown[] };
    expect(result.rows[0]).toEqual({ n: journal.entries.length });
  });
});
