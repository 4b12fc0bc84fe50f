import type { z } from "zod";

/**
 * Messages for the checks a schema states without words of its own (`.max(100)`, a missing field, a wrong
 * type), in Vietnamese that says what to do. Passed per parse (`schema.safeParse(value, { error })`), so a
 * message a schema does give always wins, and nothing global is configured. Without it zod answers in
 * English ("Too big: expected string to have <=100 characters"), which a citizen then read.
 */
export const vietnameseIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined || issue.input === null
        ? "Vui lòng điền mục này."
        : "Giá trị của mục này không đúng loại. Vui lòng nhập lại.";
    case "too_big":
      return tooBig(issue);
    case "too_small":
      return tooSmall(issue);
    case "invalid_format":
      return "Giá trị chưa đúng định dạng. Vui lòng kiểm tra lại.";
    case "invalid_value":
    case "invalid_union":
      return "Giá trị này không có trong các lựa chọn. Vui lòng chọn lại.";
    case "unrecognized_keys":
      return "Có mục không được hỗ trợ. Vui lòng tải lại trang rồi thử lại.";
    case "not_multiple_of":
      return "Số này không hợp lệ. Vui lòng kiểm tra lại.";
    default:
      return "Giá trị này không hợp lệ. Vui lòng kiểm tra lại.";
  }
};

type SizeIssue = { origin: string; input?: unknown };

function tooBig(issue: SizeIssue & { maximum: number | bigint }): string {
  const max = issue.maximum.toString();
  if (issue.origin === "string") {
    const typed = typeof issue.input === "string" ? ` (bạn đã nhập ${[...issue.input].length})` : "";
    return `Vui lòng nhập tối đa ${max} ký tự${typed}.`;
  }
  if (issue.origin === "array" || issue.origin === "set") return `Chỉ được chọn tối đa ${max} mục.`;
  if (issue.origin === "number" || issue.origin === "bigint" || issue.origin === "int") {
    return `Vui lòng nhập số không lớn hơn ${max}.`;
  }
  return "Giá trị quá lớn. Vui lòng kiểm tra lại.";
}

function tooSmall(issue: SizeIssue & { minimum: number | bigint }): string {
  const min = issue.minimum.toString();
  if (issue.origin === "string") {
    return min === "1" ? "Vui lòng điền mục này." : `Vui lòng nhập ít nhất ${min} ký tự.`;
  }
  if (issue.origin === "array" || issue.origin === "set") return `Vui lòng chọn ít nhất ${min} mục.`;
  if (issue.origin === "number" || issue.origin === "bigint" || issue.origin === "int") {
    return `Vui lòng nhập số không nhỏ hơn ${min}.`;
  }
  return "Giá trị quá nhỏ. Vui lòng kiểm tra lại.";
}
