import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { compress } from "hono/compress";
import type { AppEnv } from "./env";

/** Paths that belong to the server, never to the single-page app's fallback. */
const SERVER_PREFIXES = ["/api", "/webhooks", "/sandbox", "/healthz"];

/**
 * Serves the Mini App's web preview (the Vite build in mini-app/www) at "/", with index.html for any
 * other page path so a link or a reload on a client route still opens the app.
 */
export function mountMiniApp(app: Hono<AppEnv>, buildDir: string): void {
  const indexFile = join(buildDir, "index.html");
  const assetFolders = buildFolders(buildDir);
  // A phone on a slow connection downloads a third of the bytes (the JS bundle compresses ~3×).
  app.use("/assets/*", compress());
  app.use(
    "/*",
    serveStatic({
      root: buildDir,
      onFound: (path, c) => {
        // Hashed asset names never change content; the shell must always be re-read.
        c.header(
          "Cache-Control",
          path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
        );
      },
    }),
  );
  app.get("*", async (c, next) => {
    if (!isAppRoute(c.req.path, assetFolders) || !existsSync(indexFile)) return next();
    c.header("Cache-Control", "no-cache");
    return c.html(withRootAssets(readFileSync(indexFile, "utf8")));
  });
}

/**
 * Whether a path not found as a file is one of the app's screens. Screens hold anything, dots included
 * (a procedure code is "1.001193", a dossier code "00082-PLER-3M88"). Files live at the build's root
 * ("/favicon.ico", "/app-config.json") or in one of its folders ("/assets/…"): a missing one is a 404,
 * never the page, or a broken script tag would load HTML. Server paths are never the app's.
 */
export function isAppRoute(path: string, assetFolders: readonly string[] = ["assets"]): boolean {
  const isServerPath = SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  if (isServerPath) return false;
  const segments = path.split("/").filter(Boolean);
  const [first] = segments;
  if (first !== undefined && assetFolders.includes(first)) return false;
  const isRootFile = segments.length === 1 && first !== undefined && /\.[a-z0-9]+$/i.test(first);
  return !isRootFile;
}

/** The build's top-level folders ("assets"): their paths are files, never screens. */
function buildFolders(buildDir: string): string[] {
  const folders = new Set(["assets"]);
  if (existsSync(buildDir)) {
    for (const entry of readdirSync(buildDir, { withFileTypes: true })) {
      if (entry.isDirectory()) folders.add(entry.name);
    }
  }
  return [...folders];
}

/**
 * The build links its files relative to the page ("./assets/…": inside Zalo the app lives under
 * /zapps/<id>/). Served at a deeper address such as /can-bo/ho-so/<code>, that would ask for
 * /can-bo/ho-so/assets/…, so the page served for such addresses links every file from the root:
 * scripts, stylesheets, module preloads and icons alike (any src or href starting "./").
 */
export function withRootAssets(html: string): string {
  return html.replace(/\b(src|href)=(["'])\.\//g, "$1=$2/");
}
