import type { AppDeps } from "./http/env";
import { purgeStaleDrafts } from "./modules/drafts/retention";
import { purgeOldChatMessages } from "./modules/events/retention";
import { defaultFileStorage, drainStorageDeletions } from "./storage";

/** Retention runs a few times a day; every node may run it (the deletes are idempotent). */
const EVERY_MS = 6 * 3600 * 1000;
/** Not during start-up: the first run waits until the node is serving. */
const FIRST_RUN_AFTER_MS = 60 * 1000;

/** Periodic clean-up promised to citizens (drafts, chat messages). Returns a stop function for shutdown. */
export function startHousekeeping({ database, config, logger }: AppDeps): () => void {
  const storage = defaultFileStorage({ db: database.db, dataDir: config.dataDir });
  const run = async () => {
    try {
      const purged = await purgeStaleDrafts(database.db, storage);
      if (purged > 0) logger.info("stale drafts purged", { purged });
      const chat = await purgeOldChatMessages(database.db);
      if (chat > 0) logger.info("old chat messages purged", { purged: chat });
      // Bytes whose rows were deleted but whose deletion was cut short (a crash between the two).
      const bytes = await drainStorageDeletions(database.db, storage);
      if (bytes > 0) logger.info("queued stored files deleted", { deleted: bytes });
    } catch (error) {
      logger.warn("housekeeping failed; retried at the next run", { error });
    }
  };
  const first = setTimeout(run, FIRST_RUN_AFTER_MS);
  const every = setInterval(run, EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
