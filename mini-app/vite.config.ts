import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import zaloMiniApp from "zmp-vite-plugin";

type MiniAppOptions = NonNullable<Parameters<typeof zaloMiniApp>[0]>;

/** Every path is resolved from this file, so the build is the same from the repo root or from mini-app/. */
const MINI_APP_DIR = fileURLToPath(new URL(".", import.meta.url));
const OUT_DIR = fileURLToPath(new URL("./www", import.meta.url));
/** Proxied to the bot-server in `vite dev`, so the app calls it same-origin as in production. */
const SERVER = "http://127.0.0.1:3000";

/**
 * The Zalo config lives at the repository root (zmp-cli reads it there). The plugin would otherwise read
 * ./app-config.json from the working directory, which is wrong when the build runs from the repo root.
 */
function readAppConfig(): MiniAppOptions {
  const parsed: unknown = JSON.parse(readFileSync(new URL("../app-config.json", import.meta.url), "utf8"));
  if (typeof parsed !== "object" || parsed === null || !("app" in parsed)) {
    throw new Error('app-config.json: thiếu mục "app"');
  }
  return parsed as MiniAppOptions;
}

export default defineConfig({
  root: MINI_APP_DIR,
  plugins: [react(), zaloMiniApp(readAppConfig())],
  build: {
    // Absolute, so it does not depend on the working directory; the plugin keeps an outDir it is given.
    outDir: OUT_DIR,
    emptyOutDir: true,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      "/api": SERVER,
      "/healthz": SERVER,
      "/sandbox": SERVER,
      "/webhooks": SERVER,
    },
  },
});
