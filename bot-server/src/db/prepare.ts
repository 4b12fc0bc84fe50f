import { CATALOG } from "@dvc/shared";
import type { Logger } from "../lib/logger";
import { syncCatalog } from "../modules/procedures/catalog-sync";
import type { DatabaseHandle } from "./client";
import { seedAdminUnits } from "./seed/admin-units";

/** Everything a database needs before the server may use it: schema, reference data, the catalog. */
export async function prepareDatabase(database: DatabaseHandle, logger: Logger): Promise<void> {
  await database.migrate();
  await seedAdminUnits(database.db, logger);
  await syncCatalog(database.db, CATALOG, logger);
}
