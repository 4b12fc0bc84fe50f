import pino from "pino";
import { databaseErrorFields } from "./db-errors";
import { scrubPersonalNumbers } from "./scrub";

/**
 * Structured JSON logs, one object per line, through pino. Personal data is kept out three ways (GOV.UK
 * Notify's rule: logs are shipped off the machine and kept, so they hold no one's details):
 * 1. callers pass only non-personal fields (ids, codes, counts);
 * 2. fields that are personal by name are replaced wherever they appear (REDACTED_PATHS);
 * 3. every written line is scrubbed of anything shaped like a CCCD or a phone number, however it is
 *    spelt (lib/scrub.ts).
 * Errors are written as name/code/message, never a stack; a database error as its SQLSTATE and the
 * constraint it names only, never its message (PostgreSQL quotes the refused value, drizzle every
 * parameter of the failed query).
 */

export type LogLevel = "debug" | "info" | "warn" | "error";
type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

const CENSOR = "[redacted]";
/** Field names that only ever hold personal data or secrets, at the top level or one level down. */
const PERSONAL_FIELDS = [
  "cccd",
  "phone",
  "phoneNumber",
  "fullName",
  "answers",
  "text",
  "password",
  "token",
  "accessToken",
  "refreshToken",
  "authorization",
  "cookie",
  "rawBody",
] as const;
export const REDACTED_PATHS = PERSONAL_FIELDS.flatMap((field) => [field, `*.${field}`]);

export function createLogger(
  level: LogLevel = "info",
  base: Fields = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const root = pino(
    {
      level,
      base,
      messageKey: "msg",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: CENSOR },
      serializers: { error: serializeError, err: serializeError, cause: serializeError },
    },
    // pino hands over each finished line (with its newline): the scrubber sees exactly what is written.
    { write: (line: string) => write(scrubPersonalNumbers(line.trimEnd())) },
  );
  return wrap(root);
}

function wrap(target: pino.Logger): Logger {
  return {
    debug: (msg, fields) => target.debug(fields ?? {}, msg),
    info: (msg, fields) => target.info(fields ?? {}, msg),
    warn: (msg, fields) => target.warn(fields ?? {}, msg),
    error: (msg, fields) => target.error(fields ?? {}, msg),
    child: (fields) => wrap(target.child(fields)),
  };
}

/** How deep a chain of causes is followed (drizzle → driver → socket is three). */
const MAX_CAUSES = 3;

export function serializeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value;
  const { code } = value as { code?: unknown };
  const database = databaseErrorFields(value);
  if (database) {
    // Only what names the failure; the message is where the values are.
    return {
      name: value.name,
      ...(typeof code === "string" && code !== database.sqlState ? { code } : {}),
      database,
    };
  }
  const cause =
    value.cause !== undefined && depth < MAX_CAUSES ? { cause: serializeError(value.cause, depth + 1) } : {};
  return { name: value.name, message: value.message, ...(code !== undefined ? { code } : {}), ...cause };
}
