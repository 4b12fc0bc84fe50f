/**
 * `npm start` and `npm test` serve the Mini App's production build. Rebuild it only when its inputs
 * changed since the last build (a hash of the sources is kept beside the build), so a restart is fast.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build } from "vite";

const ROOT = join(import.meta.dirname, "..");
const OUT_DIR = join(ROOT, "mini-app", "www");
const STAMP = join(OUT_DIR, ".source-hash");
const INPUTS = [
  "mini-app/src",
  "mini-app/index.html",
  "mini-app/vite.config.ts",
  "mini-app/public",
  "app-config.json",
  "shared/src",
  "package-lock.json",
];

function* files(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isFile()) {
    yield path;
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    if (entry.includes(".test.")) continue;
    yield* files(join(path, entry));
  }
}

function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of files(join(ROOT, input))) {
      hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

const wanted = sourceHash();
const current = existsSync(STAMP) ? readFileSync(STAMP, "utf8").trim() : "";
if (current === wanted && existsSync(join(OUT_DIR, "index.html"))) {
  console.log("mini-app: build is up to date");
} else {
  console.log("mini-app: sources changed, building…");
  await build({
    configFile: join(ROOT, "mini-app", "vite.config.ts"),
    root: join(ROOT, "mini-app"),
    logLevel: "warn",
  });
  writeFileSync(STAMP, `${wanted}\n`);
  console.log("mini-app: built into mini-app/www");
}
