/**
 * `npm run dev`: the server with reload on change (tsx watch), the Mini App on Vite's dev server
 * (hot reload, proxying /api, /sandbox, /healthz to the server) and the /sandbox page's build, redone on
 * every change. Ctrl+C stops them all.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "..");
const children: ChildProcess[] = [
  spawn("npx", ["tsx", "watch", "--clear-screen=false", "bot-server/src/main.ts"], {
    cwd: ROOT,
    stdio: "inherit",
  }),
  spawn("npx", ["vite", "--config", "mini-app/vite.config.ts", "mini-app"], { cwd: ROOT, stdio: "inherit" }),
  // The server serves the /sandbox page from its build (mini-app/www-sandbox): rebuilt on every change.
  spawn(
    "npx",
    ["vite", "build", "--watch", "--logLevel", "warn", "--config", "mini-app/vite.sandbox.config.ts"],
    {
      cwd: ROOT,
      stdio: "inherit",
    },
  ),
];
console.log("dev: server http://127.0.0.1:3000 (API, /sandbox) · Mini App http://localhost:5173");

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  setTimeout(() => process.exit(code), 500).unref();
}
for (const child of children) child.on("exit", (code) => stopAll(code ?? 0));
process.on("SIGINT", () => stopAll(0));
process.on("SIGTERM", () => stopAll(0));
