import { eq, sql } from "drizzle-orm";
import type { Logger } from "../../lib/logger";
import type { Database } from "../client";
import { communePredecessors, communes, dataSeeds, provinces } from "../schema";
import { readAdminUnits } from "./admin-units-data";

const SEED_NAME = "vn-admin-2025";
const BATCH_ROWS = 500;

/**
 * Writes provinces, communes and Hà Nội's old-unit mapping. Idempotent (upserts), and skipped entirely
 * when the data files have not changed since the last run, so start-up stays fast.
 */
export async function seedAdminUnits(db: Database, logger: Logger): Promise<"seeded" | "unchanged"> {
  const data = readAdminUnits();
  const [previous] = await db.select().from(dataSeeds).where(eq(dataSeeds.name, SEED_NAME));
  if (previous?.checksum === data.checksum) return "unchanged";

  await db.transaction(async (tx) => {
    await tx
      .insert(provinces)
      .values(data.provinces)
      .onConflictDoUpdate({
        target: provinces.code,
        set: { name: sql`excluded.name`, type: sql`excluded.type` },
      });
    for (const batch of chunks(data.communes, BATCH_ROWS)) {
      await tx
        .insert(communes)
        .values(batch)
        .onConflictDoUpdate({
          target: communes.code,
          set: {
            provinceCode: sql`excluded.province_code`,
            name: sql`excluded.name`,
            type: sql`excluded.type`,
            searchText: sql`excluded.search_text`,
          },
        });
    }
    await tx.delete(communePredecessors);
    for (const batch of chunks(data.predecessors, BATCH_ROWS)) {
      await tx.insert(communePredecessors).values(batch);
    }
    await tx
      .insert(dataSeeds)
      .values({ name: SEED_NAME, checksum: data.checksum })
      .onConflictDoUpdate({
        target: dataSeeds.name,
        set: { checksum: data.checksum, appliedAt: new Date() },
      });
  });
  logger.info("reference data seeded", {
    seed: SEED_NAME,
    provinces: data.provinces.length,
    communes: data.communes.length,
    predecessors: data.predecessors.length,
  });
  return "seeded";
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
