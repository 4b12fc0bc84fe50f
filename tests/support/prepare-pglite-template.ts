/**
 * Run as its own process (`node --import tsx tests/support/prepare-pglite-template.ts <DATA_DIR>`):
 * creates DATA_DIR/pglite with the server's migrations and reference data, then exits. A separate
 * process because one PGlite holds hundreds of MB that the test runner should not keep.
 */
import { openDatabase } from "../../bot-server/src/db/client";
import { prepareDatabase } from "../../bot-server/src/db/prepare";
import { createLogger } from "../../bot-server/src/lib/logger";

const dataDir = process.argv[2];
if (!dataDir) {
  process.stderr.write("usage: prepare-pglite-template.ts <DATA_DIR>\n");
  process.exit(2);
}
const logger = createLogger("warn");
const handle = await openDatabase({ driver: "pglite", url: undefined, dataDir, logger });
try {
  await prepareDatabase(handle, logger);
} finally {
  await handle.close();
}
