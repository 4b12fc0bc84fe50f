import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectLogLines } from "./collected-logs";
import { freePort } from "./free-port";

/**
 * The real server (`node --import tsx bot-server/src/main.ts`) as a child process: its own free port and
 * temporary DATA_DIR, variables of the caller's shell that the server reads removed, output captured.
 *
 *   const server = await startServerProcess({ env: db.env, dataDir: db.dataDir });
 *   afterAll(() => server.stop());
 *   await fetch(`${server.baseUrl}/healthz`);
 */

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MAIN = "bot-server/src/main.ts";

/** Every variable bot-server/src/config.ts reads: never inherited from the developer's shell. */
const SERVER_VARIABLES = [
  "PORT",
  "HOST",
  "PUBLIC_URL",
  "DATA_DIR",
  "DATABASE_URL",
  "DB_DRIVER",
  "NEON_WS_PROXY",
  "SESSION_SECRET",
  "DATA_ENCRYPTION_KEY",
  "DATA_ENCRYPTION_KEYS",
  "LOG_LEVEL",
  "NODE_ENV",
  "SANDBOX",
  "SANDBOX_OA_RATE_PER_MINUTE",
  "TRUSTED_PROXIES",
];

export interface ServerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcessOptions {
  /** Extra environment; `undefined` removes a variable. Applied last (may override PORT, DATA_DIR…). */
  env?: Record<string, string | undefined>;
  /** DATA_DIR; default: a new temporary folder, removed once the process has exited. */
  dataDir?: string;
  /** Default: a free port on 127.0.0.1. */
  port?: number;
  /** How long startServerProcess waits for /healthz to answer 200 (default 60 s). */
  readyTimeoutMs?: number;
}

export interface ServerProcess {
  readonly pid: number;
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly baseUrl: string;
  readonly dataDir: string;
  /** Resolves when the process has exited (never rejects). */
  readonly exited: Promise<ServerExit>;
  /** The exit once it happened; undefined while running. */
  exitStatus(): ServerExit | undefined;
  /** stdout and stderr interleaved as received. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines written to stdout so far. */
  logs(): Record<string, unknown>[];
  /** Sends a signal without waiting. */
  kill(signal?: NodeJS.Signals): void;
  /**
   * Sends `signal` (default SIGTERM) and waits for the exit; after `timeoutMs` (default 15 s) sends
   * SIGKILL. Resolves at once when the process has already exited.
   */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ServerExit>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Whatever happens to the test (failed assertion, timeout, worker teardown), no server outlives it.
  process.once("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

function serverEnv(
  port: number,
  dataDir: string,
  extra: Record<string, string | undefined>,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (SERVER_VARIABLES.includes(name) || name.startsWith("ZALO_")) continue;
    env[name] = value;
  }
  Object.assign(env, { PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, LOG_LEVEL: "info" });
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Starts the process and returns at once (for start-up failures); see startServerProcess to wait. */
export async function spawnServer(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  installExitHook();
  const port = options.port ?? (await freePort());
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "dvc-server-"));
  const child = spawn(process.execPath, ["--import", "tsx", MAIN], {
    cwd: REPO_ROOT,
    env: serverEnv(port, dataDir, options.env ?? {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  const chunks: { stream: "stdout" | "stderr"; text: string }[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push({ stream: "stdout", text: chunk.toString() }));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push({ stream: "stderr", text: chunk.toString() }));
  let status: ServerExit | undefined;
  const exited = new Promise<ServerExit>((resolve) => {
    const finish = (exit: ServerExit) => {
      if (status) return;
      status = exit;
      running.delete(child);
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
      resolve(exit);
    };
    // 'close' waits for stdio to end, so output() is complete when exited resolves.
    child.once("close", (code, signal) => {
      collectLogLines(text("stdout"));
      finish({ code, signal });
    });
    child.once("error", () => finish({ code: null, signal: null }));
  });
  const text = (stream?: "stdout" | "stderr") =>
    chunks
      .filter((chunk) => stream === undefined || chunk.stream === stream)
      .map((chunk) => chunk.text)
      .join("");
  const server: ServerProcess = {
    pid: child.pid ?? -1,
    port,
    baseUrl: `http://127.0.0.1:${port}`,
    dataDir,
    exited,
    exitStatus: () => status,
    output: () => text(),
    stdout: () => text("stdout"),
    stderr: () => text("stderr"),
    logs: () =>
      text("stdout")
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .flatMap((line) => {
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    kill: (signal = "SIGTERM") => {
      if (!status) child.kill(signal);
    },
    stop: async (signal = "SIGTERM", timeoutMs = 15_000) => {
      if (status) return status;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
  return server;
}

/** Starts the server and waits until GET /healthz answers 200; throws with the output otherwise. */
export async function startServerProcess(options: ServerProcessOptions = {}): Promise<ServerProcess> {
  const server = await spawnServer(options);
  try {
    await waitForHealthy(server, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await server.stop("SIGKILL");
    throw error;
  }
  return server;
}

/** Polls /healthz until 200, the process exits, or the time is up. */
export async function waitForHealthy(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    const exit = server.exitStatus();
    if (exit) {
      throw new Error(
        `server exited (code ${exit.code}, signal ${exit.signal}) before it was ready:\n${server.output()}`,
      );
    }
    try {
      const response = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(3_000) });
      last = `${response.status} ${await response.text()}`;
      if (response.status === 200) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms (last: ${last}):\n${server.output()}`);
}

/** SIGKILLs every server this worker started that is still running (e.g. in a global afterAll). */
export async function killAllServerProcesses(): Promise<void> {
  const children = [...running];
  for (const child of children) child.kill("SIGKILL");
  await Promise.all(children.map((child) => new Promise((resolve) => child.once("close", resolve))));
}
