import { collectLogLines } from "./collected-logs";

/**
 * vitest setup file (integration, e2e): loggers that write to this worker's stdout (the default of
 * createLogger) are collected too, besides being printed as before.
 */
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = ((chunk: unknown, ...rest: never[]) => {
  if (typeof chunk === "string" && chunk.startsWith('{"level"')) collectLogLines(chunk);
  return write(chunk as string, ...rest);
}) as typeof process.stdout.write;
