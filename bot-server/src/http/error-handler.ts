import type { ErrorBody } from "@dvc/shared";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { isDataException } from "../lib/db-errors";
import { AppError, DEFAULT_MESSAGE, isDatabaseUnavailable, STATUS_OF } from "../lib/errors";
import type { Logger } from "../lib/logger";
import type { AppEnv } from "./env";

/**
 * The one error handler: every failure becomes `{code, number, message, requestId}`, never a stack.
 * A request's own fault is a 4xx whatever layer found it; 5xx is kept for our faults (INTERNAL), the
 * database being away and Zalo failing.
 */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const appError = toAppError(error);
    const context = { requestId: c.get("requestId"), route: c.req.routePath, error };
    if (appError.code === "INTERNAL") {
      logger.error("unhandled error", context);
    } else if (appError.code === "UPSTREAM_UNAVAILABLE") {
      logger.warn("upstream unavailable", context);
    } else if (appError.code === "DB_UNAVAILABLE") {
      logger.warn("database unavailable", context);
    } else if (appError.code === "UNSTORABLE_VALUE") {
      // A value the boundary let through and the database refused: a gap in validation to close.
      logger.warn("database refused a value", context);
    }
    return respondWithError(c, appError);
  };
}

export const notFoundHandler: NotFoundHandler<AppEnv> = (c) =>
  respondWithError(
    c,
    new AppError("NOT_FOUND", "Không tìm thấy địa chỉ này. Vui lòng kiểm tra lại đường dẫn."),
  );

export function respondWithError(c: Context<AppEnv>, error: AppError): Response {
  const body: ErrorBody & Record<string, unknown> = {
    ...error.details,
    code: error.code,
    number: error.number,
    message: error.message,
    requestId: c.get("requestId") ?? "",
    ...(error.fields ? { fields: error.fields } : {}),
  };
  const response = c.json(body, STATUS_OF[error.code]);
  if (error.code === "DB_UNAVAILABLE" || error.code === "UPSTREAM_UNAVAILABLE")
    response.headers.set("Retry-After", "5");
  return response;
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) return new AppError("DB_UNAVAILABLE", undefined, { cause: error });
  if (isDataException(error)) return new AppError("UNSTORABLE_VALUE", undefined, { cause: error });
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError("PAYLOAD_TOO_LARGE");
    if (error.status === 400 && /json/i.test(error.message)) return new AppError("MALFORMED_JSON");
    if (error.status === 401) return new AppError("UNAUTHENTICATED");
    if (error.status === 404) return new AppError("NOT_FOUND");
    if (error.status < 500) return new AppError("BAD_REQUEST", DEFAULT_MESSAGE.BAD_REQUEST, { cause: error });
  }
  return new AppError("INTERNAL", undefined, { cause: error });
}
