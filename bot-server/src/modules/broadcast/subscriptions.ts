import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { noticeSubscriptions } from "../../db/schema";

/**
 * A follower's commune for notices (the Mini App's "Thông báo" tab, or told to the bot). Only the row
 * changes here, inside the caller's transaction; the tag sync brings the OA tag at Zalo in line with it
 * afterwards (tagged_as ≠ the commune's tag), so no Zalo call happens in a request.
 */
export async function setNoticeCommune(
  tx: Database,
  input: { oaUserId: string; communeCode: string; source: "mini_app" | "bot" },
): Promise<void> {
  await tx
    .insert(noticeSubscriptions)
    .values({ oaUserId: input.oaUserId, communeCode: input.communeCode, source: input.source })
    .onConflictDoUpdate({
      target: noticeSubscriptions.oaUserId,
      set: { communeCode: input.communeCode, source: input.source, updatedAt: sql`now()` },
    });
}

/**
 * The follower no longer wants notices on Zalo: fan-out stops reaching them at once. A follower tagged
 * at Zalo keeps a row with no commune until the tag sync has taken the tag off (then deletes it).
 */
export async function clearNoticeCommune(tx: Database, oaUserId: string): Promise<void> {
  await tx
    .delete(noticeSubscriptions)
    .where(and(eq(noticeSubscriptions.oaUserId, oaUserId), isNull(noticeSubscriptions.taggedAs)));
  await tx
    .update(noticeSubscriptions)
    .set({ communeCode: null, updatedAt: sql`now()` })
    .where(eq(noticeSubscriptions.oaUserId, oaUserId));
}

/** The commune a follower gets notices of, or null. */
export async function findNoticeCommune(db: Database, oaUserId: string): Promise<string | null> {
  const [row] = await db
    .select({ communeCode: noticeSubscriptions.communeCode })
    .from(noticeSubscriptions)
    .where(eq(noticeSubscriptions.oaUserId, oaUserId))
    .limit(1);
  return row?.communeCode ?? null;
}
