import type { DossierStatus } from "@dvc/shared";
import type { Database } from "../../db/client";
import { enqueue } from "../delivery";
import { findDossierByCode } from "./repo";

/** What the citizen must be told about: a dossier reached `status` (receipt, supplement request, answer). */
export interface DossierNotice {
  dossierCode: string;
  citizenId: string | null;
  status: DossierStatus;
  /** The status event the message announces: with the code, the message's idempotency key. */
  eventId: number;
  at: Date;
  supplementMessage?: string | undefined;
  officerNote?: string | undefined;
  /** The note is an apology for a delay, with the new due date. */
  apology?: boolean;
}

/** The message's idempotency key: one message per status event of a dossier. */
export function dossierNoticeKey(dossierCode: string, eventId: number): string {
  return `dossier:${dossierCode}:${eventId}`;
}

/**
 * "And its notification" (OB-1): called inside the transaction that writes the dossier's status event,
 * so the message to the citizen commits or rolls back with it. The delivery engine sends it afterwards
 * by whichever channel reaches them (modules/delivery/channel-ladder.ts). A dossier whose citizen
 * deleted their data (citizen_id null) has nobody to tell.
 */
export async function enqueueDossierNotification(tx: Database, notice: DossierNotice): Promise<void> {
  if (!notice.citizenId) return;
  const dossier = await findDossierByCode(tx, notice.dossierCode);
  if (!dossier) return;
  await enqueue(
    tx,
    {
      kind: notice.status === "supplement_requested" ? "supplement_request" : "dossier_status",
      key: dossierNoticeKey(notice.dossierCode, notice.eventId),
      citizenId: notice.citizenId,
      dossierCode: notice.dossierCode,
      status: notice.status,
      procedureTitle: dossier.procedureTitle,
      dueAt: dossier.dueAt,
      supplementMessage: notice.supplementMessage,
      officerNote: notice.officerNote,
      apology: notice.apology,
    },
    notice.at,
  );
}
