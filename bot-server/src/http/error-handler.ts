import type { ErrorBody } from "@dvc/shared";
import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, DEFAULT_MESSAGE, isDatabaseUnavailable, STATUS_OF } from "../lib/errors";
import type { Logger } from "../lib/logger";
import type { AppEnv } from "./env";

/** The one error handler: every failure becomes `{code, message, requestId}`, never a stack. */
export function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") {
      logger.error("unhandled error", { requestId: c.get("requestId"), route: c.req.routePath, error });
    } else if (appError.code === "UPSTREAM_UNAVAILABLE") {
      logger.warn("upstream unavailable", { requestId: c.get("requestId"), route: c.req.routePath, error });
    } else if (appError.code === "DB_UNAVAILABLE") {
      logger.warn("database unavailable", { requestId: c.get("requestId"), route: c.req.routePath, error });
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
  const body: ErrorBody = {
    code: error.code,
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
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError("PAYLOAD_TOO_LARGE");
    if (error.status === 400 && /json/i.test(error.message)) return new AppError("MALFORMED_JSON");
    if (error.status === 401) return new AppError("UNAUTHENTICATED");
    if (error.status === 404) return new AppError("NOT_FOUND");
    if (error.status < 500) return new AppError("BAD_REQUEST", DEFAULT_MESSAGE.BAD_REQUEST, { cause: error });
  }
  return new AppError("INTERNAL", undefined, { cause: error });
}
