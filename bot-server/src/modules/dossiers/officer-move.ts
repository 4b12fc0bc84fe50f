import {
  assertTransition,
  type DossierStatus,
  DossierTransitionError,
  dossierStatusSchema,
  type OfficerStatusChange,
  RESULT_MISSING,
  resultReadyNote,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { fileableProcedure } from "../drafts/forms";
import { enqueueDossierNotification } from "./outbox-hook";
import { insertEvent, lockDossier, updateDossier } from "./repo";
import { resolutionOf } from "./resolution";
import { markResultFile } from "./result-file";
import type { StoredSupplement } from "./supplement-record";

/**
 * Statuses whose notice must say why (Phiếu từ chối tiếp nhận, giải quyết hồ sơ; Phiếu yêu cầu bổ sung,
 * hoàn thiện hồ sơ — Thông tư 01/2018/TT-VPCP, Mẫu 02/03): the citizen reads the reason.
 */
const NEEDS_REASON: ReadonlySet<DossierStatus> = new Set(["refused", "stopped"]);

export interface OfficerMove {
  code: string;
  /** The officer's commune: another commune's dossier is "not found" (SEC-1). */
  communeCode: string;
  change: OfficerStatusChange;
  now: Date;
}

/**
 * An officer moves a dossier, inside the caller's transaction: the status machine decides (a refusal is
 * a 409 with its Vietnamese reason), the timeline gets the event, and the citizen's notice is enqueued in
 * the same transaction (OB-1). Undefined when the commune has no such dossier.
 */
export async function moveDossierByOfficer(
  tx: Database,
  move: OfficerMove,
): Promise<{ eventId: number; from: DossierStatus } | undefined> {
  const row = await lockDossier(tx, move.code, { communeCode: move.communeCode });
  if (!row) return undefined;
  const from = dossierStatusSchema.parse(row.status);
  const { to, reason, supplement, result } = move.change;
  try {
    assertTransition(from, to, "officer");
  } catch (error) {
    if (error instanceof DossierTransitionError) throw new AppError("CONFLICT", error.message);
    throw error;
  }
  if (NEEDS_REASON.has(to) && !reason) {
    throw new AppError("VALIDATION_FAILED", undefined, {
      fields: { reason: "Vui lòng ghi lý do để gửi cho người dân." },
    });
  }
  if (to === "result_ready") {
    if (!result?.pickUp && !result?.fileId) {
      throw new AppError("VALIDATION_FAILED", undefined, { fields: { "result.pickUp": RESULT_MISSING } });
    }
    if (result.fileId && !(await markResultFile(tx, move.code, result.fileId))) {
      throw new AppError("VALIDATION_FAILED", undefined, {
        fields: {
          "result.fileId": "Tệp kết quả không thuộc hồ sơ này. Vui lòng tải tệp kết quả lên lại rồi thử lại.",
        },
      });
    }
  }
  let stored: StoredSupplement | undefined;
  if (to === "supplement_requested") {
    if (!supplement) {
      throw new AppError("VALIDATION_FAILED", undefined, {
        fields: { supplement: "Vui lòng chọn các mục cần bổ sung và ghi lời nhắn cho người dân." },
      });
    }
    const { form } = await fileableProcedure(tx, row.procedureCode, row.procedureVersion);
    const known = new Set(form.steps.flatMap((step) => step.fields.map((field) => field.id)));
    if (supplement.fieldIds.some((id) => !known.has(id))) {
      throw new AppError("VALIDATION_FAILED", undefined, {
        fields: { "supplement.fieldIds": "Vui lòng chọn các mục có trong biểu mẫu của thủ tục này." },
      });
    }
    stored = {
      fieldIds: [...new Set(supplement.fieldIds)],
      message: supplement.message,
      requestedAt: move.now.toISOString(),
      previousStatus: from,
      answeredAt: null,
    };
  }
  const note =
    supplement?.message ??
    reason ??
    (to === "result_ready" && result
      ? resultReadyNote({ pickUp: result.pickUp, hasFile: result.fileId !== undefined })
      : (result?.pickUp ?? null));
  const resolution = resolutionOf(row, to, move.now);
  await updateDossier(
    tx,
    move.code,
    stored ? { status: to, supplement: stored, ...resolution } : { status: to, ...resolution },
    move.now,
  );
  const eventId = await insertEvent(tx, {
    dossierCode: move.code,
    status: to,
    actor: "officer",
    note,
    at: move.now,
  });
  await enqueueDossierNotification(tx, {
    dossierCode: move.code,
    citizenId: row.citizenId,
    status: to,
    eventId,
    at: move.now,
    supplementMessage: supplement?.message,
    officerNote: supplement ? undefined : (note ?? undefined),
  });
  return { eventId, from };
}
