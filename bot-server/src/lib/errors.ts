import { ERROR_TABLE, type ErrorCode } from "@dvc/shared";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** HTTP status for each error code, from the shared table (the one place that decides it). */
export const STATUS_OF = Object.fromEntries(
  Object.entries(ERROR_TABLE).map(([code, entry]) => [code, entry.status]),
) as Record<ErrorCode, ContentfulStatusCode>;

/** Default Vietnamese message per code: says what happened and what to do. */
export const DEFAULT_MESSAGE = Object.fromEntries(
  Object.entries(ERROR_TABLE).map(([code, entry]) => [code, entry.message]),
) as Record<ErrorCode, string>;

export interface AppErrorOptions {
  /** Answer path → what to fix, in Vietnamese, shown beside each input. */
  fields?: Record<string, string>;
  /** More members of the error body for codes that carry them (a 409's `reason` and `current`). */
  details?: Record<string, unknown>;
  cause?: unknown;
}

/** The one application error type: a code from the registry, an optional message and field errors. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, options?: AppErrorOptions) {
    super(message ?? DEFAULT_MESSAGE[code], { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
    this.details = options?.details;
  }

  get status(): ContentfulStatusCode {
    return STATUS_OF[this.code];
  }

  /** The table's number for the code, shown to people beside the message. */
  get number(): number {
    return ERROR_TABLE[this.code].number;
  }
}

/**
 * Errors that mean "the database is not reachable right now": connection refused/reset, the server
 * shutting down (SQLSTATE class 57P), or cannot connect (08xxx). They become 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
    if (typeof current !== "object") return false;
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string") {
      if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN"].includes(code))
        return true;
      if (code.startsWith("08") || code.startsWith("57P")) return true;
    }
    if (
      typeof message === "string" &&
      /Connection terminated|connection timeout|Client has encountered a connection error|WebSocket/i.test(
        message,
      )
    ) {
      return true;
    }
    // ws's ErrorEvent (the Neon driver's WebSocket failing to connect) holds the socket error in `error`.
    const { cause, error: inner } = current as { cause?: unknown; error?: unknown };
    current = cause ?? inner;
  }
  return false;
}
