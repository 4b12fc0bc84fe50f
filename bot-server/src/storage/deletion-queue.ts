import { inArray, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { storageDeletions } from "../db/schema";
import type { FileStorage } from "./file-storage";

/**
 * Deleting a file is two writes in two systems: the `files` row (database) and the bytes (storage). The
 * key goes into `storage_deletions` atomically with the row's deletion, then the bytes are deleted and
 * the key dequeued. A crash in between leaves a queued key, never unreachable bytes nobody will delete.
 */

/** Queues keys inside the caller's transaction (or statement). */
export async function queueStorageDeletions(db: Database, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insert(storageDeletions)
    .values(keys.map((storageKey) => ({ storageKey })))
    .onConflictDoNothing();
}

/** Most keys one drain handles; housekeeping continues where it stopped. */
const DRAIN_BATCH = 500;

/**
 * Deletes the bytes of queued keys (only `keys` when given, else the oldest queued) and dequeues each
 * one whose bytes are gone. Deleting a missing key is not an error, so a replay is harmless. Returns how
 * many were done; a storage failure stops the drain and leaves the rest queued.
 */
export async function drainStorageDeletions(
  db: Database,
  storage: FileStorage,
  keys?: readonly string[],
): Promise<number> {
  const queued = keys
    ? keys
    : (
        await db
          .select({ storageKey: storageDeletions.storageKey })
          .from(storageDeletions)
          .orderBy(storageDeletions.queuedAt)
          .limit(DRAIN_BATCH)
      ).map((row) => row.storageKey);
  let done = 0;
  for (const key of queued) {
    await storage.delete(key);
    await db.delete(storageDeletions).where(inArray(storageDeletions.storageKey, [key]));
    done += 1;
  }
  return done;
}

/** How many keys wait (for tests and the housekeeping log). */
export async function countQueuedDeletions(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(storageDeletions);
  return row?.n ?? 0;
}
