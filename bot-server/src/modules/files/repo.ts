import { and, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { dossiers, files } from "../../db/schema";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { queueStorageDeletions } from "../../storage";

export type FileRow = typeof files.$inferSelect;
export type NewFileRow = typeof files.$inferInsert;

/** The name the citizen gave the file, opened from its sealed column. */
export function fileNameOf(sealer: Sealer, row: Pick<FileRow, "id" | "name" | "nameSealed">): string {
  if (row.nameSealed) return sealer.open(row.nameSealed, SEALED.fileName(row.id));
  return row.name ?? "";
}

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

/** Bytes of the citizen's uploads not yet part of a submitted dossier: what their storage quota counts. */
export async function pendingUploadBytes(db: Database, citizenId: string): Promise<number> {
  const [row] = await db
    .select({ bytes: sql<string>`coalesce(sum(${files.sizeBytes}), 0)` })
    .from(files)
    .where(and(eq(files.ownerCitizenId, citizenId), isNull(files.dossierCode)));
  return Number(row?.bytes ?? 0);
}

/** One file by id with its dossier's commune, unscoped: the caller decides with `canReadFile`. */
export async function findFile(
  db: Database,
  id: string,
): Promise<(FileRow & { dossierCommuneCode: string | null }) | undefined> {
  const [row] = await db
    .select({ file: files, dossierCommuneCode: dossiers.communeCode })
    .from(files)
    .leftJoin(dossiers, eq(dossiers.code, files.dossierCode))
    .where(eq(files.id, id));
  return row && { ...row.file, dossierCommuneCode: row.dossierCommuneCode };
}

export async function findOwnFile(db: Database, citizenId: string, id: string): Promise<FileRow | undefined> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.id, id), eq(files.ownerCitizenId, citizenId)));
  return row;
}

/**
 * Deletes the citizen's file unless it already belongs to a dossier, queueing its bytes for deletion in
 * the same transaction (storage/deletion-queue.ts); returns its storage key.
 */
export async function deleteOwnPendingFile(
  db: Database,
  citizenId: string,
  id: string,
): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(files)
      .where(and(eq(files.id, id), eq(files.ownerCitizenId, citizenId), isNull(files.dossierCode)))
      .returning({ storageKey: files.storageKey });
    if (row) await queueStorageDeletions(tx, [row.storageKey]);
    return row?.storageKey;
  });
}

/** Deletes a draft's uploads not part of a dossier, queueing their bytes; returns their storage keys. */
export async function deleteDraftPendingFiles(
  db: Database,
  citizenId: string,
  draftId: string,
): Promise<string[]> {
  return deletePendingFilesWhere(db, and(eq(files.draftId, draftId), eq(files.ownerCitizenId, citizenId)));
}

/**
 * Deletes every upload of the citizen's not part of a submitted dossier (drafts' files), queueing their
 * bytes; returns their storage keys. Run inside the citizen's deletion, before the row cascade.
 */
export async function deleteCitizenPendingFiles(db: Database, citizenId: string): Promise<string[]> {
  return deletePendingFilesWhere(db, eq(files.ownerCitizenId, citizenId));
}

async function deletePendingFilesWhere(db: Database, where: SQL | undefined): Promise<string[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .delete(files)
      .where(and(where, isNull(files.dossierCode)))
      .returning({ storageKey: files.storageKey });
    const keys = rows.map((row) => row.storageKey);
    await queueStorageDeletions(tx, keys);
    return keys;
  });
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
