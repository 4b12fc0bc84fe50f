import { randomUUID } from "node:crypto";
import {
  NOTICE_STATUS_LABELS,
  type NoticeDraftInput,
  type Officer,
  type OfficerNotice,
  type OfficerNoticeList,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { type AuditAction, recordAudit } from "../officer-desk";
import { checkNoticeContent, draftCommune } from "./notice-checks";
import { type Actor, mayEdit, maySee, maySubmit, type NoticeFacts } from "./notice-rules";
import { draftInputOf, toListItem, toOfficerNotice } from "./notice-view";
import {
  findNotice,
  hasImage,
  insertNotice,
  insertStep,
  listNotices,
  listSteps,
  type NoticeChange,
  type NoticeRow,
  type NoticeStepName,
  updateNotice,
  usernameOf,
} from "./notices-repo";

/**
 * A notice's life in the officer area (issue 13 §3–§5): draft, edit, send for approval, approve or
 * return, cancel. Each change is checked against the version the officer saw, bumps it, and writes a
 * notice_steps row and an audit_log row in its transaction. Nothing here calls Zalo: an approved
 * notice waits for the dispatcher (dispatcher.ts).
 */

export interface NoticeDeps {
  db: Database;
  /** The Mini App's id: a summarised message's link counts toward Zalo's 2,000 characters. */
  miniAppId: string;
  /** ZALO_TEMPLATE_FOLLOWER_NOTICE: followers outside the 7-day window are reachable only with it. */
  followerTemplate: string | undefined;
}

/** Who asks, from where: every step is audited with it. */
export interface NoticeAsker {
  officer: Officer;
  addressHash: string;
}

const LIST_LIMIT = 100;
export const NOT_FOUND_MESSAGE = "Không tìm thấy thông báo này trong xã, phường của bạn.";
const STALE_MESSAGE =
  "Thông báo vừa được thay đổi ở nơi khác (một cửa sổ khác hoặc người duyệt). Vui lòng tải lại để xem bản mới nhất rồi thử lại.";

export function actorOf(officer: Officer): Actor {
  return { id: officer.id, role: officer.role, communeCode: officer.communeCode };
}

export async function listOfficerNotices(deps: NoticeDeps, officer: Officer): Promise<OfficerNoticeList> {
  const scope = officer.role === "admin" ? null : officer.communeCode;
  if (officer.role !== "admin" && scope === null) return { notices: [] };
  const rows = await listNotices(deps.db, scope, LIST_LIMIT);
  return { notices: rows.map(toListItem) };
}

/** The officer's view of one notice: with its steps and what they may do. */
export async function viewNotice(db: Database, row: NoticeRow, officer: Officer): Promise<OfficerNotice> {
  const [author, image, steps] = await Promise.all([
    usernameOf(db, row.authorId),
    hasImage(db, row.id),
    listSteps(db, row.id),
  ]);
  return toOfficerNotice(row, { author, hasImage: image, steps }, actorOf(officer));
}

/** A notice this officer may see, or the same 404 as a notice that does not exist. */
export async function visibleNotice(db: Database, officer: Officer, id: string, lock = false) {
  const row = await findNotice(db, id, lock);
  if (!row || !maySee(actorOf(officer), row)) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
  return row;
}

export async function getOfficerNotice(deps: NoticeDeps, officer: Officer, id: string) {
  return viewNotice(deps.db, await visibleNotice(deps.db, officer, id), officer);
}

const contentColumns = (input: NoticeDraftInput) => ({
  category: input.category,
  title: input.title,
  body: input.body,
  summary: input.summary || null,
  procedureCode: input.procedureCode,
  groupIds: [...new Set(input.groupIds)],
  toFollowers: input.toFollowers,
  scheduledAt: input.scheduledAt === null ? null : new Date(input.scheduledAt),
  expiresAt: new Date(input.expiresAt),
});

async function recordStep(
  tx: Database,
  asker: NoticeAsker,
  row: NoticeRow,
  step: { name: NoticeStepName; comment?: string | null; at: Date },
): Promise<void> {
  await insertStep(tx, {
    noticeId: row.id,
    officerId: asker.officer.id,
    step: step.name,
    comment: step.comment ?? null,
    at: step.at,
  });
  await recordAudit(tx, {
    ...asker,
    action: `notice.${step.name}` satisfies AuditAction,
    communeCode: row.communeCode,
    detail: { noticeId: row.id, status: row.status, version: row.version },
    at: step.at,
  });
}

export async function createNotice(
  deps: NoticeDeps,
  asker: NoticeAsker,
  input: NoticeDraftInput,
  now = new Date(),
) {
  const communeCode = draftCommune(actorOf(asker.officer), input.communeCode);
  const id = randomUUID();
  await checkNoticeContent(deps.db, { ...input, id }, { communeCode, miniAppId: deps.miniAppId, now });
  const row = await deps.db.transaction(async (tx) => {
    const created = await insertNotice(tx, {
      id,
      communeCode,
      authorId: asker.officer.id,
      status: "draft",
      ...contentColumns(input),
      createdAt: now,
      updatedAt: now,
    });
    await recordStep(tx, asker, created, { name: "draft", at: now });
    return created;
  });
  return viewNotice(deps.db, row, asker.officer);
}

/** The refusal when a rule says no: the status moved on (409), or this officer may not (403). */
export function refuse(notice: NoticeFacts, why: string): never {
  throw new AppError(
    "CONFLICT",
    `Thông báo đang ở trạng thái "${NOTICE_STATUS_LABELS[notice.status]}": ${why}`,
  );
}

/**
 * One change to a notice under its row lock: the version the officer saw, the rule, the change, the
 * step and its audit row, all in one transaction. `decide` throws when the change is not allowed.
 */
export async function changeNotice(
  deps: NoticeDeps,
  asker: NoticeAsker,
  request: { id: string; version: number | null; step: NoticeStepName; comment?: string | null },
  decide: (row: NoticeRow, tx: Database) => Promise<NoticeChange> | NoticeChange,
  now = new Date(),
): Promise<OfficerNotice> {
  const row = await deps.db.transaction(async (tx) => {
    const current = await visibleNotice(tx, asker.officer, request.id, true);
    if (request.version !== null && current.version !== request.version)
      throw new AppError("CONFLICT", STALE_MESSAGE, { details: { currentVersion: current.version } });
    const change = await decide(current, tx);
    const updated = await updateNotice(tx, current.id, current.version, change, now);
    if (!updated) throw new AppError("CONFLICT", STALE_MESSAGE);
    await recordStep(tx, asker, updated, { name: request.step, comment: request.comment ?? null, at: now });
    return updated;
  });
  return viewNotice(deps.db, row, asker.officer);
}

const EDIT_REFUSAL = "chỉ sửa được bản nháp hoặc thông báo bị trả lại.";

/** Rules of an edit: the status allows it (draft/returned). Exported for the image routes. */
export function assertEditable(asker: NoticeAsker, row: NoticeRow): void {
  if (!mayEdit(actorOf(asker.officer), row)) refuse(row, EDIT_REFUSAL);
}

export function updateNoticeContent(
  deps: NoticeDeps,
  asker: NoticeAsker,
  request: { id: string; input: NoticeDraftInput & { version: number } },
  now = new Date(),
) {
  const { input } = request;
  return changeNotice(
    deps,
    asker,
    { id: request.id, version: input.version, step: "edit" },
    async (row, tx) => {
      assertEditable(asker, row);
      // The commune is the notice's: an officer cannot move it to another; an admin may.
      const communeCode =
        asker.officer.role === "admin"
          ? draftCommune(actorOf(asker.officer), input.communeCode)
          : row.communeCode;
      await checkNoticeContent(tx, { ...input, id: row.id }, { communeCode, miniAppId: deps.miniAppId, now });
      return { ...contentColumns(input), communeCode };
    },
    now,
  );
}

export function submitNotice(
  deps: NoticeDeps,
  asker: NoticeAsker,
  id: string,
  version: number,
  now = new Date(),
) {
  return changeNotice(
    deps,
    asker,
    { id, version, step: "submit" },
    async (row, tx) => {
      if (!maySubmit(actorOf(asker.officer), row))
        refuse(row, "chỉ gửi duyệt được bản nháp hoặc thông báo bị trả lại.");
      // Checked again: time passed since the draft, and a group may have been moved to another commune.
      await checkNoticeContent(
        tx,
        { ...draftInputOf(row), id: row.id },
        {
          communeCode: row.communeCode,
          miniAppId: deps.miniAppId,
          now,
        },
      );
      return { status: "pending", submittedAt: now, returnComment: null };
    },
    now,
  );
}
