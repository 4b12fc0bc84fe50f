import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorBodySchema } from "@dvc/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mountMiniApp, withRootAssets } from "../../bot-server/src/http/mini-app-static";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * The Mini App's page fallback, as main.ts mounts it after the API: every screen's address opens the
 * app whatever it holds (dots in a procedure code, a dossier code), with its files linked from the
 * root; missing files and unknown server paths stay 404s. Over a small build of its own, so the test
 * does not depend on (or wait for) the real one.
 */

const INDEX_HTML = `<!doctype html>
<html lang="vi">
  <head>
    <link rel="icon" href="./favicon.svg" />
    <script type="module" crossorigin src="./assets/index.abc123.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/vendor.def456.js">
    <link rel="stylesheet" crossorigin href="./assets/index-789.css">
  </head>
  <body><div id="app"></div></body>
</html>`;

let database: FreshDatabase;
let test: TestApp;
let buildDir: string;

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), "dvc-www-"));
  mkdirSync(join(buildDir, "assets"));
  writeFileSync(join(buildDir, "index.html"), INDEX_HTML);
  writeFileSync(join(buildDir, "assets", "index.abc123.js"), "export {};\n");
  writeFileSync(join(buildDir, "app-config.json"), "{}\n");
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  mountMiniApp(test.app, buildDir);
});

afterAll(async () => {
  test?.cleanup();
  await database?.drop();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

describe("the page fallback", () => {
  it.each([
    ["a procedure (its code holds dots)", "/thu-tuc/1.001193"],
    ["a new filing", "/nop/moi/1.001193"],
    ["a dossier", "/ho-so/00082-PLER-3M88"],
    ["the officer's dossier", "/can-bo/ho-so/x"],
    ["a draft's step", "/nop/3f2a/kiem-tra"],
  ])("opens the app at %s: %s", async (_, path) => {
    const response = await test.app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(response.headers.get("cache-control")).toBe("no-cache");
    const html = await response.text();
    expect(html).toContain('<div id="app"></div>');
    // Every file from the root, or /ho-so/… would ask for /ho-so/assets/….
    expect(html).not.toContain('"./');
    expect(html).toContain('src="/assets/index.abc123.js"');
  });

  it("serves the build's files, the hashed ones for good", async () => {
    const script = await test.app.request("/assets/index.abc123.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await test.app.request("/app-config.json")).status).toBe(200);
  });

  it.each(["/assets/nope.js", "/assets/deeper/nope.css", "/favicon.ico", "/robots.txt"])(
    "answers a missing file with a 404, never the page: %s",
    async (path) => {
      const response = await test.app.request(path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('<div id="app">');
    },
  );

  it.each(["/api/nope", "/api/procedures/1.001193/nope", "/webhooks/nope", "/sandbox/nope", "/healthz/nope"])(
    "leaves server paths to the server: %s is a JSON 404",
    async (path) => {
      const response = await test.app.request(path);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(errorBodySchema.parse(await response.json()).code).toBe("NOT_FOUND");
    },
  );
});

describe("withRootAssets", () => {
  it("links scripts, module preloads, stylesheets and icons from the root", () => {
    const html = withRootAssets(INDEX_HTML);
    expect(html).toContain('src="/assets/index.abc123.js"');
    expect(html).toContain('rel="modulepreload" crossorigin href="/assets/vendor.def456.js"');
    expect(html).toContain('href="/assets/index-789.css"');
    expect(html).toContain('href="/favicon.svg"');
    expect(withRootAssets("<script src='./assets/a.js'></script>")).toBe(
      "<script src='/assets/a.js'></script>",
    );
  });
});
