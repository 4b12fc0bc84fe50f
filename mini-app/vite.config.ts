import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
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

/** A zmp-ui component stylesheet, e.g. …/zmp-ui/button/styles/button.css (name: "button"). */
const ZMP_UI_STYLE = /\/zmp-ui\/([a-z-]+)\/styles\/[a-z-]+\.css$/;

/**
 * Each zmp-ui component stylesheet starts with the same base (theme variables, keyframes), which
 * portal.css holds alone. src/ui/zmp-ui-styles.ts imports portal.css and the components the app uses;
 * this drops the repeated base from the others. A file that does not start with it is left whole.
 */
function zmpUiBaseOnce(): Plugin {
  return {
    name: "dvc:zmp-ui-base-once",
    enforce: "pre",
    transform(code, id) {
      const path = id.split("?")[0] ?? id;
      const component = ZMP_UI_STYLE.exec(path)?.[1];
      if (component === undefined || component === "portal") return null;
      const base = readFileSync(path.replace(ZMP_UI_STYLE, "/zmp-ui/portal/styles/portal.css"), "utf8");
      return code.startsWith(base) ? { code: code.slice(base.length), map: null } : null;
    },
  };
}

export default defineConfig({
  root: MINI_APP_DIR,
  plugins: [zmpUiBaseOnce(), react(), zaloMiniApp(readAppConfig())],
  build: {
    // Absolute, so it does not depend on the working directory; the plugin keeps an outDir it is given.
    outDir: OUT_DIR,
    emptyOutDir: true,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod 4's sources have comments that mention `@__PURE__` in prose (core/util.js, core/regexes.js).
        // Rollup reads them as misplaced annotations, warns and drops the comments: nothing in the bundle
        // changes, so only that warning, and only for zod, is silenced; every other warning still prints.
        if (warning.code === "INVALID_ANNOTATION" && warning.id?.includes("/node_modules/zod/")) return;
        warn(warning);
      },
    },
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
