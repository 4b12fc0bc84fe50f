import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The repository root, found by walking up from this file to the folder holding drizzle/. Works the same
 * when run from sources (tsx) and from the bundled server (bot-server/dist).
 */
function findRepoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, "drizzle", "meta", "_journal.json"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error("Không tìm thấy thư mục drizzle/ của dự án (repository root)");
}

export const REPO_ROOT = findRepoRoot();
export const MIGRATIONS_DIR = join(REPO_ROOT, "drizzle");
export const MINI_APP_BUILD_DIR = join(REPO_ROOT, "mini-app", "www");
/** The /sandbox page's own build: apart from MINI_APP_BUILD_DIR, which production serves at "/". */
export const SANDBOX_PAGE_BUILD_DIR = join(REPO_ROOT, "mini-app", "www-sandbox");
export const REFERENCE_DATA_DIR = join(REPO_ROOT, "bot-server", "data");
