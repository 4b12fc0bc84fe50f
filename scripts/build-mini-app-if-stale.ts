/**
 * `npm start` and `npm test` serve the Mini App's production build and the /sandbox page's. Rebuild each
 * only when its inputs changed since its last build (a hash of the sources is kept beside the build), so a
 * restart is fast. The two are separate Vite builds: the sandbox page never ships inside the Mini App.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "vite";

const ROOT = join(import.meta.dirname, "..");
const SANDBOX_PAGE_SOURCES = "mini-app/src/sandbox-page";

interface Target {
  name: string;
  configFile: string;
  outDir: string;
  inputs: string[];
  /** Folders inside `inputs` that belong to another target. */
  skip: string[];
}

const TARGETS: Target[] = [
  {
    name: "mini-app",
    configFile: "mini-app/vite.config.ts",
    outDir: "mini-app/www",
    inputs: [
      "mini-app/src",
      "mini-app/index.html",
      "mini-app/vite.config.ts",
      "mini-app/public",
      "app-config.json",
      "shared/src",
      "package-lock.json",
    ],
    skip: [SANDBOX_PAGE_SOURCES],
  },
  {
    name: "sandbox page",
    configFile: "mini-app/vite.sandbox.config.ts",
    outDir: "mini-app/www-sandbox",
    inputs: [SANDBOX_PAGE_SOURCES, "mini-app/vite.sandbox.config.ts", "package-lock.json"],
    skip: [],
  },
];

function* files(path: string, skip: readonly string[]): Generator<string> {
  if (!existsSync(path) || skip.includes(relative(ROOT, path))) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry.includes(".test.")) continue;
    yield* files(join(path, entry), skip);
  }
}

function sourceHash(target: Target): string {
  const hash = createHash("sha256");
  for (const input of target.inputs) {
    for (const file of files(join(ROOT, input), target.skip)) {
      hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

for (const target of TARGETS) {
  const outDir = join(ROOT, target.outDir);
  const stamp = join(outDir, ".source-hash");
  const wanted = sourceHash(target);
  const current = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : "";
  if (current === wanted && existsSync(join(outDir, "index.html"))) {
    console.log(`${target.name}: build is up to date`);
    continue;
  }
  console.log(`${target.name}: sources changed, building…`);
  await build({ configFile: join(ROOT, target.configFile), logLevel: "warn" });
  writeFileSync(stamp, `${wanted}\n`);
  console.log(`${target.name}: built into ${target.outDir}`);
}
