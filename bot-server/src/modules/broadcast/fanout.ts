import {
  type NoticeTextFacts,
  noticeButtons,
  noticeChatText,
  noticeSenderName,
  noticeTextFacts,
} from "@dvc/shared";
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import {
  communes,
  noticeImages,
  noticeSteps,
  noticeSubscriptions,
  notices,
  oaGroups,
  residents,
} from "../../db/schema";
import type { Logger } from "../../lib/logger";
import { type DeliveryMessage, enqueueMany } from "../delivery";

/**
 * The fan-out of an approved notice through the delivery engine (issue 13 §6): one row per group, then
 * one per follower of the commune, in batches of FANOUT_BATCH ordered by oa_user_id. Each batch commits
 * with `notices.fanout_cursor` (the last follower enqueued) under a lock on the notice row, so a process
 * killed at any point resumes after the last committed batch: no gap, and no duplicate (the keys name
 * the recipient; enqueue is ON CONFLICT DO NOTHING). Cursor null: nothing enqueued yet; "": the groups
 * are. `enqueued_at` marks the end.
 */

export const FANOUT_BATCH = 1_000;

export interface FanoutDeps {
  db: Database;
  logger: Logger;
  miniAppId: string;
  /** Zalo's image upload (OaClient.uploadImage); ids are stored, uploaded once per notice. */
  uploadImage: (image: { bytes: Uint8Array; contentType: "image/jpeg" | "image/png" }) => Promise<string>;
  /** Followers per batch (tests use smaller ones to cut a run at a batch boundary). */
  batchSize?: number;
}

type Notice = typeof notices.$inferSelect;

/**
 * Moves due approved notices (no time set, or their time has come) to `sending`, with a "start" step,
 * one transaction per call: FOR UPDATE SKIP LOCKED, so two dispatchers never start the same one.
 */
export async function startDueNotices(db: Database, now: Date, limit = 10): Promise<string[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: notices.id })
      .from(notices)
      .where(
        and(eq(notices.status, "approved"), or(isNull(notices.scheduledAt), lte(notices.scheduledAt, now))),
      )
      .orderBy(asc(notices.scheduledAt), asc(notices.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    const ids = due.map((row) => row.id);
    if (ids.length === 0) return [];
    await tx
      .update(notices)
      .set({ status: "sending", startedAt: now, updatedAt: now, version: sql`${notices.version} + 1` })
      .where(inArray(notices.id, ids));
    await tx.insert(noticeSteps).values(ids.map((noticeId) => ({ noticeId, step: "start", at: now })));
    return ids;
  });
}

/** Notices being fanned out whose rows are not all enqueued yet (started here, or by a process that died). */
export async function noticesEnqueuing(db: Database): Promise<string[]> {
  const rows = await db
    .select({ id: notices.id })
    .from(notices)
    .where(and(eq(notices.status, "sending"), isNull(notices.enqueuedAt)))
    .orderBy(asc(notices.startedAt), asc(notices.id));
  return rows.map((row) => row.id);
}

export type StepResult = "more" | "done" | "busy";

/**
 * One step of a notice's fan-out, in one transaction holding the notice's row: the groups, or the next
 * batch of followers. "busy": another dispatcher holds it now; "done": every row is enqueued.
 */
export async function fanoutStep(deps: FanoutDeps, noticeId: string, now: Date): Promise<StepResult> {
  const notice = await deps.db.query.notices.findFirst({ where: eq(notices.id, noticeId) });
  if (notice?.status !== "sending" || notice.enqueuedAt) return "done";
  // Outside the transaction: a Zalo call must not hold a row lock (up to 10 s, OB-7).
  await ensureImageUploaded(deps, notice, now);
  return deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(notices)
      .where(and(eq(notices.id, noticeId), eq(notices.status, "sending"), isNull(notices.enqueuedAt)))
      .for("update", { skipLocked: true });
    if (!locked) return "busy";
    const texts = await noticeTexts(tx, locked, deps.miniAppId);
    if (locked.fanoutCursor === null) {
      await enqueueGroups(tx, locked, texts.group, now);
      const done = !locked.toFollowers;
      await tx
        .update(notices)
        .set({ fanoutCursor: "", ...(done ? { enqueuedAt: now } : {}) })
        .where(eq(notices.id, noticeId));
      return done ? "done" : "more";
    }
    const batch = await nextFollowers(tx, locked, deps.batchSize ?? FANOUT_BATCH);
    await enqueueMany(
      tx,
      batch.map((oaUserId) => followerMessage(locked, oaUserId, texts, deps.miniAppId)),
      now,
    );
    const done = batch.length < (deps.batchSize ?? FANOUT_BATCH);
    await tx
      .update(notices)
      .set({ fanoutCursor: batch.at(-1) ?? locked.fanoutCursor, ...(done ? { enqueuedAt: now } : {}) })
      .where(eq(notices.id, noticeId));
    return done ? "done" : "more";
  });
}

/**
 * Notices fully enqueued whose rows are all final become `sent`, with a "finish" step. A notice sent
 * to no one (no group chosen, no follower) finishes at once.
 */
export async function finishSentNotices(db: Database, now: Date): Promise<string[]> {
  return db.transaction(async (tx) => {
    const finished = await tx
      .update(notices)
      .set({ status: "sent", updatedAt: now, version: sql`${notices.version} + 1` })
      .where(
        and(
          eq(notices.status, "sending"),
          sql`${notices.enqueuedAt} is not null`,
          sql`not exists (select 1 from deliveries d where d.notice_id = ${notices.id}
                and d.status in ('queued', 'sending'))`,
        ),
      )
      .returning({ id: notices.id });
    if (finished.length > 0)
      await tx
        .insert(noticeSteps)
        .values(finished.map(({ id }) => ({ noticeId: id, step: "finish", at: now })));
    return finished.map(({ id }) => id);
  });
}

/** Image uploads that keep failing give up after this long: the notice goes as text rather than never. */
const IMAGE_UPLOAD_GIVE_UP_MS = 10 * 60_000;

async function ensureImageUploaded(deps: FanoutDeps, notice: Notice, now: Date): Promise<void> {
  if (notice.imageAttachmentId || notice.fanoutCursor !== null) return;
  const image = await deps.db.query.noticeImages.findFirst({ where: eq(noticeImages.noticeId, notice.id) });
  if (!image) return;
  try {
    const contentType = image.contentType === "image/png" ? "image/png" : "image/jpeg";
    const attachmentId = await deps.uploadImage({ bytes: image.bytes, contentType });
    await deps.db
      .update(notices)
      .set({ imageAttachmentId: attachmentId })
      .where(and(eq(notices.id, notice.id), isNull(notices.imageAttachmentId)));
  } catch (error) {
    const waited = now.getTime() - (notice.startedAt ?? now).getTime();
    deps.logger.warn("notice image upload failed", {
      noticeId: notice.id,
      errorClass: error instanceof Error ? error.name : "UnknownError",
      givingUp: waited >= IMAGE_UPLOAD_GIVE_UP_MS,
    });
    if (waited < IMAGE_UPLOAD_GIVE_UP_MS) throw error;
  }
}

interface NoticeTexts {
  facts: NoticeTextFacts;
  group: string;
  follower: string;
}

async function noticeTexts(tx: Database, notice: Notice, miniAppId: string): Promise<NoticeTexts> {
  const commune = notice.communeCode
    ? await tx.query.communes.findFirst({ where: eq(communes.code, notice.communeCode) })
    : undefined;
  const facts = noticeTextFacts(
    notice,
    noticeSenderName(commune ? { type: commune.type, name: commune.name } : null),
  );
  return {
    facts,
    // Group posts take no buttons (GMF, zalo-oa.md §0): the links are written out.
    group: noticeChatText(facts, miniAppId, "written"),
    follower: noticeChatText(facts, miniAppId, "buttons"),
  };
}

/** The chosen groups that still exist and belong to the notice's commune (any, for a province-wide one). */
async function enqueueGroups(tx: Database, notice: Notice, text: string, now: Date): Promise<void> {
  if (notice.groupIds.length === 0) return;
  const groups = await tx
    .select({ groupId: oaGroups.groupId })
    .from(oaGroups)
    .where(
      and(
        inArray(oaGroups.groupId, notice.groupIds),
        ne(oaGroups.status, "gone"),
        notice.communeCode ? eq(oaGroups.communeCode, notice.communeCode) : undefined,
      ),
    )
    .orderBy(asc(oaGroups.groupId));
  const messages: DeliveryMessage[] = groups.map(({ groupId }) => ({
    kind: "group_notice",
    key: `notice:${notice.id}:g:${groupId}`,
    groupId,
    noticeId: notice.id,
    text,
    ...(notice.imageAttachmentId ? { imageAttachmentId: notice.imageAttachmentId } : {}),
    expiresAt: notice.expiresAt,
  }));
  await enqueueMany(tx, messages, now);
}

/** The next followers after the cursor: subscribed to the commune (province-wide: all), still following. */
async function nextFollowers(tx: Database, notice: Notice, size: number): Promise<string[]> {
  const rows = await tx
    .select({ oaUserId: noticeSubscriptions.oaUserId })
    .from(noticeSubscriptions)
    .innerJoin(residents, eq(residents.oaUserId, noticeSubscriptions.oaUserId))
    .where(
      and(
        eq(residents.following, true),
        notice.communeCode
          ? eq(noticeSubscriptions.communeCode, notice.communeCode)
          : isNotNull(noticeSubscriptions.communeCode),
        gt(noticeSubscriptions.oaUserId, notice.fanoutCursor ?? ""),
      ),
    )
    .orderBy(asc(noticeSubscriptions.oaUserId))
    .limit(size);
  return rows.map((row) => row.oaUserId);
}

function followerMessage(
  notice: Notice,
  oaUserId: string,
  texts: NoticeTexts,
  miniAppId: string,
): DeliveryMessage {
  return {
    kind: "follower_notice",
    key: `notice:${notice.id}:u:${oaUserId}`,
    oaUserId,
    noticeId: notice.id,
    text: texts.follower,
    buttons: noticeButtons(texts.facts, miniAppId).map((button) => ({
      title: button.title,
      type: "oa.open.url" as const,
      payload: button.url,
    })),
    expiresAt: notice.expiresAt,
  };
}
