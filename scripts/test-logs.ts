import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * `tsx scripts/test-logs.ts clear` before the suite, `check` after it (package.json "test"): every log
 * line the suite's servers wrote (collected by tests/support/collected-logs.ts) is searched for every
 * CCCD and phone number the tests use, in any spelling — grouped by spaces, dots or dashes, with 0, 84 or
 * +84 in front. One hit fails the run, naming the file and line (not the number).
 */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const LOG_DIR = join(ROOT, ".test-logs");
/** Where the suite's numbers are written: its sources, fixtures and helpers. */
const SOURCES = ["tests", "bot-server/src", "shared/src", "mini-app/src"];
const TEST_FILE = /(\.test\.tsx?|\.json|[/\\]tests[/\\].*\.ts)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "screenshots") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Phone numbers as the digits after their 0 / 84 (any spelling ends in them); CCCDs whole. */
export function personalNumbersIn(text: string): Set<string> {
  const found = new Set<string>();
  const grouped = /(?<![0-9])(?:\(?\+?84\)?[ .-]?|0)?[0-9]{2,4}(?:[ .-]?[0-9]{2,4}){1,4}(?![0-9])/g;
  for (const match of text.matchAll(grouped)) {
    const digits = match[0].replace(/[^0-9]/g, "");
    if (digits.length === 12 && /^0\d{11}$/.test(digits)) found.add(digits);
    else if (/^0[35789]\d{8}$/.test(digits)) found.add(digits.slice(1));
    else if (/^84[35789]\d{8}$/.test(digits)) found.add(digits.slice(2));
  }
  return found;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A log line with request ids dropped and digit groups joined: "0987 654-321" → "0987654321". */
const joinedDigits = (line: string) => line.replace(UUID, "").replace(/([0-9])[ .-](?=[0-9])/g, "$1");

function check(): number {
  if (!existsSync(LOG_DIR)) {
    console.error(
      "test-logs: no logs were collected (.test-logs/ is missing): the check would prove nothing",
    );
    return 1;
  }
  const numbers = new Set<string>();
  for (const source of SOURCES)
    for (const path of files(join(ROOT, source)))
      if (TEST_FILE.test(path))
        for (const number of personalNumbersIn(readFileSync(path, "utf8"))) numbers.add(number);
  let lines = 0;
  let hits = 0;
  for (const name of readdirSync(LOG_DIR)) {
    const path = join(LOG_DIR, name);
    readFileSync(path, "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (line === "") return;
        lines += 1;
        const joined = joinedDigits(line);
        for (const number of numbers) {
          if (!joined.includes(number)) continue;
          hits += 1;
          console.error(
            `test-logs: ${relative(ROOT, path)}:${index + 1} holds a CCCD or phone number the tests used`,
          );
        }
      });
  }
  console.log(
    `test-logs: ${lines} log lines searched for ${numbers.size} CCCD/phone numbers from the tests: ${hits} found`,
  );
  if (lines === 0) {
    console.error("test-logs: no log line was collected: the check would prove nothing");
    return 1;
  }
  return hits === 0 ? 0 : 1;
}

const command = process.argv[2];
if (command === "clear") rmSync(LOG_DIR, { recursive: true, force: true });
else if (command === "check") process.exitCode = check();
else {
  console.error("usage: tsx scripts/test-logs.ts clear|check");
  process.exitCode = 2;
}
