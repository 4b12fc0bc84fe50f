import type { NoticeAudience, Officer } from "@dvc/shared";
import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { noticeSubscriptions, residents } from "../../db/schema";
import { CONSULTATION_WINDOW_MS } from "../delivery";
import { checkGroups, draftCommune } from "./notice-checks";
import { actorOf, type NoticeDeps } from "./notices-service";

/**
 * Before sending (issue 13 §2): how many each channel will reach, by the delivery engine's ladder
 * (delivery/channel-ladder.ts, zalo-oa.md §0): a follower who wrote to the OA within 7 days gets a
 * consultation message; outside it a template by user id when ZALO_TEMPLATE_FOLLOWER_NOTICE is set;
 * otherwise Zalo cannot reach them (they still see the notice in the Mini App and on the board).
 * Only residents who follow the OA count: an unfollower is not sent to.
 */
export async function countAudience(
  db: Database,
  input: {
    /** Null: province-wide, every subscriber. */
    communeCode: string | null;
    groupIds: readonly string[];
    toFollowers: boolean;
    templateConfigured: boolean;
    now: Date;
  },
): Promise<NoticeAudience> {
  const followers = { consultation: 0, template: 0, unreachable: 0 };
  if (input.toFollowers) {
    const windowStart = new Date(input.now.getTime() - CONSULTATION_WINDOW_MS);
    const conditions: SQL[] = [eq(residents.following, true)];
    conditions.push(
      input.communeCode !== null
        ? eq(noticeSubscriptions.communeCode, input.communeCode)
        : isNotNull(noticeSubscriptions.communeCode),
    );
    const [row] = await db
      .select({
        inWindow: sql<number>`count(*) filter (where ${residents.lastInteractionAt} > ${windowStart})::int`,
        total: sql<number>`count(*)::int`,
      })
      .from(noticeSubscriptions)
      .innerJoin(residents, eq(residents.oaUserId, noticeSubscriptions.oaUserId))
      .where(and(...conditions));
    const inWindow = row?.inWindow ?? 0;
    const outside = (row?.total ?? 0) - inWindow;
    followers.consultation = inWindow;
    if (input.templateConfigured) followers.template = outside;
    else followers.unreachable = outside;
  }
  return { groups: new Set(input.groupIds).size, followers };
}

/**
 * GET /api/officer/notices/audience: the counts for the notice being written. An officer or leader
 * previews their own commune; an admin the commune named, or the province without one. Groups of
 * another commune are refused as the notice itself would be (422).
 */
export async function previewAudience(
  deps: NoticeDeps,
  officer: Officer,
  query: { communeCode?: string | undefined; groupIds: string[]; toFollowers: boolean },
  now = new Date(),
): Promise<NoticeAudience> {
  const communeCode = draftCommune(
    actorOf(officer),
    officer.role === "admin" ? (query.communeCode ?? null) : (query.communeCode ?? officer.communeCode),
  );
  await checkGroups(deps.db, query.groupIds, communeCode);
  return countAudience(deps.db, {
    communeCode,
    groupIds: query.groupIds,
    toFollowers: query.toFollowers,
    templateConfigured: deps.followerTemplate !== undefined,
    now,
  });
}
