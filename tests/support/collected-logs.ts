import { appendFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Every log line the suite's servers write is also appended under .test-logs/ (one file per process), so
 * that after the whole run scripts/test-logs.ts can look through all of them for the CCCD and phone
 * numbers the tests typed (issue 9: no personal number in a log, in any spelling). Fed by the in-process
 * apps' loggers, the spawned servers' stdout, and anything else a test process writes to stdout as JSON.
 */

export const TEST_LOG_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", ".test-logs");
const file = join(TEST_LOG_DIR, `${process.pid}.ndjson`);
let ready = false;

export function collectLogLines(text: string): void {
  const lines = text.split("\n").filter((line) => line.startsWith("{"));
  if (lines.length === 0) return;
  if (!ready) {
    mkdirSync(dirname(file), { recursive: true });
    ready = true;
  }
  appendFileSync(file, `${lines.join("\n")}\n`);
}
