import { z } from "zod";

/**
 * Every error the server answers with, in one table (as FormSG's ErrorCodes): a stable name the Mini App
 * reacts to, a number a citizen can read out to the help desk, the HTTP status, and the default message
 * in Vietnamese that says what happened and what to do. Numbers are grouped by kind:
 * 1xxx the request itself, 2xxx who is asking, 3xxx the thing asked for, 4xxx limits, 5xxx our side or
 * Zalo's. A number is never reused for another meaning.
 */
export const ERROR_TABLE = {
  BAD_REQUEST: {
    number: 1000,
    status: 400,
    message: "Yêu cầu không hợp lệ. Vui lòng kiểm tra lại thông tin.",
  },
  VALIDATION_FAILED: {
    number: 1001,
    status: 400,
    message: "Thông tin chưa đúng. Vui lòng sửa các mục được đánh dấu rồi gửi lại.",
  },
  MALFORMED_JSON: {
    number: 1002,
    status: 400,
    message: "Dữ liệu gửi lên không đọc được (JSON không hợp lệ). Vui lòng thử lại.",
  },
  JSON_TOO_DEEP: {
    number: 1003,
    status: 400,
    message:
      "Dữ liệu gửi lên lồng nhau quá nhiều tầng nên không đọc được. Vui lòng tải lại trang rồi thử lại.",
  },
  PAYLOAD_TOO_LARGE: {
    number: 1004,
    status: 413,
    message: "Dữ liệu gửi lên quá lớn. Vui lòng giảm dung lượng rồi thử lại.",
  },
  /** A webhook event older than the window in which we remember every event (a replay). */
  STALE_EVENT: {
    number: 1005,
    status: 400,
    message: "Sự kiện này đã quá cũ nên không được nhận lại.",
  },
  /** The database refused a value (SQLSTATE class 22) that validation let through. */
  UNSTORABLE_VALUE: {
    number: 1006,
    status: 400,
    message:
      "Có thông tin không lưu được (ký tự hoặc con số không hợp lệ). Vui lòng kiểm tra lại rồi gửi lại.",
  },
  UNAUTHENTICATED: {
    number: 2001,
    status: 401,
    message: "Bạn cần đăng nhập lại để tiếp tục.",
  },
  FORBIDDEN: {
    number: 2003,
    status: 403,
    message: "Bạn không có quyền thực hiện thao tác này.",
  },
  NOT_FOUND: {
    number: 3004,
    status: 404,
    message: "Không tìm thấy nội dung bạn yêu cầu.",
  },
  CONFLICT: {
    number: 3009,
    status: 409,
    message: "Dữ liệu đã thay đổi ở nơi khác. Vui lòng tải lại và thử lại.",
  },
  UNPROCESSABLE: {
    number: 3022,
    status: 422,
    message: "Yêu cầu này không khớp với lần gửi trước. Vui lòng tải lại trang rồi thử lại.",
  },
  /** A per-citizen cap on what is kept for them (open drafts, upload bytes). */
  LIMIT_REACHED: {
    number: 4009,
    status: 409,
    message: "Bạn đã dùng hết phần lưu trữ dành cho mình. Vui lòng xoá bớt bản nháp hoặc tệp cũ rồi thử lại.",
  },
  RATE_LIMITED: {
    number: 4029,
    status: 429,
    message: "Bạn thao tác quá nhanh. Vui lòng đợi một lát rồi thử lại.",
  },
  INTERNAL: {
    number: 5000,
    status: 500,
    message: "Đã có lỗi ở hệ thống. Thông tin của bạn vẫn được giữ; vui lòng thử lại.",
  },
  DB_UNAVAILABLE: {
    number: 5003,
    status: 503,
    message: "Hệ thống đang tạm gián đoạn. Thông tin của bạn vẫn được giữ; vui lòng thử lại sau ít phút.",
  },
  /** Only when Zalo itself failed or did not answer; never for a request we could not even build. */
  UPSTREAM_UNAVAILABLE: {
    number: 5103,
    status: 503,
    message: "Zalo đang bận. Thông tin của bạn vẫn được giữ; vui lòng thử lại sau ít phút.",
  },
} as const satisfies Record<string, { number: number; status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_TABLE;

/** The codes in table order (the Mini App and tests iterate them). */
export const ERROR_CODES = Object.keys(ERROR_TABLE) as [ErrorCode, ...ErrorCode[]];

/** The one error envelope: `{code, number, message, requestId}`, the message in Vietnamese. */
export const errorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  /**
   * ERROR_TABLE's number for `code`: what a citizen reads out to the help desk. The server always sends
   * it; a reader tolerates its absence (an older server, a proxy's answer) since `code` says the same.
   */
  number: z.number().int().optional(),
  message: z.string(),
  requestId: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
