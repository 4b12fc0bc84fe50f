/**
 * Bundles the server for production into bot-server/dist/main.js: npm packages stay external (installed
 * with `npm ci --omit=dev`), the shared workspace is inlined because plain Node cannot run its .ts.
 * Run it with `node bot-server/dist/main.js` from the repository root.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";

const ROOT = join(import.meta.dirname, "..");
const manifest = JSON.parse(readFileSync(join(ROOT, "bot-server", "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
};
const external = Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith("@dvc/"));

await build({
  entryPoints: [join(ROOT, "bot-server", "src", "main.ts")],
  outfile: join(ROOT, "bot-server", "dist", "main.js"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  sourcemap: true,
  external,
  logLevel: "info",
});
