import { readFileSync } from "node:fs";
import { join } from "node:path";
import { communeCodeSchema } from "@dvc/shared";
import { type Context, Hono } from "hono";
import type { AppDeps, AppEnv } from "../../../http/env";
import { REPO_ROOT } from "../../../lib/paths";
import { loadCommuneIndex } from "../../units";
import { listPublicNotices } from "../public-notices";
import { BOARD_BASE, boardNotFoundPage, boardPage } from "./page";

/**
 * The notice board: GET /bang-tin/:communeCode (no sign-in), its script, style and service worker.
 * The three files are plain browser files read from the sources (they ship as they are: no build step),
 * the same from tsx and from the bundled server, which runs from the repository (lib/paths.ts).
 */
const ASSET_DIR = join(REPO_ROOT, "bot-server", "src", "modules", "broadcast", "board", "assets");

/** How many notices a board shows: a lobby screen rotates through them, it is not an archive. */
const BOARD_LIMIT = 12;

/**
 * The worker's own CSP: a service worker takes the policy of its script's response, and the API's
 * "default-src 'none'" would forbid it the fetches it exists for (the page, its files, the images).
 */
const WORKER_CSP = "default-src 'none'; connect-src 'self'";

type Asset = { file: string; type: string };
const ASSETS: Readonly<Record<string, Asset>> = {
  "board.js": { file: "board.js", type: "text/javascript; charset=utf-8" },
  "board.css": { file: "board.css", type: "text/css; charset=utf-8" },
  "sw.js": { file: "board-sw.js", type: "text/javascript; charset=utf-8" },
};

const loaded = new Map<string, string>();
function assetText(asset: Asset): string {
  let text = loaded.get(asset.file);
  if (text === undefined) {
    text = readFileSync(join(ASSET_DIR, asset.file), "utf8");
    loaded.set(asset.file, text);
  }
  return text;
}

function serveAsset(c: Context<AppEnv>, name: string): Response {
  const asset = ASSETS[name];
  if (!asset) return c.html(boardNotFoundPage(), 404);
  // Re-checked on every load (a new release's script reaches screens that never reload by hand).
  c.header("Cache-Control", "no-cache");
  c.header("Content-Type", asset.type);
  if (name === "sw.js") c.header("Content-Security-Policy", WORKER_CSP);
  return c.body(assetText(asset));
}

export function boardRoutes({ database }: AppDeps) {
  return (
    new Hono<AppEnv>()
      .get("/:name{board\\.js|board\\.css|sw\\.js}", (c) => serveAsset(c, c.req.param("name")))
      .get("/:communeCode", async (c) => {
        c.header("Cache-Control", "no-cache");
        const code = communeCodeSchema.safeParse(c.req.param("communeCode"));
        const commune = code.success ? (await loadCommuneIndex(database.db)).get(code.data) : undefined;
        if (!code.success || !commune) return c.html(boardNotFoundPage(), 404);
        const now = new Date();
        const notices = await listPublicNotices(database.db, commune.code, now, BOARD_LIMIT);
        return c.html(boardPage({ communeCode: commune.code, communeName: commune.name, notices, now }));
      })
      // Anything else under /bang-tin is no board: said here, not left to the Mini App's page fallback.
      .get("*", (c) => c.html(boardNotFoundPage(), 404))
  );
}

export { BOARD_BASE };
