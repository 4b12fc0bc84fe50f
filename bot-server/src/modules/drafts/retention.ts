import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "../../db/client";
import { drafts } from "../../db/schema";
import type { FileStorage } from "../../storage";
import { deleteDraftFiles } from "../files/service";

/**
 * The consent notice promises that an unsubmitted draft is kept at most 90 days after its last change
 * (data minimisation, Nghị định 13/2023/NĐ-CP Art. 3); this is where that promise is kept.
 */
export const DRAFT_RETENTION_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;
/** Small batches keep each delete short; the next run continues. */
const BATCH = 200;

/** Deletes unsubmitted drafts (and their own uploads) untouched for DRAFT_RETENTION_DAYS. Idempotent. */
export async function purgeStaleDrafts(
  db: Database,
  storage: FileStorage,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - DRAFT_RETENTION_DAYS * DAY_MS);
  const stale = await db
    .select({ id: drafts.id, citizenId: drafts.citizenId })
    .from(drafts)
    .where(and(isNull(drafts.submittedDossierCode), lt(drafts.updatedAt, cutoff)))
    .limit(BATCH);
  for (const draft of stale) {
    await deleteDraftFiles({ db, storage }, draft.citizenId, draft.id);
    // Re-checked in the delete: a draft saved since the select is kept.
    await db
      .delete(drafts)
      .where(and(isNull(drafts.submittedDossierCode), lt(drafts.updatedAt, cutoff), eq(drafts.id, draft.id)));
  }
  return stale.length;
}
