import { AppError } from "../../lib/errors";
import { mayCancel, mayReview } from "./notice-rules";
import type { NoticeRow } from "./notices-repo";
import { actorOf, changeNotice, type NoticeAsker, type NoticeDeps, refuse } from "./notices-service";

/**
 * A leader's (or an admin's) review of a pending notice, and cancelling before the fan-out starts
 * (issue 13 §4–§5). Each goes through changeNotice: version, rule, step and audit row in one transaction.
 */

const SELF_REVIEW = "Bạn không thể tự duyệt thông báo do mình soạn. Vui lòng nhờ lãnh đạo khác của xã duyệt.";
const NOT_REVIEWER = "Chỉ lãnh đạo xã, phường (hoặc quản trị viên tỉnh) mới duyệt được thông báo.";

function assertReviewer(asker: NoticeAsker, row: NoticeRow): void {
  const actor = actorOf(asker.officer);
  if (mayReview(actor, row)) return;
  if (row.status !== "pending") refuse(row, "chỉ duyệt hoặc trả lại được thông báo đang chờ duyệt.");
  throw new AppError("FORBIDDEN", actor.id === row.authorId ? SELF_REVIEW : NOT_REVIEWER);
}

/** Approve: it goes at its time (null: as soon as the dispatcher sees it). An expired one cannot go. */
export function approveNotice(
  deps: NoticeDeps,
  asker: NoticeAsker,
  id: string,
  version: number,
  now = new Date(),
) {
  return changeNotice(
    deps,
    asker,
    { id, version, step: "approve" },
    (row) => {
      assertReviewer(asker, row);
      if (row.expiresAt <= now)
        throw new AppError(
          "UNPROCESSABLE",
          "Thông báo đã quá thời hạn hiển thị. Vui lòng trả lại để cán bộ sửa thời hạn.",
        );
      return { status: "approved", reviewedBy: asker.officer.id, reviewedAt: now };
    },
    now,
  );
}

export function returnNotice(
  deps: NoticeDeps,
  asker: NoticeAsker,
  request: { id: string; version: number; comment: string },
  now = new Date(),
) {
  return changeNotice(
    deps,
    asker,
    { id: request.id, version: request.version, step: "return", comment: request.comment },
    (row) => {
      assertReviewer(asker, row);
      return {
        status: "returned",
        reviewedBy: asker.officer.id,
        reviewedAt: now,
        returnComment: request.comment,
      };
    },
    now,
  );
}

export function cancelNotice(
  deps: NoticeDeps,
  asker: NoticeAsker,
  id: string,
  version: number,
  now = new Date(),
) {
  return changeNotice(
    deps,
    asker,
    { id, version, step: "cancel" },
    (row) => {
      if (mayCancel(actorOf(asker.officer), row)) return { status: "cancelled", cancelledAt: now };
      if (row.startedAt !== null || !["draft", "pending", "returned", "approved"].includes(row.status))
        refuse(row, "chỉ huỷ được thông báo chưa bắt đầu gửi.");
      throw new AppError(
        "FORBIDDEN",
        "Chỉ người soạn, lãnh đạo xã hoặc quản trị viên mới huỷ được thông báo này.",
      );
    },
    now,
  );
}
