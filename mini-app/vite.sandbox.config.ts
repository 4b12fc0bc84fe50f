import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/**
 * The /sandbox page (sandbox mode only): a build of its own, apart from the citizen Mini App's
 * (vite.config.ts), so the Mini App's bundle does not carry it and mini-app/www — which production serves
 * at "/" — never holds it. The server serves this folder under /sandbox only where it mounts the sandbox
 * (bot-server/src/zalo-sandbox/page.ts). No Zalo plugin: this page is never a Mini App.
 */
const PAGE_DIR = fileURLToPath(new URL("./src/sandbox-page", import.meta.url));
const OUT_DIR = fileURLToPath(new URL("./www-sandbox", import.meta.url));

export default defineConfig({
  root: PAGE_DIR,
  // The built HTML asks for /sandbox/assets/…, which page.ts answers.
  base: "/sandbox/",
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: OUT_DIR,
    emptyOutDir: true,
  },
});
