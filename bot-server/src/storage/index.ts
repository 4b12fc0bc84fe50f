import type { Database } from "../db/client";
import { databaseFileStorage } from "./database-storage";
import type { FileStorage } from "./file-storage";
import { folderFileStorage } from "./folder-storage";

export { drainStorageDeletions, queueStorageDeletions } from "./deletion-queue";
export { type FileStorage, newStorageKey } from "./file-storage";

/**
 * "database" (the default) keeps bytes in `file_blobs`, so every node behind the load balancer sees
 * them and backups hold them; "folder" writes under DATA_DIR/files for a single node with a disk.
 */
export type FileStorageKind = "database" | "folder";

export function createFileStorage(
  kind: FileStorageKind,
  { db, dataDir }: { db: Database; dataDir: string },
): FileStorage {
  return kind === "database" ? databaseFileStorage(db) : folderFileStorage(dataDir);
}

/**
 * The storage the API routes use when none is passed: the database. Choosing "folder" in production
 * needs a FILE_STORAGE variable in config.ts (owned by the configuration module), then passing
 * `createFileStorage(config.fileStorage, …)` here.
 */
export function defaultFileStorage({ db, dataDir }: { db: Database; dataDir: string }): FileStorage {
  return createFileStorage("database", { db, dataDir });
}
