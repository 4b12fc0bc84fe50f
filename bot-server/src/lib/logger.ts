/**
 * Structured JSON logs, one object per line. Callers pass only non-personal fields; as a second guard,
 * values that look like a CCCD (12 digits) or a Vietnamese phone number are masked before writing.
 */

export type LogLevel = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const CCCD_OR_PHONE = /(?<!\d)(?:\d{12}|(?:\+?84|0)\d{9})(?!\d)/g;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

export function createLogger(
  level: LogLevel = "info",
  base: Fields = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const emit = (at: LogLevel, msg: string, fields?: Fields) => {
    if (ORDER[at] < ORDER[level]) return;
    const record = { time: new Date().toISOString(), level: at, msg, ...base, ...fields };
    write(JSON.stringify(record, replacer).replace(CCCD_OR_PHONE, "[redacted]"));
  };
  return {
    debug: (msg, fields) => emit("debug", msg, fields),
    info: (msg, fields) => emit("info", msg, fields),
    warn: (msg, fields) => emit("warn", msg, fields),
    error: (msg, fields) => emit("error", msg, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }, write),
  };
}

/** Errors serialise as name/code/message only: stacks stay out of logs shipped off the machine. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const { code } = value as { code?: unknown };
    return { name: value.name, message: value.message, ...(code !== undefined ? { code } : {}) };
  }
  return value;
}
