import type { Citizen } from "@dvc/shared";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { citizens } from "../../db/schema";
import type { ZaloUser } from "../../zalo/graph-client";

/**
 * The citizen behind a Zalo account, created at first sign-in and refreshed on each one. Name and avatar
 * are only overwritten when Zalo sent them: without scope.userInfo the Graph API may give just the id.
 */
export async function upsertCitizen(db: Database, user: ZaloUser, now = new Date()): Promise<Citizen> {
  const [row] = await db
    .insert(citizens)
    .values({
      zaloUserId: user.id,
      name: user.name ?? "",
      avatarUrl: user.avatarUrl ?? null,
      createdAt: now,
      lastSeenAt: now,
    })
    .onConflictDoUpdate({
      target: citizens.zaloUserId,
      set: {
        name: user.name ?? sql`${citizens.name}`,
        avatarUrl: user.avatarUrl ?? sql`${citizens.avatarUrl}`,
        lastSeenAt: now,
      },
    })
    .returning();
  if (!row) throw new Error("citizen upsert returned no row");
  return toCitizen(row);
}

export async function findCitizen(db: Database, citizenId: string) {
  const [row] = await db.select().from(citizens).where(eq(citizens.id, citizenId));
  return row;
}

/**
 * Locks the citizen's row until the transaction ends: what counts a citizen's own rows against a cap
 * (open drafts, upload bytes) takes it first, so two requests cannot both pass the same count.
 * False when the citizen no longer exists (deleted meanwhile).
 */
export async function lockCitizen(db: Database, citizenId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: citizens.id })
    .from(citizens)
    .where(eq(citizens.id, citizenId))
    .for("update");
  return row !== undefined;
}

export function toCitizen(row: typeof citizens.$inferSelect): Citizen {
  return { id: row.id, name: row.name, avatarUrl: row.avatarUrl };
}
