import { desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { residents } from "../../db/schema";

export interface ResidentLink {
  oaUserId: string;
  lastInteractionAt: Date | null;
}

/**
 * The resident (OA follower) linked to a Mini App citizen, the one most likely to be reached: following,
 * then the latest interaction. Null when the citizen never wrote to or followed the OA.
 */
export async function residentOfCitizen(db: Database, citizenId: string): Promise<ResidentLink | null> {
  const [row] = await db
    .select({ oaUserId: residents.oaUserId, lastInteractionAt: residents.lastInteractionAt })
    .from(residents)
    .where(eq(residents.citizenId, citizenId))
    .orderBy(desc(residents.following), sql`${residents.lastInteractionAt} desc nulls last`)
    .limit(1);
  return row ?? null;
}

export async function residentById(db: Database, oaUserId: string): Promise<ResidentLink | null> {
  const [row] = await db
    .select({ oaUserId: residents.oaUserId, lastInteractionAt: residents.lastInteractionAt })
    .from(residents)
    .where(eq(residents.oaUserId, oaUserId))
    .limit(1);
  return row ?? { oaUserId, lastInteractionAt: null };
}

/** The residents of a claimed batch in one query (replies name theirs): a round trip per batch, not per message. */
export async function residentsByIds(
  db: Database,
  oaUserIds: readonly string[],
): Promise<Map<string, ResidentLink>> {
  if (oaUserIds.length === 0) return new Map();
  const rows = await db
    .select({ oaUserId: residents.oaUserId, lastInteractionAt: residents.lastInteractionAt })
    .from(residents)
    .where(inArray(residents.oaUserId, [...new Set(oaUserIds)]));
  return new Map(rows.map((row) => [row.oaUserId, row]));
}
