import { and, count, eq, inArray, isNull, or } from "drizzle-orm";
import type { Database } from "../../db/client";
import { files } from "../../db/schema";

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;

export async function insertFile(db: Database, row: NewFileRow): Promise<FileRow> {
  const [inserted] = await db.insert(files).values(row).returning();
  if (!inserted) throw new Error("file insert returned no row");
  return inserted;
}

/** Uploads for one field of a draft not yet part of a dossier: what maxCount limits. */
export async function countPendingFiles(db: Database, draftId: string, fieldId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(files)
    .where(and(eq(files.draftId, draftId), eq(files.fieldId, fieldId), isNull(files.dossierCode)));
  return row?.n ?? 0;
}

/** One file by id, unscoped: the caller decides with `canReadFile` (citizen owner now, officers later). */
export async function findFile(db: Database, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

export async function findOwnFile(db: Database, citizenId: string, id: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, id), eq(files.ownerCitizenId, citizenId)));
  return row;
}

/** Deletes the citizen's file unless it already belongs to a dossier; returns its storage key. */
export async function deleteOwnPendingFile(
  db: Database,
  citizenId: string,
  id: string,
): Promise<string | undefined> {
  const [row] = await db
    .delete(files)
    .where(and(eq(files.id, id), eq(files.ownerCitizenId, citizenId), isNull(files.dossierCode)))
    .returning({ storageKey: files.storageKey });
  return row?.storageKey;
}

/** Deletes a draft's uploads not part of a dossier; returns their storage keys. */
export async function deleteDraftPendingFiles(
  db: Database,
  citizenId: string,
  draftId: string,
): Promise<string[]> {
  const rows = await db
    .delete(files)
    .where(and(eq(files.draftId, draftId), eq(files.ownerCitizenId, citizenId), isNull(files.dossierCode)))
    .returning({ storageKey: files.storageKey });
  return rows.map((row) => row.storageKey);
}

/**
 * The files a dossier's answers may reference: the citizen's own uploads for that draft, not yet in a
 * dossier, or already in this one (a supplement keeps the files it does not replace).
 */
export async function findAttachableFiles(
  db: Database,
  scope: { citizenId: string; draftId: string; dossierCode?: string },
  ids: string[],
): Promise<FileRow[]> {
  if (ids.length === 0) return [];
  const inDossier =
    scope.dossierCode === undefined
      ? isNull(files.dossierCode)
      : or(isNull(files.dossierCode), eq(files.dossierCode, scope.dossierCode));
  return db
    .select()
    .from(files)
    .where(
      and(
        inArray(files.id, ids),
        eq(files.ownerCitizenId, scope.citizenId),
        eq(files.draftId, scope.draftId),
        inDossier,
      ),
    );
}

export async function linkFilesToDossier(db: Database, ids: string[], dossierCode: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(files)
    .set({ dossierCode })
    .where(and(inArray(files.id, ids), isNull(files.dossierCode)));
}
