import { randomUUID } from "node:crypto";
import { NOTICE_CATEGORIES } from "@dvc/shared";
import { sql } from "drizzle-orm";
import type { Database } from "../../bot-server/src/db/client";
import { noticeSubscriptions, notices, oaGroups, officers, residents } from "../../bot-server/src/db/schema";

/**
 * A commune's notice audience for the fan-out test and bench (issue 13): followers who wrote an hour
 * ago (inside the 7-day window, so each goes by one consultation message) and subscribed to the commune,
 * groups assigned to it, and an approved notice to all of them. Rows are written directly: what is
 * measured is the fan-out and the sending, not how an officer got there (the e2e test walks that).
 *
 *   const audience = await seedNoticeAudience(db, { communeCode: "00070", followers: 2_000, groups: 20 });
 *   const noticeId = await seedApprovedNotice(db, audience);
 */

export interface NoticeAudience {
  communeCode: string;
  /** Follower OA user ids, in the order fan-out walks them (ascending). */
  followerIds: string[];
  groupIds: string[];
  authorId: string;
  reviewerId: string;
}

export interface NoticeAudienceOptions {
  communeCode: string;
  followers: number;
  groups: number;
}

const CHUNK = 1_000;

/** The fan-out's process (dispatcher + delivery worker) for delivery-workers.ts's `script` option. */
export const NOTICE_WORKER_SCRIPT = "tests/support/notice-worker-process.ts";

export async function seedNoticeAudience(
  db: Database,
  options: NoticeAudienceOptions,
): Promise<NoticeAudience> {
  const run = randomUUID().replace(/\D/g, "").padEnd(8, "5").slice(0, 8);
  // Same length, so text order is numeric order (the dispatcher's cursor walks oa_user_id as text).
  const followerIds = Array.from(
    { length: options.followers },
    (_, n) => `8${run}${String(n).padStart(9, "0")}`,
  );
  // Zalo's group ids are opaque hex strings (zalo-oa.md §5): kept as strings.
  const groupIds = Array.from(
    { length: options.groups },
    (_, n) => `f0${run}${n.toString(16).padStart(6, "0")}`,
  );
  const lastInteractionAt = new Date(Date.now() - 3_600_000);
  for (let start = 0; start < followerIds.length; start += CHUNK) {
    const chunk = followerIds.slice(start, start + CHUNK);
    await db.transaction(async (tx) => {
      await tx.insert(residents).values(
        chunk.map((oaUserId) => ({
          oaUserId,
          following: true,
          followedAt: lastInteractionAt,
          lastInteractionAt,
        })),
      );
      await tx.insert(noticeSubscriptions).values(
        chunk.map((oaUserId) => ({
          oaUserId,
          communeCode: options.communeCode,
          source: "mini_app" as const,
        })),
      );
    });
  }
  if (groupIds.length > 0)
    await db.insert(oaGroups).values(
      groupIds.map((groupId, n) => ({
        groupId,
        name: `Tổ dân phố ${n + 1}`,
        communeCode: options.communeCode,
        status: "enabled",
        syncedAt: new Date(),
      })),
    );
  // Not signed in by anyone: the hash only fills the column.
  const [author, reviewer] = await db
    .insert(officers)
    .values([
      {
        username: `canbo.fanout.${run}`,
        passwordHash: "-",
        role: "officer",
        communeCode: options.communeCode,
      },
      {
        username: `lanhdao.fanout.${run}`,
        passwordHash: "-",
        role: "leader",
        communeCode: options.communeCode,
      },
    ])
    .returning({ id: officers.id });
  if (!author || !reviewer) throw new Error("officers not inserted");
  return {
    communeCode: options.communeCode,
    followerIds,
    groupIds,
    authorId: author.id,
    reviewerId: reviewer.id,
  };
}

/** An approved notice to every group and follower of the audience, due now. Returns its id. */
export async function seedApprovedNotice(db: Database, audience: NoticeAudience): Promise<string> {
  const now = new Date();
  const [notice] = await db
    .insert(notices)
    .values({
      communeCode: audience.communeCode,
      authorId: audience.authorId,
      status: "approved",
      // Any category: the test does not depend on which.
      category: NOTICE_CATEGORIES[0],
      title: "Tạm ngừng cấp nước",
      body: "Tạm ngừng cấp nước từ 8:00 đến 12:00 ngày mai để sửa đường ống. Bà con vui lòng trữ nước.",
      groupIds: audience.groupIds,
      toFollowers: true,
      expiresAt: new Date(now.getTime() + 7 * 24 * 3_600_000),
      submittedAt: now,
      reviewedBy: audience.reviewerId,
      reviewedAt: now,
    })
    .returning({ id: notices.id });
  if (!notice) throw new Error("notice not inserted");
  return notice.id;
}

/** A notice's delivery rows by kind and state, from the table itself (the report must equal it). */
export async function noticeRowsByState(
  db: Database,
  noticeId: string,
): Promise<{ kind: string; status: string; n: number }[]> {
  const result = (await db.execute(
    sql`select kind, status, count(*)::int as n from deliveries where notice_id = ${noticeId} group by kind, status order by kind, status`,
  )) as unknown as { rows: { kind: string; status: string; n: number }[] };
  return result.rows;
}
