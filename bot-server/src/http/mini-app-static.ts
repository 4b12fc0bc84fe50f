import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import type { Hono } from "hono";
import { compress } from "hono/compress";
import type { AppEnv } from "./env";

/** Paths that belong to the server, never to the single-page app's fallback. */
const SERVER_PREFIXES = ["/api", "/webhooks", "/sandbox", "/healthz"];

/**
 * Serves the Mini App's web preview (the Vite build in mini-app/www) at "/", with index.html for any
 * other page path so a reload on a client route still opens the app.
 */
export function mountMiniApp(app: Hono<AppEnv>, buildDir: string): void {
  const indexFile = join(buildDir, "index.html");
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
    const path = c.req.path;
    const isServerPath = SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
    if (isServerPath || /\.[a-z0-9]+$/i.test(path) || !existsSync(indexFile)) return next();
    c.header("Cache-Control", "no-cache");
    return c.html(withRootAssets(readFileSync(indexFile, "utf8")));
  });
}

/**
 * The build links its assets relative to the page ("./assets/…": inside Zalo the app lives under
 * /zapps/<id>/). Served at a deeper address such as /can-bo/ho-so/<code>, that would ask for
 * /can-bo/ho-so/assets/…, so the page served for such addresses links them from the root instead.
 */
function withRootAssets(html: string): string {
  return html.replaceAll('="./assets/', '="/assets/');
}
