import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../http/env";
import { AppError } from "../lib/errors";

/**
 * The /sandbox page: a phone-like Zalo chat in which you are a resident of the commune talking to its
 * Official Account. Its code is React in mini-app/src/sandbox-page, built by Vite on its own
 * (mini-app/vite.sandbox.config.ts) into a folder of its own, never into the Mini App's mini-app/www:
 * production mode does not mount these routes, so no production server can hand out these files.
 * The build's HTML loads one same-origin module script and one stylesheet (the page CSP forbids inline
 * scripts, http/security-headers.ts); Vite's `base` puts them under /sandbox/assets/.
 */

/** Vite names assets `<name>-<hash>.<ext>`: a plain file name, never a path. */
const ASSET_NAME = /^[\w-]+(\.[\w-]+)*\.(js|css|svg|png|woff2)$/;

const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  woff2: "font/woff2",
};

/** Shown when the page was never built (a checkout that skipped `npm start`), instead of a bare 404. */
const NOT_BUILT_HTML = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Zalo sandbox — chưa dựng trang</title></head>
<body>
<h1>Trang Zalo sandbox chưa được dựng</h1>
<p>Hãy chạy <code>npx tsx scripts/build-mini-app-if-stale.ts</code> (hoặc <code>npm start</code>), rồi tải lại trang.</p>
</body>
</html>`;

export function sandboxPageRoutes(buildDir: string) {
  return (
    new Hono<AppEnv>()
      // Read on every request, like the Mini App's shell: a rebuild shows without a restart.
      .get("/", (c) => {
        const indexFile = join(buildDir, "index.html");
        c.header("Cache-Control", "no-cache");
        if (!existsSync(indexFile)) return c.html(NOT_BUILT_HTML, 503);
        return c.html(readFileSync(indexFile, "utf8"));
      })
      .get("/assets/:file", (c) => {
        const file = c.req.param("file");
        const match = ASSET_NAME.exec(file);
        const path = join(buildDir, "assets", file);
        const type = match?.[2] === undefined ? undefined : CONTENT_TYPES[match[2]];
        if (type === undefined || !existsSync(path)) {
          throw new AppError("NOT_FOUND", "Không có tệp này của trang sandbox.");
        }
        c.header("Content-Type", type);
        // Hashed names never change content.
        c.header("Cache-Control", "public, max-age=31536000, immutable");
        return c.body(readFileSync(path), 200);
      })
  );
}
