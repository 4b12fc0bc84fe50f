import {
  assertTransition,
  type DossierStatus,
  DossierTransitionError,
  dossierStatusSchema,
  RESULT_MISSING,
  resultReadyNote,
} from "@dvc/shared";
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "../../db/client";
import { dossiers } from "../../db/schema";
import { AppError } from "../../lib/errors";
import { enqueueDossierNotification } from "./outbox-hook";
import { type DossierRow, insertEvent, updateDossier } from "./repo";
import { resolutionOf } from "./resolution";

/**
 * The timeline's actor for a move reported by a one-stop system (Một cửa điện tử). The status machine
 * knows it as an officer (shared/src/dossier/transitions.ts: "in this app or through the integration
 * API"); the timeline names it apart, "Hệ thống một cửa" (mini-app officer timeline's ACTORS).
 */
export const ONE_STOP_ACTOR = "one_stop";

/**
 * Statuses whose notice must say something only the one-stop system knows, taken from its `note`:
 * why (refused, stopped: Thông tư 01/2018/TT-VPCP Mẫu 02/03), what to bring (a supplement), where and
 * when to pick the result up (result_ready, as an officer's pick-up information).
 */
const NOTE_NEEDED: Readonly<Partial<Record<DossierStatus, string>>> = {
  refused: "Cần ghi lý do (note) để gửi cho người dân.",
  stopped: "Cần ghi lý do (note) để gửi cho người dân.",
  supplement_requested: "Cần ghi (note) giấy tờ cần bổ sung và nơi nộp để gửi cho người dân.",
  result_ready: RESULT_MISSING,
};

export interface IntegrationMove {
  code: string;
  /** The key's communes: a dossier elsewhere does not exist for it (404, as an unknown code). */
  communeCodes: readonly string[];
  to: DossierStatus;
  note: string | undefined;
  now: Date;
}

export interface IntegrationMoved {
  eventId: number;
  from: DossierStatus;
  row: DossierRow;
}

/**
 * A one-stop system moves a dossier, inside the caller's transaction, by the officer's rules
 * (officer-move.ts): the same status machine (a refusal is a 409 with its Vietnamese reason), the
 * timeline event and the citizen's notice in the same transaction (OB-1). Undefined when none of the
 * key's communes has such a dossier.
 *
 * A supplement request (5) from a one-stop system flags no field of our form (it does not know them):
 * the citizen is sent the note (what to bring, where) and no online supplement is opened — the papers go
 * to the desk, and the one-stop system reports the next move (5 → 2 or 4) itself.
 */
export async function moveDossierByIntegration(
  tx: Database,
  move: IntegrationMove,
): Promise<IntegrationMoved | undefined> {
  if (move.communeCodes.length === 0) return undefined;
  const [row] = await tx
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.code, move.code), inArray(dossiers.communeCode, [...move.communeCodes])))
    .for("update");
  if (!row) return undefined;
  const from = dossierStatusSchema.parse(row.status);
  try {
    assertTransition(from, move.to, "officer");
  } catch (error) {
    if (error instanceof DossierTransitionError) throw new AppError("CONFLICT", error.message);
    throw error;
  }
  const note = move.note?.trim() || undefined;
  const missing = NOTE_NEEDED[move.to];
  if (missing && !note) throw new AppError("VALIDATION_FAILED", undefined, { fields: { note: missing } });
  const eventNote =
    move.to === "result_ready" && note ? resultReadyNote({ pickUp: note, hasFile: false }) : (note ?? null);
  // The dashboard's resolved time and working days, written with the move exactly as an officer's.
  const resolution = resolutionOf(row, move.to, move.now);
  const updated = await updateDossier(tx, move.code, { status: move.to, ...resolution }, move.now);
  const eventId = await insertEvent(tx, {
    dossierCode: move.code,
    status: move.to,
    actor: ONE_STOP_ACTOR,
    note: eventNote,
    at: move.now,
  });
  await enqueueDossierNotification(tx, {
    dossierCode: move.code,
    citizenId: row.citizenId,
    status: move.to,
    eventId,
    at: move.now,
    supplementMessage: move.to === "supplement_requested" ? note : undefined,
    officerNote: move.to === "supplement_requested" ? undefined : (eventNote ?? undefined),
  });
  return { eventId, from, row: updated };
}
