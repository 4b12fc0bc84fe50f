import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { files } from "../../db/schema";
import type { Sealer } from "../../lib/crypto";
import { fileNameOf } from "../files/repo";

/**
 * The electronic result of a dossier (issue 11): a `files` row with the dossier's code, no draft, owned by
 * the dossier's citizen (so GET /api/files/:id lets them download it, and the commune's officers read it
 * as any attachment of the dossier). Uploaded as pending; the "result_ready" move that names it marks it
 * as the result, so a file uploaded for a move that then failed is never shown as the result.
 */
export const RESULT_FIELD_ID = "ketQua";
export const PENDING_RESULT_FIELD_ID = "ketQuaChoGui";

/** Marks a result file of this dossier as its result; false when the id is no result file of it. */
export async function markResultFile(tx: Database, dossierCode: string, fileId: string): Promise<boolean> {
  const marked = await tx
    .update(files)
    .set({ fieldId: RESULT_FIELD_ID })
    .where(
      and(
        eq(files.id, fileId),
        eq(files.dossierCode, dossierCode),
        isNull(files.draftId),
        inArray(files.fieldId, [RESULT_FIELD_ID, PENDING_RESULT_FIELD_ID]),
      ),
    )
    .returning({ id: files.id });
  return marked.length > 0;
}

/** The dossier's result file (the latest marked one), as the citizen's dossier page offers it. */
export async function findResultFile(
  db: Database,
  sealer: Sealer,
  dossierCode: string,
): Promise<{ fileId: string; name: string } | null> {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.dossierCode, dossierCode), isNull(files.draftId), eq(files.fieldId, RESULT_FIELD_ID)))
    .orderBy(desc(files.createdAt))
    .limit(1);
  return row ? { fileId: row.id, name: fileNameOf(sealer, row) } : null;
}
