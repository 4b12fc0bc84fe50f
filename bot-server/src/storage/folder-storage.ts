import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type FileStorage, STORAGE_KEY_PATTERN } from "./file-storage";

/** File bytes under DATA_DIR/files/<key>, for a single node with a persistent disk. */
export function folderFileStorage(dataDir: string): FileStorage {
  const root = join(dataDir, "files");
  // The key becomes a file name: refuse anything that could climb out of the folder.
  const pathOf = (key: string) => {
    if (!STORAGE_KEY_PATTERN.test(key)) throw new Error("invalid storage key");
    return join(root, key);
  };
  return {
    async put(key, bytes) {
      await mkdir(root, { recursive: true, mode: 0o700 });
      // "wx": never overwrite, a key names one upload for its whole life.
      await writeFile(pathOf(key), bytes, { flag: "wx", mode: 0o600 });
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
