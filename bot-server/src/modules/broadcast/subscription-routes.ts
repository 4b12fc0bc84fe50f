import { type NoticeSubscription, noticeSubscriptionInputSchema } from "@dvc/shared";
import { and, desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import type { Database } from "../../db/client";
import { residents } from "../../db/schema";
import type { AppDeps } from "../../http/env";
import { citizenApiRateLimit } from "../../http/rate-limit";
import { validate } from "../../http/validate";
import { AppError } from "../../lib/errors";
import { type CitizenEnv, requireCitizen } from "../citizen-auth/session";
import { findCommune } from "./notices-repo";
import { clearNoticeCommune, findNoticeCommune, setNoticeCommune } from "./subscriptions";

const NOT_FOLLOWING: NoticeSubscription = { communeCode: null, zalo: "not_following" };

/**
 * The OA follower behind a signed-in citizen (linked by the event worker), if they follow the OA now:
 * only a follower can be messaged, so only a follower's commune is stored.
 */
async function followerOf(db: Database, citizenId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ oaUserId: residents.oaUserId })
    .from(residents)
    .where(and(eq(residents.citizenId, citizenId), eq(residents.following, true)))
    .orderBy(desc(residents.updatedAt))
    .limit(1);
  return row?.oaUserId;
}

async function stateOf(db: Database, oaUserId: string): Promise<NoticeSubscription> {
  const communeCode = await findNoticeCommune(db, oaUserId);
  return { communeCode, zalo: communeCode ? "subscribed" : "not_subscribed" };
}

/**
 * /api/notices/subscription: the commune whose notices a signed-in citizen gets on Zalo. A citizen who
 * does not follow the OA is told so ("not_following") and nothing is stored: the Mini App asks them to
 * follow first. The OA tag at Zalo follows later (tag-sync.ts), never inside this request.
 */
export function subscriptionRoutes(deps: AppDeps) {
  const db = deps.database.db;
  return new Hono<CitizenEnv>()
    .use(requireCitizen(db), citizenApiRateLimit(deps))
    .get("/", async (c) => {
      const oaUserId = await followerOf(db, c.var.citizenId);
      return c.json(oaUserId ? await stateOf(db, oaUserId) : NOT_FOLLOWING, 200);
    })
    .put("/", validate("json", noticeSubscriptionInputSchema), async (c) => {
      const { communeCode } = c.req.valid("json");
      const oaUserId = await followerOf(db, c.var.citizenId);
      if (!oaUserId) return c.json(NOT_FOLLOWING, 200);
      if (communeCode !== null && !(await findCommune(db, communeCode)))
        throw new AppError("UNPROCESSABLE", "Không tìm thấy xã, phường này. Vui lòng chọn lại.", {
          fields: { communeCode: "Không tìm thấy xã, phường này. Vui lòng chọn lại." },
        });
      if (communeCode === null) await clearNoticeCommune(db, oaUserId);
      else await setNoticeCommune(db, { oaUserId, communeCode, source: "mini_app" });
      return c.json(await stateOf(db, oaUserId), 200);
    });
}
