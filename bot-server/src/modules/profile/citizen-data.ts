import { CONSENT_NOTICE_VERSION } from "@dvc/shared";
import { and, eq, isNotNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { citizenSessions, citizens, files } from "../../db/schema";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { drainStorageDeletions, type FileStorage } from "../../storage";
import { deleteSessionsOf } from "../citizen-auth/session";
import { deleteCitizenPendingFiles } from "../files/repo";
import { listConsents } from "./consent-repo";
import { readProfile } from "./profile-repo";

/**
 * The citizen's rights over their data (Nghị định 13/2023 Art. 9: access, a copy, deletion; house rule
 * PDP-4): everything we hold about one citizen, as a download, and its deletion.
 */

export interface CitizenDataContext {
  db: Database;
  sealer: Sealer;
  citizenId: string;
}

export interface CitizenDeletionContext extends CitizenDataContext {
  /** Where uploads' bytes live: deleting the citizen deletes those bytes too, not just their rows. */
  storage: FileStorage;
}

/**
 * EXTENSION POINT for modules that hold more of a citizen's data (drafts, dossiers, files): each adds
 * one named section here, e.g. `drafts: (ctx) => exportDraftsOf(ctx)`, and the export includes it.
 * Sections return plain JSON with personal data opened (it is the owner's copy).
 */
export const CITIZEN_EXPORT_SECTIONS: Record<string, (context: CitizenDataContext) => Promise<unknown>> = {};

/**
 * EXTENSION POINT run inside the deletion transaction, before the citizen row goes: for data the
 * foreign keys cannot remove by themselves (e.g. file bytes kept outside the database).
 */
export const BEFORE_CITIZEN_DELETED: ((context: CitizenDataContext) => Promise<void>)[] = [];

export async function exportCitizenData(context: CitizenDataContext) {
  const { db, sealer, citizenId } = context;
  const [citizen] = await db.select().from(citizens).where(eq(citizens.id, citizenId));
  if (!citizen) throw new AppError("UNAUTHENTICATED");
  const [consents, profile, sessions] = await Promise.all([
    listConsents(db, citizenId),
    readProfile(db, sealer, citizenId),
    db
      .select({
        createdAt: citizenSessions.createdAt,
        lastUsedAt: citizenSessions.lastUsedAt,
        expiresAt: citizenSessions.expiresAt,
      })
      .from(citizenSessions)
      .where(eq(citizenSessions.citizenId, citizenId)),
  ]);
  const extra: Record<string, unknown> = {};
  for (const [name, section] of Object.entries(CITIZEN_EXPORT_SECTIONS)) extra[name] = await section(context);
  return {
    exportedAt: new Date().toISOString(),
    currentNoticeVersion: CONSENT_NOTICE_VERSION,
    citizen: {
      id: citizen.id,
      zaloUserId: citizen.zaloUserId,
      name: citizen.name,
      avatarUrl: citizen.avatarUrl,
      createdAt: citizen.createdAt.toISOString(),
      lastSeenAt: citizen.lastSeenAt.toISOString(),
    },
    consents,
    profile,
    // Session tokens are never stored (only their hashes) and the hashes are not the citizen's data.
    sessions: sessions.map((session) => ({
      createdAt: session.createdAt.toISOString(),
      lastUsedAt: session.lastUsedAt.toISOString(),
      expiresAt: session.expiresAt.toISOString(),
    })),
    ...extra,
  };
}

/**
 * Deletes the citizen and, through the foreign keys' ON DELETE CASCADE, their sessions, consents, profile,
 * drafts and uploaded files. Submitted dossiers are NOT deleted: they are the commune's legal records of
 * an administrative procedure (archives law; the officer still has to process them). Their
 * `citizen_id` is set to NULL by the foreign key, so they no longer point at anyone. For the same reason
 * attachments of submitted dossiers are unlinked from the citizen first instead of cascading away with
 * them. The consent rows go too: they exist only for this citizen's account.
 *
 * The bytes of the other uploads (drafts' files) are deleted from storage, not only their rows: their keys
 * are queued in the same transaction and drained after the commit (storage/deletion-queue.ts), so a crash
 * in between leaves them queued for housekeeping, never orphaned.
 */
export async function deleteCitizenData(context: CitizenDeletionContext): Promise<void> {
  const { db, citizenId, storage } = context;
  const keys = await db.transaction(async (tx) => {
    const inTransaction = { ...context, db: tx };
    await tx
      .update(files)
      .set({ ownerCitizenId: null })
      .where(and(eq(files.ownerCitizenId, citizenId), isNotNull(files.dossierCode)));
    const queued = await deleteCitizenPendingFiles(tx, citizenId);
    for (const hook of BEFORE_CITIZEN_DELETED) await hook(inTransaction);
    // ASVS 7.4.2: every session ends with the account (the cascade would do it; this says so).
    await deleteSessionsOf(tx, citizenId);
    await tx.delete(citizens).where(eq(citizens.id, citizenId));
    return queued;
  });
  await drainStorageDeletions(db, storage, keys);
}
