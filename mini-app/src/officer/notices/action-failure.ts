import { ApiError } from "../../api";
import { isTransient } from "../../api/http";
import { fieldErrors } from "../api/officer-http";

export interface Failure {
  message: string;
  /** The server's per-field messages (400), shown beside each input. */
  fields: Record<string, string>;
  /** Worth pressing again as is (no answer, a timeout, the server busy, the session renewed). */
  retryable: boolean;
  /** Someone changed the notice meanwhile (409): what is on screen is out of date. */
  conflict: boolean;
}

const EXPIRED =
  "Chưa lưu được vì phiên làm việc đã hết hạn. Sau khi đăng nhập lại, bấm nút một lần nữa; nội dung vẫn được giữ.";
const CONFLICT_HINT = "Thông báo vừa được thay đổi ở nơi khác.";

/** An error of a notice request, worded for the officer: what happened and what to do. */
export function failureOf(error: unknown): Failure {
  const expired = error instanceof ApiError && error.status === 401;
  const conflict = error instanceof ApiError && error.status === 409;
  const message = expired
    ? EXPIRED
    : error instanceof Error && error.message !== ""
      ? error.message
      : "Chưa lưu được. Vui lòng thử lại.";
  return {
    message: conflict && !message.includes("thay đổi") ? `${CONFLICT_HINT} ${message}` : message,
    fields: fieldErrors(error),
    retryable: expired || isTransient(error) || !(error instanceof ApiError),
    conflict,
  };
}
