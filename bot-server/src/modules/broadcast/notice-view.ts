import {
  type NoticeDraftInput,
  noticeStepSchema,
  type OfficerNotice,
  type OfficerNoticeList,
} from "@dvc/shared";
import { type Actor, abilitiesOf } from "./notice-rules";
import type { NoticeListRow, NoticeRow, StepRow } from "./notices-repo";

/** What the officer wrote, as the draft API takes it (checked again at submit). */
export function draftInputOf(row: NoticeRow): NoticeDraftInput {
  return {
    communeCode: row.communeCode,
    category: row.category,
    title: row.title,
    body: row.body,
    summary: row.summary,
    procedureCode: row.procedureCode,
    groupIds: row.groupIds,
    toFollowers: row.toFollowers,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** A notice as the officer area shows it, with what this officer may do now. */
export function toOfficerNotice(
  row: NoticeRow,
  extra: { author: string; hasImage: boolean; steps: StepRow[] },
  actor: Actor,
): OfficerNotice {
  return {
    ...draftInputOf(row),
    id: row.id,
    status: row.status,
    hasImage: extra.hasImage,
    author: extra.author,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    returnComment: row.returnComment,
    steps: extra.steps.map((step) => ({
      // Steps are written by this module only; parsing keeps the API honest if one is ever misnamed.
      step: noticeStepSchema.shape.step.parse(step.step),
      by: step.by,
      comment: step.comment,
      at: step.at.toISOString(),
    })),
    can: abilitiesOf(actor, row),
  };
}

export function toListItem(row: NoticeListRow): OfficerNoticeList["notices"][number] {
  return {
    id: row.id,
    communeCode: row.communeCode,
    status: row.status,
    category: row.category,
    title: row.title,
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    author: row.author,
    updatedAt: row.updatedAt.toISOString(),
  };
}
