import type { ErrorCode } from "@dvc/shared";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** HTTP status for each error code: the one place that decides it. */
export const STATUS_OF: Record<ErrorCode, ContentfulStatusCode> = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  DB_UNAVAILABLE: 503,
  UPSTREAM_UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** Default Vietnamese message per code: says what happened and what to do. */
export const DEFAULT_MESSAGE: Record<ErrorCode, string> = {
  BAD_REQUEST: "Yêu cầu không hợp lệ. Vui lòng kiểm tra lại thông tin.",
  VALIDATION_FAILED: "Thông tin chưa đúng. Vui lòng sửa các mục được đánh dấu rồi gửi lại.",
  MALFORMED_JSON: "Dữ liệu gửi lên không đọc được (JSON không hợp lệ). Vui lòng thử lại.",
  UNAUTHENTICATED: "Bạn cần đăng nhập lại để tiếp tục.",
  FORBIDDEN: "Bạn không có quyền thực hiện thao tác này.",
  NOT_FOUND: "Không tìm thấy nội dung bạn yêu cầu.",
  CONFLICT: "Dữ liệu đã thay đổi ở nơi khác. Vui lòng tải lại và thử lại.",
  UNPROCESSABLE: "Yêu cầu này không khớp với lần gửi trước. Vui lòng tải lại trang rồi thử lại.",
  PAYLOAD_TOO_LARGE: "Dữ liệu gửi lên quá lớn. Vui lòng giảm dung lượng rồi thử lại.",
  RATE_LIMITED: "Bạn thao tác quá nhanh. Vui lòng đợi một lát rồi thử lại.",
  DB_UNAVAILABLE:
    "Hệ thống đang tạm gián đoạn. Thông tin của bạn vẫn được giữ; vui lòng thử lại sau ít phút.",
  UPSTREAM_UNAVAILABLE: "Zalo đang bận. Thông tin của bạn vẫn được giữ; vui lòng thử lại sau ít phút.",
  INTERNAL: "Đã có lỗi ở hệ thống. Thông tin của bạn vẫn được giữ; vui lòng thử lại.",
};

/** The one application error type: a code from the registry, an optional message and field errors. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    options?: { fields?: Record<string, string>; cause?: unknown },
  ) {
    super(message ?? DEFAULT_MESSAGE[code], { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options?.fields;
  }

  get status(): ContentfulStatusCode {
    return STATUS_OF[this.code];
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
