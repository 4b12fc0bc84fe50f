import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { type Browser, chromium, type Page } from "playwright-core";
import { build } from "vite";
import zaloMiniApp from "zmp-vite-plugin";
import { findChromium } from "../support/browser";
import { REPO_ROOT, startServerProcess } from "../support/server-process";

/** Lighthouse's slow-3G-like profile and a 4× slower CPU: a cheap Android phone on a weak connection. */
const NETWORK = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1024) / 8,
  uploadThroughput: (400 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
/** Loads of each page; the two pages take turns, so a burst of load on the machine hits both alike. */
const LOADS = 5;

export interface FirstLoadRow {
  citizenJsGzipKb: number;
  helloJsGzipKb: number;
  citizenMs: number | undefined;
  helloMs: number | undefined;
}

/**
 * The citizen entry's first-load JS (gzip) and its time to the first screen under throttling, against
 * a zmp-ui hello page built with the same Vite and plugins in this run.
 */
export async function benchFirstLoad(): Promise<FirstLoadRow> {
  const helloDir = mkdtempSync(join(tmpdir(), "dvc-hello-"));
  try {
    await buildHello(helloDir);
    const citizenDir = join(REPO_ROOT, "mini-app", "www");
    const row: FirstLoadRow = {
      citizenJsGzipKb: firstLoadGzipKb(citizenDir),
      helloJsGzipKb: firstLoadGzipKb(helloDir),
      citizenMs: undefined,
      helloMs: undefined,
    };
    const chromiumPath = findChromium();
    if (!chromiumPath) {
      console.warn(
        "⚠ first-load timing skipped: no Chromium (apt-get install chromium or set CHROMIUM_PATH)",
      );
      return row;
    }
    const server = await startServerProcess({ env: { LOG_LEVEL: "warn" } });
    const hello = await serveFolder(helloDir);
    try {
      [row.citizenMs, row.helloMs] = await medianLoadsMs(chromiumPath, [
        server.baseUrl,
        `http://127.0.0.1:${(hello.address() as AddressInfo).port}/`,
      ]);
    } finally {
      hello.close();
      await server.stop();
    }
    return row;
  } finally {
    rmSync(helloDir, { recursive: true, force: true });
  }
}

async function buildHello(outDir: string): Promise<void> {
  const appConfig = JSON.parse(readFileSync(join(REPO_ROOT, "app-config.json"), "utf8")) as Parameters<
    typeof zaloMiniApp
  >[0];
  await build({
    configFile: false,
    root: join(REPO_ROOT, "tests", "bench", "hello-page"),
    plugins: [react(), zaloMiniApp(appConfig)],
    build: { outDir, emptyOutDir: true },
    logLevel: "warn",
  });
}

/** The JS Zalo loads before the first screen: the entry chunks listed in the built app-config.json. */
function firstLoadGzipKb(buildDir: string): number {
  const config = JSON.parse(readFileSync(join(buildDir, "app-config.json"), "utf8")) as {
    listSyncJS?: string[];
  };
  const entries = config.listSyncJS ?? [];
  const files = entries.length > 0 ? entries : listJs(join(buildDir, "assets")).map((f) => `assets/${f}`);
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(buildDir, file)), { level: 9 }).length,
    0,
  );
  return bytes / 1024;
}

function listJs(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".js")) : [];
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
};

function serveFolder(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = join(
      dir,
      (req.url ?? "/").split("?")[0] === "/" ? "index.html" : ((req.url ?? "").split("?")[0] ?? ""),
    );
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    // Compressed like the product server compresses its assets, so the comparison is fair.
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    res.writeHead(200, {
      "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
      ...(gzip ? { "Content-Encoding": "gzip" } : {}),
    });
    res.end(gzip ? gzipSync(readFileSync(path)) : readFileSync(path));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Polls (every 50 ms) until #app shows text; returns the time it was first seen. */
async function firstTextAt(page: Page, started: number): Promise<number> {
  while (performance.now() - started < 120_000) {
    const length = await page
      .evaluate(() => (document.getElementById("app")?.textContent ?? "").trim().length)
      .catch(() => 0);
    if (length > 0) return performance.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const shown = await page
    .evaluate(() => document.documentElement.outerHTML.slice(0, 600))
    .catch((e: unknown) => String(e));
  throw new Error(`the page showed no text within 120 s: ${shown}`);
}

/**
 * For each page, the median over fresh browser contexts (empty cache) of navigation start → first
 * visible text. The pages are loaded in turns (A B, B A, A B…), never all of one then all of the other.
 */
async function medianLoadsMs(executablePath: string, urls: readonly string[]): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const samples = urls.map((): number[] => []);
    for (let i = 0; i < LOADS; i++) {
      const order = urls.map((_, index) => index);
      if (i % 2 === 1) order.reverse();
      for (const index of order) {
        samples[index]?.push(await loadMs(browser, urls[index] ?? ""));
      }
    }
    return samples.map((values) => {
      values.sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)] ?? 0;
    });
  } finally {
    await browser.close();
  }
}

/** One load in a fresh context (empty cache), throttled: navigation start → first visible text. */
async function loadMs(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  const started = performance.now();
  await page.goto(url, { waitUntil: "commit" });
  const ms = (await firstTextAt(page, started)) - started;
  await context.close();
  return ms;
}
