import type { NoticeProgress, NoticeReport, Officer } from "@dvc/shared";
import { eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { noticeSteps, notices, oaGroups } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { noticeDeliveryCounts, noticeFailures, requeueFailedOfNotice } from "../delivery";
import { recordAudit } from "../officer-desk";
import { failureReasonText, maskedFollower } from "./failure-wording";
import { mayResendFailed } from "./notice-rules";
import { actorOf, type NoticeAsker, visibleNotice } from "./notices-service";

/**
 * A notice's delivery, as the officer's live progress view and final report show it (issue 13 §6):
 * the delivery engine's rows of the notice counted by audience and state, the failures with their
 * reason in Vietnamese, and "send again to the failed". Another commune's notice is a 404 (visibleNotice).
 */

/** The report lists this many failures; the rest are counted. */
export const REPORT_FAILURES_MAX = 200;

type NoticeRow = typeof notices.$inferSelect;

async function progressOf(db: Database, row: NoticeRow, now: Date): Promise<NoticeProgress> {
  const counts = await noticeDeliveryCounts(db, row.id);
  return {
    status: row.status,
    enqueuing: row.status === "sending" && row.enqueuedAt === null,
    groups: counts.groups,
    followers: counts.followers,
    updatedAt: now.toISOString(),
  };
}

export async function noticeProgress(
  db: Database,
  officer: Officer,
  id: string,
  now = new Date(),
): Promise<NoticeProgress> {
  return progressOf(db, await visibleNotice(db, officer, id), now);
}

export async function noticeReport(
  db: Database,
  officer: Officer,
  id: string,
  now = new Date(),
): Promise<NoticeReport> {
  const row = await visibleNotice(db, officer, id);
  const [progress, { failures, total }] = await Promise.all([
    progressOf(db, row, now),
    noticeFailures(db, row.id, REPORT_FAILURES_MAX),
  ]);
  const groupIds = [...new Set(failures.flatMap((f) => (f.groupId ? [f.groupId] : [])))];
  const names = new Map(
    groupIds.length === 0
      ? []
      : (
          await db
            .select({ groupId: oaGroups.groupId, name: oaGroups.name })
            .from(oaGroups)
            .where(inArray(oaGroups.groupId, groupIds))
        ).map((group) => [group.groupId, group.name] as const),
  );
  return {
    ...progress,
    failures: failures.map((failure) => ({
      target: failure.target,
      label:
        failure.target === "group"
          ? (names.get(failure.groupId ?? "") ?? `Nhóm ${failure.groupId ?? ""}`)
          : maskedFollower(failure.oaUserId),
      reason: failure.reason,
      reasonText: failureReasonText(failure.reason),
      at: failure.at?.toISOString() ?? null,
    })),
    moreFailures: Math.max(0, total - failures.length),
  };
}

/**
 * "Send again to the failed": the notice's failed rows back to the queue (the same rows, so still one
 * per recipient), a "resend" step and an audit row, in one transaction. A sent notice is `sending`
 * again until those rows are final (the dispatcher finishes it once more).
 */
export async function resendFailed(
  db: Database,
  asker: NoticeAsker,
  id: string,
  now = new Date(),
): Promise<{ requeued: number }> {
  return db.transaction(async (tx) => {
    const row = await visibleNotice(tx, asker.officer, id, true);
    if (!mayResendFailed(actorOf(asker.officer), row))
      throw new AppError(
        "CONFLICT",
        "Thông báo này chưa được gửi đi nên chưa có người nhận nào để gửi lại. Vui lòng tải lại trang.",
      );
    const requeued = await requeueFailedOfNotice(tx, row.id, now);
    if (requeued > 0 && row.status === "sent") {
      await tx
        .update(notices)
        .set({ status: "sending", updatedAt: now, version: sql`${notices.version} + 1` })
        .where(eq(notices.id, row.id));
    }
    await tx.insert(noticeSteps).values({
      noticeId: row.id,
      officerId: asker.officer.id,
      step: "resend",
      detail: { requeued },
      at: now,
    });
    await recordAudit(tx, {
      ...asker,
      action: "notice.resend",
      communeCode: row.communeCode,
      detail: { noticeId: row.id, requeued },
      at: now,
    });
    return { requeued };
  });
}
