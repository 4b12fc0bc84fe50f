import type { OaGroupView } from "@dvc/shared";
import { and, asc, eq, ne, notInArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communes, oaGroups } from "../../db/schema";

/** The OA's GMF groups as we keep them (oa_groups): Zalo's facts, and the commune an admin gave each. */

type GroupRow = typeof oaGroups.$inferSelect;

export interface GroupFromZalo {
  groupId: string;
  name: string;
  description: string | null;
  groupLink: string | null;
  status: string;
}

export function toGroupView(row: GroupRow): OaGroupView {
  return {
    groupId: row.groupId,
    name: row.name,
    description: row.description,
    groupLink: row.groupLink,
    communeCode: row.communeCode,
    status: row.status,
    syncedAt: row.syncedAt?.toISOString() ?? null,
  };
}

/** A commune's groups (null: every group, the admin's view), by name. */
export async function listGroups(db: Database, communeCode: string | null): Promise<GroupRow[]> {
  return db
    .select()
    .from(oaGroups)
    .where(communeCode === null ? undefined : eq(oaGroups.communeCode, communeCode))
    .orderBy(asc(oaGroups.name), asc(oaGroups.groupId));
}

export async function findGroup(db: Database, groupId: string): Promise<GroupRow | undefined> {
  const [row] = await db.select().from(oaGroups).where(eq(oaGroups.groupId, groupId)).limit(1);
  return row;
}

/**
 * What a sync found: Zalo's facts written over ours, the commune kept; a group Zalo no longer lists is
 * marked "gone" (never deleted: past notices' reports still name it). How many went.
 */
export async function applySync(tx: Database, groups: readonly GroupFromZalo[], now: Date): Promise<number> {
  if (groups.length > 0) {
    await tx
      .insert(oaGroups)
      .values(groups.map((group) => ({ ...group, syncedAt: now })))
      .onConflictDoUpdate({
        target: oaGroups.groupId,
        set: {
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          groupLink: sql`excluded.group_link`,
          status: sql`excluded.status`,
          syncedAt: now,
        },
      });
  }
  const gone = await tx
    .update(oaGroups)
    .set({ status: "gone", syncedAt: now })
    .where(
      and(
        ne(oaGroups.status, "gone"),
        groups.length > 0
          ? notInArray(
              oaGroups.groupId,
              groups.map((group) => group.groupId),
            )
          : undefined,
      ),
    )
    .returning({ groupId: oaGroups.groupId });
  return gone.length;
}

/** A group just created at Zalo, for a commune (null: not yet assigned). */
export async function insertCreatedGroup(
  tx: Database,
  group: GroupFromZalo & { communeCode: string | null },
  now: Date,
): Promise<GroupRow> {
  const [row] = await tx
    .insert(oaGroups)
    .values({ ...group, syncedAt: now })
    .onConflictDoUpdate({
      target: oaGroups.groupId,
      set: {
        name: group.name,
        description: group.description,
        communeCode: group.communeCode,
        syncedAt: now,
      },
    })
    .returning();
  if (!row) throw new Error("group insert returned nothing");
  return row;
}

export async function setGroupCommune(
  tx: Database,
  groupId: string,
  communeCode: string | null,
): Promise<GroupRow | undefined> {
  const [row] = await tx
    .update(oaGroups)
    .set({ communeCode })
    .where(eq(oaGroups.groupId, groupId))
    .returning();
  return row;
}

export async function communeExists(db: Database, code: string): Promise<boolean> {
  const rows = await db
    .select({ code: communes.code })
    .from(communes)
    .where(eq(communes.code, code))
    .limit(1);
  return rows.length > 0;
}
