import type { DossierStatus } from "@dvc/shared";
import type { Database } from "../../db/client";

/** What the citizen must be told about: a dossier reached `status` (receipt, supplement request, answer). */
export interface DossierNotice {
  dossierCode: string;
  citizenId: string | null;
  status: DossierStatus;
  at: Date;
}

/**
 * OUTBOX HOOK — "and its notification". Called inside the same transaction that writes the dossier's
 * status event, so the notice commits or rolls back with it (OB-1). The delivery engine does not exist
 * yet: its issue replaces this body with the insert of an outbox row (the delivery worker sends it by
 * ZNS / OA message later). Until then nothing is sent, on purpose, and nothing is called outside the
 * transaction.
 */
export async function enqueueDossierNotification(_tx: Database, _notice: DossierNotice): Promise<void> {}
