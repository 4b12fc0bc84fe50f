import { AppError } from "../../lib/errors";

/**
 * What one citizen may keep open at a time. A person files a handful of procedures a year; twenty
 * unsubmitted drafts leave room for several family members' at once and stop a script from filling the
 * database (ASVS 2.4.1 anti-automation, per user). Submitted drafts do not count.
 */
export const MAX_OPEN_DRAFTS = 20;

export function tooManyDrafts(): AppError {
  return new AppError(
    "LIMIT_REACHED",
    `Bạn đang có ${MAX_OPEN_DRAFTS} bản nháp chưa nộp, là số tối đa. Vui lòng nộp hoặc xoá bớt bản nháp cũ ở trang chủ rồi bắt đầu lại.`,
  );
}
