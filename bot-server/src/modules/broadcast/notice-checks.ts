import { CATALOG, type NoticeDraftInput, noticeNeedsSummary, noticeSenderName } from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { type Actor, mayDraftFor } from "./notice-rules";
import { findCommune, findGroups } from "./notices-repo";

/**
 * What zod cannot check of a notice's content: it needs the clock, the catalog, the groups registry
 * and who asks. Every problem is named on its field (422), so the form shows each beside its input.
 */

/** A time typed a minute ago still counts as "now" (the form was filled in, then sent). */
const SCHEDULE_SLACK_MS = 60_000;
const catalogCodes = new Set(CATALOG.map((p) => p.code));

export const NOTICE_MESSAGES = {
  otherCommune: "Bạn chỉ soạn được thông báo cho xã, phường của mình.",
  provinceOnlyAdmin: "Chỉ quản trị viên cấp tỉnh mới gửi được thông báo toàn tỉnh.",
  unknownCommune: "Không tìm thấy xã, phường này. Vui lòng chọn lại.",
  summaryNeeded:
    "Nội dung dài quá 2.000 ký tự, Zalo không gửi hết được. Vui lòng viết một đoạn tóm tắt ngắn; người nhận sẽ có đường dẫn tới toàn văn.",
  expiresPast: "Thời hạn hiển thị phải sau thời điểm hiện tại. Vui lòng chọn lại.",
  expiresBeforeSchedule: "Thời hạn hiển thị phải sau thời điểm gửi. Vui lòng chọn lại.",
  schedulePast:
    "Thời điểm gửi đã qua. Vui lòng chọn thời điểm sắp tới, hoặc để trống để gửi ngay khi được duyệt.",
  unknownProcedure: "Không tìm thấy thủ tục này trong danh mục. Vui lòng chọn lại hoặc bỏ nút nộp hồ sơ.",
  noAudience:
    "Vui lòng chọn ít nhất một nơi nhận qua Zalo: nhóm Zalo của xã hoặc người dân quan tâm (thông báo luôn hiện trong ứng dụng và trên bảng tin).",
} as const;

/** The commune a notice is for, as this officer may draft it; 403 otherwise. */
export function draftCommune(actor: Actor, requested: string | null): string | null {
  if (mayDraftFor(actor, requested)) return requested;
  throw new AppError(
    "FORBIDDEN",
    requested === null ? NOTICE_MESSAGES.provinceOnlyAdmin : NOTICE_MESSAGES.otherCommune,
  );
}

function groupProblem(
  groups: Awaited<ReturnType<typeof findGroups>>,
  groupIds: readonly string[],
  communeCode: string | null,
): string | undefined {
  const known = new Map(groups.map((group) => [group.groupId, group]));
  for (const groupId of groupIds) {
    const group = known.get(groupId);
    // Another commune's group is not named as such: to this officer it does not exist.
    const usable =
      group !== undefined &&
      group.status !== "gone" &&
      (communeCode === null ? group.communeCode !== null : group.communeCode === communeCode);
    if (!usable)
      return `Không tìm thấy nhóm Zalo mã ${groupId} trong các nhóm ${communeCode === null ? "đã gán cho xã, phường" : "của xã, phường này"}. Vui lòng tải lại danh sách nhóm rồi chọn lại.`;
  }
  return undefined;
}

/** The groups an audience names must be the commune's (province-wide: assigned ones); else a 422. */
export async function checkGroups(db: Database, groupIds: readonly string[], communeCode: string | null) {
  const problem = groupProblem(await findGroups(db, groupIds), groupIds, communeCode);
  if (problem) throw new AppError("UNPROCESSABLE", problem, { fields: { groupIds: problem } });
}

/**
 * Checks a notice's content for `communeCode` (already allowed for the officer) at `now`; throws a 422
 * naming every problem. `id` is the notice's id: the link in a summarised message counts toward
 * Zalo's 2,000 characters.
 */
export async function checkNoticeContent(
  db: Database,
  input: NoticeDraftInput & { id: string },
  context: { communeCode: string | null; miniAppId: string; now: Date },
): Promise<void> {
  const { communeCode, now } = context;
  const fields: Record<string, string> = {};
  const commune = communeCode === null ? null : await findCommune(db, communeCode);
  if (communeCode !== null && !commune) fields.communeCode = NOTICE_MESSAGES.unknownCommune;
  const facts = { ...input, senderName: noticeSenderName(commune ?? null) };
  if (!input.summary && noticeNeedsSummary(facts, context.miniAppId))
    fields.summary = NOTICE_MESSAGES.summaryNeeded;
  const expiresAt = new Date(input.expiresAt);
  const scheduledAt = input.scheduledAt === null ? null : new Date(input.scheduledAt);
  if (scheduledAt && scheduledAt.getTime() < now.getTime() - SCHEDULE_SLACK_MS)
    fields.scheduledAt = NOTICE_MESSAGES.schedulePast;
  if (expiresAt <= now) fields.expiresAt = NOTICE_MESSAGES.expiresPast;
  else if (scheduledAt && expiresAt <= scheduledAt) fields.expiresAt = NOTICE_MESSAGES.expiresBeforeSchedule;
  if (input.procedureCode !== null && !catalogCodes.has(input.procedureCode))
    fields.procedureCode = NOTICE_MESSAGES.unknownProcedure;
  const groupIssue = groupProblem(await findGroups(db, input.groupIds), input.groupIds, communeCode);
  if (groupIssue) fields.groupIds = groupIssue;
  if (input.groupIds.length === 0 && !input.toFollowers) fields.groupIds = NOTICE_MESSAGES.noAudience;
  const first = Object.values(fields)[0];
  if (first) throw new AppError("UNPROCESSABLE", first, { fields });
}
