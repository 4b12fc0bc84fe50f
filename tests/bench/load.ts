import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What one autocannon run measured. */
export interface LoadResult {
  /** Mean of autocannon's per-second samples; with `amount`, answers ÷ elapsed seconds (see runLoad). */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  /** Answers with a 2xx status. */
  ok2xx: number;
  durationSeconds: number;
}

/** One request as the load process sends it. */
export interface LoadRequest {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body: string;
}

/**
 * A module that builds every request inside the load process, e.g. a distinct signed body each time.
 * It exports `createRequestFactory(arg)`; `arg` crosses the process boundary as JSON.
 */
export interface RequestFactorySpec {
  /** file: URL of the module. */
  module: string;
  arg: unknown;
}

export interface LoadOptions {
  connections: number;
  /** How long to load; ignored when `amount` is set. */
  seconds: number;
  /**
   * Stop after exactly this many requests instead of after `seconds`: every request sent is answered,
   * none is cut off in flight, so the server's side effects can be counted against the 2xx answers.
   */
  amount?: number;
  requests?: RequestFactorySpec;
}

/** Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU seconds (user + system) a process has used so far, from /proc (NaN elsewhere). Unlike requests
 * per second, a server's CPU time per request hardly moves when other work shares the machine.
 */
export function processCpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at indexes 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

const require = createRequire(import.meta.url);
const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * HTTP load from a second process (autocannon), so the load generator does not share the event loop
 * of the server it measures.
 */
export function runLoad(url: string, options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", THIS_FILE, JSON.stringify({ url, options })], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const report = JSON.parse(stdout) as AutocannonResult;
      resolve({
        // In amount mode the last second is partial and never sampled: count answers over time instead.
        requestsPerSecond:
          options.amount === undefined
            ? report.requests.average
            : report.requests.total / Math.max(report.duration, 0.001),
        p50Ms: report.latency.p50,
        p99Ms: report.latency.p99,
        non2xx: report.non2xx,
        errors: report.errors,
        ok2xx: report["2xx"],
        durationSeconds: report.duration,
      });
    });
  });
}

/** The fields of autocannon's result (the same object its CLI prints with --json) that we read. */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  "2xx": number;
  duration: number;
}

interface AutocannonRequest {
  method: string;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** The slice of autocannon's programmatic API used here (the package ships no types). */
type Autocannon = (
  options: {
    url: string;
    connections: number;
    duration: number;
    amount?: number;
    requests?: { setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
  },
  done: (error: Error | null, result: AutocannonResult) => void,
) => void;

/** Inside the load process: run autocannon once and print its result as JSON on stdout. */
async function loadProcess(url: string, options: LoadOptions): Promise<void> {
  const autocannon = require("autocannon") as Autocannon;
  let requests: { setupRequest: (request: AutocannonRequest) => AutocannonRequest }[] | undefined;
  if (options.requests) {
    const factoryModule = (await import(options.requests.module)) as {
      createRequestFactory?: (arg: unknown) => () => LoadRequest;
    };
    if (typeof factoryModule.createRequestFactory !== "function") {
      throw new Error(`${options.requests.module} does not export createRequestFactory`);
    }
    const next = factoryModule.createRequestFactory(options.requests.arg);
    // Called by every connection for every request it sends (autocannon rebuilds a request that has
    // a setupRequest each time), so no two requests share a body.
    requests = [
      {
        setupRequest: (request) => {
          const built = next();
          return { ...request, ...built, headers: { ...request.headers, ...built.headers } };
        },
      },
    ];
  }
  const result = await new Promise<AutocannonResult>((resolve, reject) =>
    autocannon(
      {
        url,
        connections: options.connections,
        duration: options.seconds,
        ...(options.amount === undefined ? {} : { amount: options.amount }),
        ...(requests ? { requests } : {}),
      },
      (error, report) => (error ? reject(error) : resolve(report)),
    ),
  );
  process.stdout.write(JSON.stringify(result));
}

// Run as a script (the child of runLoad). No top-level await: a request factory module may import
// this file back, which must finish evaluating first.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const { url, options } = JSON.parse(process.argv[2] ?? "{}") as { url: string; options: LoadOptions };
  loadProcess(url, options).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
