import { communeTag } from "@dvc/shared";
import { and, asc, eq, isNull, ne, notInArray, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { noticeSubscriptions, residents } from "../../db/schema";
import type { Logger } from "../../lib/logger";

/**
 * Keeps the OA tag of each follower in line with the commune they chose (notice_subscriptions): the
 * old commune's tag off, the new one on (zalo-oa.md §6: tags are v2.0 and only label followers — there is
 * no send-by-tag, fan-out reads our table). Then `tagged_as` records it. A few per round, paid from the
 * fleet's send budget like every other Zalo call; a follower whose call failed is tried again later.
 */

export interface TagSyncDeps {
  db: Database;
  logger: Logger;
  tagFollower: (userId: string, tagName: string) => Promise<void>;
  untagFollower: (userId: string, tagName: string) => Promise<void>;
  /** The fleet's send budget (delivery's SendBudget.take): a round stops when none is left. */
  takeBudget: (calls: number) => Promise<{ granted: number }>;
  /** Followers per round. */
  perRound?: number;
}

export interface TagSync {
  /** One round; how many followers were brought in line. */
  round(now: Date): Promise<number>;
}

const PER_ROUND = 20;
/** A follower whose tag call failed waits this long before the next try (Zalo busy, not a follower…). */
const RETRY_AFTER_MS = 5 * 60_000;

export function createTagSync(deps: TagSyncDeps): TagSync {
  const retryAt = new Map<string, number>();
  return {
    async round(now) {
      for (const [id, at] of retryAt) if (at <= now.getTime()) retryAt.delete(id);
      const due = await outOfStep(deps.db, [...retryAt.keys()], deps.perRound ?? PER_ROUND);
      let done = 0;
      for (const follower of due) {
        const wanted = follower.communeCode === null ? null : communeTag(follower.communeCode);
        const calls = (follower.taggedAs ? 1 : 0) + (wanted ? 1 : 0);
        if ((await deps.takeBudget(calls)).granted < calls) break;
        try {
          if (follower.taggedAs) await deps.untagFollower(follower.oaUserId, follower.taggedAs);
          if (wanted) await deps.tagFollower(follower.oaUserId, wanted);
          await recordTagged(deps.db, follower.oaUserId, follower.communeCode, wanted);
          done += 1;
        } catch (error) {
          retryAt.set(follower.oaUserId, now.getTime() + RETRY_AFTER_MS);
          deps.logger.warn("follower tag sync failed", {
            errorClass: error instanceof Error ? error.name : "UnknownError",
            kind: typeof error === "object" && error && "kind" in error ? String(error.kind) : undefined,
          });
        }
      }
      return done;
    },
  };
}

interface OutOfStep {
  oaUserId: string;
  /** Null: they stopped, and only their old tag is left to take off. */
  communeCode: string | null;
  taggedAs: string | null;
}

/**
 * Following subscribers whose tag at Zalo is not their commune's, and those who stopped but still carry
 * a tag, oldest change first.
 */
async function outOfStep(db: Database, skip: string[], limit: number): Promise<OutOfStep[]> {
  // communeTag(code) is a fixed prefix and the code: the same rule, in SQL.
  const tagOfCommune = sql`${communeTag("")} || ${noticeSubscriptions.communeCode}`;
  return db
    .select({
      oaUserId: noticeSubscriptions.oaUserId,
      communeCode: noticeSubscriptions.communeCode,
      taggedAs: noticeSubscriptions.taggedAs,
    })
    .from(noticeSubscriptions)
    .innerJoin(residents, eq(residents.oaUserId, noticeSubscriptions.oaUserId))
    .where(
      and(
        eq(residents.following, true),
        or(
          isNull(noticeSubscriptions.taggedAs),
          isNull(noticeSubscriptions.communeCode),
          ne(noticeSubscriptions.taggedAs, tagOfCommune),
        ),
        skip.length > 0 ? notInArray(noticeSubscriptions.oaUserId, skip) : undefined,
      ),
    )
    .orderBy(asc(noticeSubscriptions.updatedAt), asc(noticeSubscriptions.oaUserId))
    .limit(limit);
}

/**
 * Only if the follower did not change commune meanwhile (else the next round tags the new one). A
 * follower who stopped (no commune) and is now untagged has nothing left: the row goes.
 */
async function recordTagged(db: Database, oaUserId: string, communeCode: string | null, tag: string | null) {
  const sameCommune =
    communeCode === null
      ? isNull(noticeSubscriptions.communeCode)
      : eq(noticeSubscriptions.communeCode, communeCode);
  const row = and(eq(noticeSubscriptions.oaUserId, oaUserId), sameCommune);
  if (tag === null) await db.delete(noticeSubscriptions).where(row);
  else await db.update(noticeSubscriptions).set({ taggedAs: tag }).where(row);
}
