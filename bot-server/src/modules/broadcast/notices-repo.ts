import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { communes, noticeImages, noticeSteps, notices, oaGroups, officers } from "../../db/schema";

/** A notice row as stored. */
export type NoticeRow = typeof notices.$inferSelect;
export type NoticeInsert = typeof notices.$inferInsert;
/** The columns an edit or a step may change (never id, author, created_at or version: bumped here). */
export type NoticeChange = Partial<
  Omit<NoticeInsert, "id" | "authorId" | "createdAt" | "version" | "updatedAt">
>;

export type NoticeStepName = "draft" | "edit" | "submit" | "approve" | "return" | "cancel";

export async function insertNotice(tx: Database, values: NoticeInsert): Promise<NoticeRow> {
  const [row] = await tx.insert(notices).values(values).returning();
  if (!row) throw new Error("notice insert returned no row");
  return row;
}

/** One notice; `lock` takes its row lock, so a change and its step rows see one status. */
export async function findNotice(tx: Database, id: string, lock = false): Promise<NoticeRow | undefined> {
  const query = tx.select().from(notices).where(eq(notices.id, id)).limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/**
 * Applies a change against the version the officer saw, and bumps it: undefined when the notice moved
 * on meanwhile (another tab, the reviewer), which the caller answers with a 409.
 */
export async function updateNotice(
  tx: Database,
  id: string,
  expectedVersion: number,
  change: NoticeChange,
  now: Date,
): Promise<NoticeRow | undefined> {
  const [row] = await tx
    .update(notices)
    .set({ ...change, version: sql`${notices.version} + 1`, updatedAt: now })
    .where(and(eq(notices.id, id), eq(notices.version, expectedVersion)))
    .returning();
  return row;
}

export async function insertStep(
  tx: Database,
  step: { noticeId: string; officerId: string; step: NoticeStepName; comment?: string | null; at: Date },
): Promise<void> {
  await tx.insert(noticeSteps).values({
    noticeId: step.noticeId,
    officerId: step.officerId,
    step: step.step,
    comment: step.comment ?? null,
    at: step.at,
  });
}

export interface StepRow {
  step: string;
  by: string | null;
  comment: string | null;
  at: Date;
}

export async function listSteps(db: Database, noticeId: string): Promise<StepRow[]> {
  return db
    .select({
      step: noticeSteps.step,
      by: officers.username,
      comment: noticeSteps.comment,
      at: noticeSteps.at,
    })
    .from(noticeSteps)
    .leftJoin(officers, eq(officers.id, noticeSteps.officerId))
    .where(eq(noticeSteps.noticeId, noticeId))
    .orderBy(asc(noticeSteps.id));
}

export async function usernameOf(db: Database, officerId: string): Promise<string> {
  const [row] = await db
    .select({ username: officers.username })
    .from(officers)
    .where(eq(officers.id, officerId));
  return row?.username ?? "";
}

export async function hasImage(db: Database, noticeId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: noticeImages.noticeId })
    .from(noticeImages)
    .where(eq(noticeImages.noticeId, noticeId));
  return row !== undefined;
}

export interface NoticeListRow {
  id: string;
  communeCode: string | null;
  status: NoticeRow["status"];
  category: NoticeRow["category"];
  title: string;
  scheduledAt: Date | null;
  expiresAt: Date;
  author: string;
  updatedAt: Date;
}

/**
 * The notices an officer sees, most recently changed first: their commune's (null: an admin, every
 * notice). Province-wide notices are listed to an admin only: a commune's officers did not write them.
 */
export async function listNotices(
  db: Database,
  communeCode: string | null,
  limit: number,
): Promise<NoticeListRow[]> {
  return db
    .select({
      id: notices.id,
      communeCode: notices.communeCode,
      status: notices.status,
      category: notices.category,
      title: notices.title,
      scheduledAt: notices.scheduledAt,
      expiresAt: notices.expiresAt,
      author: officers.username,
      updatedAt: notices.updatedAt,
    })
    .from(notices)
    .innerJoin(officers, eq(officers.id, notices.authorId))
    .where(communeCode === null ? undefined : eq(notices.communeCode, communeCode))
    .orderBy(desc(notices.updatedAt), desc(notices.id))
    .limit(limit);
}

export interface GroupFacts {
  groupId: string;
  communeCode: string | null;
  status: string;
}

/** The registry's rows for these group ids (the ones that exist). */
export async function findGroups(db: Database, groupIds: readonly string[]): Promise<GroupFacts[]> {
  if (groupIds.length === 0) return [];
  return db
    .select({ groupId: oaGroups.groupId, communeCode: oaGroups.communeCode, status: oaGroups.status })
    .from(oaGroups)
    .where(inArray(oaGroups.groupId, [...groupIds]));
}

export async function findCommune(
  db: Database,
  code: string,
): Promise<{ code: string; name: string; type: string } | undefined> {
  const [row] = await db
    .select({ code: communes.code, name: communes.name, type: communes.type })
    .from(communes)
    .where(eq(communes.code, code));
  return row;
}

export async function readImage(
  db: Database,
  noticeId: string,
): Promise<{ contentType: string; bytes: Uint8Array } | undefined> {
  const [row] = await db
    .select({ contentType: noticeImages.contentType, bytes: noticeImages.bytes })
    .from(noticeImages)
    .where(eq(noticeImages.noticeId, noticeId));
  return row;
}

export async function storeImage(
  tx: Database,
  image: { noticeId: string; contentType: string; bytes: Uint8Array },
): Promise<void> {
  await tx
    .insert(noticeImages)
    .values(image)
    .onConflictDoUpdate({
      target: noticeImages.noticeId,
      set: { contentType: image.contentType, bytes: image.bytes, createdAt: sql`now()` },
    });
}

export async function deleteImage(tx: Database, noticeId: string): Promise<void> {
  await tx.delete(noticeImages).where(eq(noticeImages.noticeId, noticeId));
}
