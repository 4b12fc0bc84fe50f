import { spawn, spawnSync } from "node:child_process";
import {
  accessSync,
  chownSync,
  constants,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { freePort } from "./free-port";

/**
 * Throwaway native PostgreSQL clusters for tests: `initdb` into a temporary folder, `pg_ctl start` on a
 * free 127.0.0.1 port with trust authentication and fsync off, removed afterwards. About a second to start.
 *
 * As root, PostgreSQL refuses to run: every command then runs as the `postgres` user (runuser, else su),
 * and the temporary folder (data + unix socket) is owned by that user.
 */

export interface PostgresBinaries {
  /** Folder holding initdb, pg_ctl and postgres (symlinks on PATH are resolved to it). */
  binDir: string;
  initdb: string;
  pgCtl: string;
}

/** initdb on PATH, else the newest /usr/lib/postgresql/<v>/bin (Debian's apt packages keep it off PATH). */
export function findPostgresBinaries(): PostgresBinaries | undefined {
  const candidates: string[] = [];
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir) candidates.push(join(dir, "initdb"));
  }
  for (const root of ["/usr/lib/postgresql", "/usr/local/pgsql"]) {
    if (!existsSync(root)) continue;
    const versions = readdirSync(root)
      .filter((name) => /^\d+(\.\d+)?$/.test(name))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    for (const version of versions) candidates.push(join(root, version, "bin", "initdb"));
    candidates.push(join(root, "bin", "initdb"));
  }
  for (const initdb of candidates) {
    if (!isExecutable(initdb)) continue;
    const real = realpathSync(initdb);
    const binDir = dirname(real);
    const pgCtl = [join(binDir, "pg_ctl"), join(dirname(initdb), "pg_ctl")].find(isExecutable);
    if (pgCtl && isExecutable(join(binDir, "postgres"))) return { binDir, initdb: real, pgCtl };
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface RunAs {
  uid: number;
  gid: number;
  wrap(command: string, args: string[]): [string, string[]];
}

/** How to run PostgreSQL commands: directly, or (as root) as the `postgres` user. */
function runAsPostgresUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = idOf("-u");
  const gid = idOf("-g");
  if (uid === undefined || gid === undefined) {
    throw new Error("Running as root, PostgreSQL must run as another user, and no 'postgres' user exists");
  }
  const runuser = ["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser"].find(isExecutable);
  return {
    uid,
    gid,
    wrap: (command, args) =>
      runuser
        ? [runuser, ["-u", "postgres", "--", command, ...args]]
        : ["su", ["postgres", "-s", "/bin/sh", "-c", [command, ...args].map(shellQuote).join(" ")]],
  };
}

function idOf(flag: "-u" | "-g"): number | undefined {
  const result = spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const value = Number.parseInt(result.stdout.trim(), 10);
  return result.status === 0 && Number.isInteger(value) ? value : undefined;
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'"'"'`)}'`;
}

/** The environment for PostgreSQL commands: no PG* variables from the caller's shell. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("PG")));
}

function run(runAs: RunAs | undefined, command: string, args: string[], cwd: string): Promise<string> {
  const [file, argv] = runAs ? runAs.wrap(command, args) : [command, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { cwd, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("error", reject);
    child.once("close", (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${[command, ...args].join(" ")} exited with ${code}:\n${output}`));
    });
  });
}

export type StopMode = "smart" | "fast" | "immediate";

export interface PostgresCluster {
  /** The TCP port on 127.0.0.1; the same across stop()/start(). */
  readonly port: number;
  /** The temporary folder (data/, server.log, unix socket). */
  readonly dir: string;
  readonly running: boolean;
  /** postgres://postgres@127.0.0.1:<port>/<database> (trust authentication, no password). */
  url(database?: string): string;
  start(): Promise<void>;
  stop(mode?: StopMode): Promise<void>;
  /** Stops (immediate) and removes the folder. */
  destroy(): Promise<void>;
  /** The same, synchronously: for process 'exit' hooks. */
  destroySync(): void;
  /** The server log so far, for failure messages. */
  log(): string;
}

export interface StartClusterOptions {
  binaries?: PostgresBinaries;
  /** Prefix of the temporary folder's name. */
  name?: string;
}

/** initdb + start a throwaway cluster. Throws when no PostgreSQL binaries are installed. */
export async function startCluster(options: StartClusterOptions = {}): Promise<PostgresCluster> {
  const binaries = options.binaries ?? findPostgresBinaries();
  if (!binaries) throw new Error("No PostgreSQL binaries (initdb) found");
  const runAs = runAsPostgresUser();
  const dir = mkdtempSync(join(tmpdir(), `${options.name ?? "dvc-pg"}-`));
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  const dataDir = join(dir, "data");
  const logFile = join(dir, "server.log");
  let port = 0;
  let running = false;
  let destroyed = false;

  const serverOptions = () =>
    [
      `-p ${port}`,
      `-k ${dir}`,
      "-c listen_addresses=127.0.0.1",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c max_connections=200",
    ].join(" ");

  const log = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");

  const pgCtlStart = () =>
    run(
      runAs,
      binaries.pgCtl,
      ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "30", "-s", "-o", serverOptions()],
      dir,
    );

  const cluster: PostgresCluster = {
    get port() {
      return port;
    },
    dir,
    get running() {
      return running;
    },
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      if (running) return;
      await pgCtlStart().catch((error: unknown) => {
        throw new Error(`pg_ctl start failed: ${String(error)}\n--- server log ---\n${log()}`);
      });
      running = true;
    },
    async stop(mode: StopMode = "fast") {
      if (!running) return;
      await run(runAs, binaries.pgCtl, ["stop", "-D", dataDir, "-m", mode, "-w", "-t", "30", "-s"], dir);
      running = false;
    },
    async destroy() {
      if (destroyed) return;
      try {
        await cluster.stop("immediate");
      } finally {
        destroyed = true;
        rmSync(dir, { recursive: true, force: true });
      }
    },
    destroySync() {
      if (destroyed) return;
      destroyed = true;
      if (running) {
        const args = ["stop", "-D", dataDir, "-m", "immediate", "-w", "-s"];
        const [file, argv] = runAs ? runAs.wrap(binaries.pgCtl, args) : [binaries.pgCtl, args];
        spawnSync(file, argv, { cwd: dir, env: cleanEnv(), stdio: "ignore" });
        running = false;
      }
      rmSync(dir, { recursive: true, force: true });
    },
    log,
  };

  try {
    await run(
      runAs,
      binaries.initdb,
      ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"],
      dir,
    );
    // The port is free when chosen but another process may bind it first: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await cluster.start();
        break;
      } catch (error) {
        if (attempt >= 3 || !/could not bind|already in use/i.test(String(error))) throw error;
      }
    }
  } catch (error) {
    cluster.destroySync();
    throw error;
  }
  return cluster;
}
