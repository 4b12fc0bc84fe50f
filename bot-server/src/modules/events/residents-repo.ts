import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { citizens, residents } from "../../db/schema";

export type Resident = typeof residents.$inferSelect;

/** What one event says about a resident. */
export interface ResidentUpdate {
  oaUserId: string;
  userIdByApp: string | null;
  at: Date;
  kind: "follow" | "unfollow" | "interaction";
}

/**
 * THE citizen-linking rule, kept in one place: a resident is the Mini App citizen whose
 * `zalo_user_id` equals the event's `user_id_by_app`. Whether the Mini App's per-app id and the OA
 * webhook's `user_id_by_app` are the same value is unconfirmed ([U], zalo-oa.md §9 Q8); change only
 * this function when it is settled.
 */
export async function linkedCitizenId(db: Database, userIdByApp: string | null): Promise<string | null> {
  if (!userIdByApp) return null;
  const [row] = await db
    .select({ id: citizens.id })
    .from(citizens)
    .where(eq(citizens.zaloUserId, userIdByApp))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Upserts the resident so that the result does not depend on how often or in which order events are
 * applied (retries and expired leases replay events): timestamps only move forward (GREATEST), and
 * the follow state follows whichever of follow/unfollow is the latest.
 */
export async function applyResidentUpdate(db: Database, update: ResidentUpdate): Promise<Resident> {
  const citizenId = await linkedCitizenId(db, update.userIdByApp);
  const at = update.at.toISOString();
  const follow = update.kind === "follow";
  const unfollow = update.kind === "unfollow";
  const [row] = await db
    .insert(residents)
    .values({
      oaUserId: update.oaUserId,
      userIdByApp: update.userIdByApp,
      citizenId,
      following: follow,
      followedAt: follow ? update.at : null,
      unfollowedAt: unfollow ? update.at : null,
      // A follow opens the 7-day consultation window too (zalo-oa.md §2: follow, message, menu taps [U]).
      lastInteractionAt: update.kind === "unfollow" ? null : update.at,
    })
    .onConflictDoUpdate({
      target: residents.oaUserId,
      set: {
        userIdByApp: sql`coalesce(excluded.user_id_by_app, ${residents.userIdByApp})`,
        citizenId: sql`coalesce(excluded.citizen_id, ${residents.citizenId})`,
        followedAt: sql`greatest(${residents.followedAt}, excluded.followed_at)`,
        unfollowedAt: sql`greatest(${residents.unfollowedAt}, excluded.unfollowed_at)`,
        lastInteractionAt: sql`greatest(${residents.lastInteractionAt}, excluded.last_interaction_at)`,
        // A follow/unfollow decides the state only if no later follow/unfollow is already recorded.
        following:
          follow || unfollow
            ? sql`case when ${at}::timestamptz >= greatest(${residents.followedAt}, ${residents.unfollowedAt})
                    or (${residents.followedAt} is null and ${residents.unfollowedAt} is null)
                  then ${follow} else ${residents.following} end`
            : sql`${residents.following}`,
        updatedAt: sql`now()`,
      },
    })
    .returning();
  if (!row) throw new Error("resident upsert returned no row");
  return row;
}
