import { asc, count, eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { sandboxOaGroups } from "../db/schema";
import { zaloHexId } from "./zalo-likeness";

/**
 * The sandbox OA's GMF groups (zalo-oa.md §5): OA-owned Zalo group chats the product posts notices into.
 * Two commune groups are seeded so the group channel has somewhere to go before anyone creates one.
 */

export interface SandboxOaGroup {
  /** A string like Zalo's API group id ("df7d5a31765c9f02c64d", §5 [C]). */
  id: string;
  name: string;
  description: string | null;
  createdAt: Date;
}

/** Fixed ids, so seeding is idempotent across restarts and the ids can be written down for a demo. */
export const SEEDED_GROUPS = [
  {
    id: "5a1d0c3e9b7f42a68d10",
    name: "Cán bộ Phường Ba Đình",
    description: "Nhóm điều hành của cán bộ Phường Ba Đình",
  },
  {
    id: "8c2e41f07d9b35e6a421",
    name: "Tổ dân phố 5 — Phường Ba Đình",
    description: "Thông báo của phường tới cư dân Tổ dân phố 5",
  },
] as const;

/** Inserts the seeded groups unless they exist (ON CONFLICT DO NOTHING); safe to call any time. */
export async function ensureSeededGroups(db: Database): Promise<void> {
  await db
    .insert(sandboxOaGroups)
    .values(SEEDED_GROUPS.map((group) => ({ ...group })))
    .onConflictDoNothing();
}

/** A page of the OA's groups, oldest first, and how many there are in all. */
export async function listOaGroups(
  db: Database,
  page: { offset: number; count: number } = { offset: 0, count: 100 },
): Promise<{ groups: SandboxOaGroup[]; total: number }> {
  await ensureSeededGroups(db);
  const groups = await db
    .select()
    .from(sandboxOaGroups)
    .orderBy(asc(sandboxOaGroups.createdAt), asc(sandboxOaGroups.id))
    .offset(page.offset)
    .limit(page.count);
  const [all] = await db.select({ total: count() }).from(sandboxOaGroups);
  return { groups, total: all?.total ?? groups.length };
}

export async function findOaGroup(db: Database, groupId: string): Promise<SandboxOaGroup | undefined> {
  await ensureSeededGroups(db);
  const [row] = await db.select().from(sandboxOaGroups).where(eq(sandboxOaGroups.id, groupId));
  return row;
}

/**
 * Creates a group; `id` omitted: a new Zalo-like id. undefined: a group with that id exists already
 * (the asset that names it was used, see gmf-assets.ts).
 */
export async function createOaGroup(
  db: Database,
  input: { id?: string; name: string; description?: string | undefined },
): Promise<SandboxOaGroup | undefined> {
  const [row] = await db
    .insert(sandboxOaGroups)
    .values({ id: input.id ?? zaloHexId(), name: input.name, description: input.description ?? null })
    .onConflictDoNothing()
    .returning();
  return row;
}
