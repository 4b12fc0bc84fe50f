import { CATALOG } from "@dvc/shared";
import { sql } from "drizzle-orm";
import type { Logger } from "../lib/logger";
import { syncCatalog } from "../modules/procedures/catalog-sync";
import type { DatabaseHandle } from "./client";
import { seedAdminUnits } from "./seed/admin-units";

/** Everything a database needs before the server may use it: schema, reference data, the catalog. */
export async function prepareDatabase(database: DatabaseHandle, logger: Logger): Promise<void> {
  await database.migrate();
  await seedAdminUnits(database.db, logger);
  await syncCatalog(database.db, CATALOG, logger);
  // The catalog is a few dozen rows, below autovacuum's analyze threshold (50 changes): without
  // statistics the planner misjudges every dossier query joined to it, and the officer inbox reads a
  // commune's whole queue instead of stopping at its first page (tests/bench/officer-inbox.bench.ts).
  await database.db.execute(sql`analyze procedure_versions`);
}
