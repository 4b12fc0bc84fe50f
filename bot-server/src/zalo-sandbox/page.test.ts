import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Hono } from "hono";
import { afterAll, describe, expect, it } from "vitest";
import type { AppEnv } from "../http/env";
import { errorHandler } from "../http/error-handler";
import { createLogger } from "../lib/logger";
import { REPO_ROOT } from "../lib/paths";
import { sandboxPageRoutes } from "./page";

/** The page's built files, as Vite leaves them, in a throwaway folder. */
const built = mkdtempSync(join(tmpdir(), "sandbox-page-"));
mkdirSync(join(built, "assets"));
writeFileSync(
  join(built, "index.html"),
  '<!doctype html><html lang="vi"><head><title>Zalo sandbox</title><script type="module" crossorigin src="/sandbox/assets/index-Ab12.js"></script></head><body><div id="root"></div></body></html>',
);
writeFileSync(join(built, "assets", "index-Ab12.js"), "console.log(1);");
writeFileSync(join(built, "assets", "index-Cd34.css"), "body{margin:0}");
writeFileSync(join(built, "secret.txt"), "not an asset");
afterAll(() => rmSync(built, { recursive: true, force: true }));

function appServing(dir: string) {
  const app = new Hono<AppEnv>();
  app.onError(errorHandler(createLogger("error", {}, () => {})));
  return app.route("/sandbox", sandboxPageRoutes(dir));
}

describe("the sandbox page's files", () => {
  const app = appServing(built);

  it("serves the built page at /sandbox, never cached", async () => {
    const response = await app.request("/sandbox");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(response.headers.get("Cache-Control")).toBe("no-cache");
    expect(await response.text()).toContain('<div id="root">');
  });

  it("serves its hashed scripts and stylesheets with their types, cached for good", async () => {
    const script = await app.request("/sandbox/assets/index-Ab12.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("Content-Type")).toBe("text/javascript; charset=utf-8");
    expect(script.headers.get("Cache-Control")).toContain("immutable");
    expect(await script.text()).toBe("console.log(1);");
    const style = await app.request("/sandbox/assets/index-Cd34.css");
    expect(style.headers.get("Content-Type")).toBe("text/css; charset=utf-8");
  });

  it("serves nothing else from the folder", async () => {
    for (const path of [
      "/sandbox/assets/missing-Ef56.js",
      "/sandbox/assets/..%2Fsecret.txt",
      "/sandbox/assets/..%2Findex.html",
      "/sandbox/secret.txt",
    ]) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain("not an asset");
    }
  });

  it("says how to build the page when it was never built", async () => {
    const response = await appServing(join(built, "nowhere")).request("/sandbox");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("scripts/build-mini-app-if-stale.ts");
  });
});

describe("the sandbox page's source HTML", () => {
  const html = readFileSync(join(REPO_ROOT, "mini-app", "src", "sandbox-page", "index.html"), "utf8");

  it("loads one same-origin module script and no inline script (the page CSP allows no other)", () => {
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="./main.tsx">']);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });
});
