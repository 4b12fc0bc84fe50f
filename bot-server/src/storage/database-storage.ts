import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { fileBlobs } from "../db/schema";
import type { FileStorage } from "./file-storage";

/** File bytes in PostgreSQL (bytea): no extra service to run, shared by every node. */
export function databaseFileStorage(db: Database): FileStorage {
  return {
    async put(key, bytes) {
      await db.insert(fileBlobs).values({ storageKey: key, data: Buffer.from(bytes) });
    },
    async get(key) {
      const [row] = await db
        .select({ data: fileBlobs.data })
        .from(fileBlobs)
        .where(eq(fileBlobs.storageKey, key));
      return row?.data;
    },
    async delete(key) {
      await db.delete(fileBlobs).where(eq(fileBlobs.storageKey, key));
    },
  };
}
