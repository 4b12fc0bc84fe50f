/** `npm run db:migrate`: apply the committed migrations and reference data to the configured database. */
import { ConfigError, loadConfig } from "../config";
import { createLogger } from "../lib/logger";
import { openDatabase } from "./client";
import { prepareDatabase } from "./prepare";

try {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { service: "db:migrate" });
  const database = await openDatabase({ ...config.database, dataDir: config.dataDir, logger });
  try {
    await prepareDatabase(database, logger);
  } finally {
    await database.close();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(1);
}
