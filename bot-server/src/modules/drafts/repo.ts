import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { drafts } from "../../db/schema";

export type DraftRow = typeof drafts.$inferSelect;

/** Inserts unless the id exists (a retried create); returns the row only when this call created it. */
export async function insertDraftIfAbsent(
  db: Database,
  row: typeof drafts.$inferInsert,
): Promise<DraftRow | undefined> {
  const [inserted] = await db
    .insert(drafts)
    .values(row)
    .onConflictDoNothing({ target: drafts.id })
    .returning();
  return inserted;
}

export async function findOwnDraft(
  db: Database,
  citizenId: string,
  id: string,
): Promise<DraftRow | undefined> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, id), eq(drafts.citizenId, citizenId)));
  return row;
}

/** The same, holding a row lock until the transaction ends: one submit or upload at a time per draft. */
export async function lockOwnDraft(
  db: Database,
  citizenId: string,
  id: string,
): Promise<DraftRow | undefined> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, id), eq(drafts.citizenId, citizenId)))
    .for("update");
  return row;
}

export async function countOwnOpenDrafts(db: Database, citizenId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(drafts)
    .where(and(eq(drafts.citizenId, citizenId), isNull(drafts.submittedDossierCode)));
  return row?.n ?? 0;
}

export async function listOwnOpenDrafts(db: Database, citizenId: string): Promise<DraftRow[]> {
  return db
    .select()
    .from(drafts)
    .where(and(eq(drafts.citizenId, citizenId), isNull(drafts.submittedDossierCode)))
    .orderBy(desc(drafts.updatedAt), desc(drafts.createdAt));
}

/**
 * Optimistic concurrency in one statement: the row changes only if it still has `expectedVersion` and
 * is not submitted, so two devices saving at once cannot both win.
 */
export async function saveIfVersion(
  db: Database,
  key: { citizenId: string; id: string; expectedVersion: number },
  values: { answersSealed: string; currentStepId: string | null; communeCode: string; updatedAt: Date },
): Promise<DraftRow | undefined> {
  const [row] = await db
    .update(drafts)
    .set({ ...values, version: key.expectedVersion + 1 })
    .where(
      and(
        eq(drafts.id, key.id),
        eq(drafts.citizenId, key.citizenId),
        eq(drafts.version, key.expectedVersion),
        isNull(drafts.submittedDossierCode),
      ),
    )
    .returning();
  return row;
}

export async function deleteOwnOpenDraft(db: Database, citizenId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(drafts)
    .where(and(eq(drafts.id, id), eq(drafts.citizenId, citizenId), isNull(drafts.submittedDossierCode)))
    .returning({ id: drafts.id });
  return rows.length > 0;
}

export async function markDraftSubmitted(
  db: Database,
  id: string,
  dossierCode: string,
  at: Date,
): Promise<void> {
  await db.update(drafts).set({ submittedDossierCode: dossierCode, updatedAt: at }).where(eq(drafts.id, id));
}
