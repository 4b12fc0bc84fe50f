import {
  type Answers,
  assertTransition,
  computeDueAt,
  type DossierActor,
  type DossierDetail,
  type DossierStatus,
  DossierTransitionError,
  dossierStatusSchema,
  dueAtLegalTimeOf,
  statusAfterSupplement,
  toVnLocalDate,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { SEALED } from "../../db/sealed-places";
import { AppError } from "../../lib/errors";
import { nameTermsOf } from "../../lib/name-terms";
import { noticesOfDossier } from "../delivery";
import { fileableProcedure, openAnswers } from "../drafts/forms";
import { linkFilesToDossier } from "../files/repo";
import { resolveAttachments } from "./attachments";
import { enqueueDossierNotification } from "./outbox-hook";
import { findOwnDossier, insertEvent, listEvents, lockDossier, nextEventId, updateDossier } from "./repo";
import { findResultFile } from "./result-file";
import type { FilingDeps } from "./submit";
import { pendingSupplement, type StoredSupplement } from "./supplement-record";
import { validateSupplement } from "./supplement-validation";
import { toDetail } from "./views";

const DOSSIER_NOT_FOUND = "Không tìm thấy hồ sơ này. Vui lòng kiểm tra lại mã hồ sơ.";

/** A status change the machine refuses is a 409 with its Vietnamese reason, not a 500. */
function transition(from: DossierStatus, to: DossierStatus, actor: DossierActor): void {
  try {
    assertTransition(from, to, actor);
  } catch (error) {
    if (error instanceof DossierTransitionError) throw new AppError("CONFLICT", error.message);
    throw error;
  }
}

/**
 * An officer asks the citizen to fix some fields (Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ). Scoped to
 * the officer's commune (SEC-1); the officer area calls this once it exists, tests call it now.
 */
export async function requestSupplement(
  db: Database,
  code: string,
  request: { communeCode: string; fieldIds: string[]; message: string; actor: "officer"; now?: Date },
): Promise<void> {
  const now = request.now ?? new Date();
  await db.transaction(async (tx) => {
    const row = await lockDossier(tx, code, { communeCode: request.communeCode });
    if (!row) throw new AppError("NOT_FOUND", DOSSIER_NOT_FOUND);
    const from = dossierStatusSchema.parse(row.status);
    transition(from, "supplement_requested", request.actor);
    const { form } = await fileableProcedure(tx, row.procedureCode, row.procedureVersion);
    const known = new Set(form.steps.flatMap((step) => step.fields.map((field) => field.id)));
    const unknown = request.fieldIds.filter((id) => !known.has(id));
    if (request.fieldIds.length === 0 || unknown.length > 0) {
      throw new AppError("VALIDATION_FAILED", undefined, {
        fields: { fieldIds: "Vui lòng chọn các mục có trong biểu mẫu của thủ tục này." },
      });
    }
    const supplement: StoredSupplement = {
      fieldIds: [...new Set(request.fieldIds)],
      message: request.message,
      requestedAt: now.toISOString(),
      previousStatus: from,
      answeredAt: null,
    };
    await updateDossier(tx, code, { status: "supplement_requested", supplement }, now);
    const eventId = await insertEvent(tx, {
      dossierCode: code,
      status: "supplement_requested",
      actor: request.actor,
      note: request.message,
      at: now,
    });
    await enqueueDossierNotification(tx, {
      dossierCode: code,
      citizenId: row.citizenId,
      status: "supplement_requested",
      eventId,
      at: now,
      supplementMessage: request.message,
    });
  });
}

/**
 * The citizen answers a supplement request online: only flagged fields change; the whole dossier is
 * re-validated against its procedure version; the answers it replaces stay, sealed, in the event row.
 *
 * The legal clock restarts: processing time runs from receipt of a complete, valid dossier (reference
 * vn-public-services.md §3 [C]; Nghị định 61/2018/NĐ-CP as amended by 107/2021/NĐ-CP, see legal-clock.ts),
 * and the dossier becomes complete now. So `dueAt` is computed again from this moment.
 */
export async function answerSupplement(
  { db, sealer }: FilingDeps,
  input: { citizenId: string; code: string; answers: Answers; now?: Date },
): Promise<DossierDetail> {
  const now = input.now ?? new Date();
  const { citizenId, code } = input;
  await db.transaction(async (tx) => {
    const row = await lockDossier(tx, code, { citizenId });
    if (!row) throw new AppError("NOT_FOUND", DOSSIER_NOT_FOUND);
    const request = row.status === "supplement_requested" ? pendingSupplement(row.supplement) : undefined;
    if (!request) {
      throw new AppError(
        "CONFLICT",
        "Hồ sơ này hiện không có yêu cầu bổ sung. Vui lòng tải lại để xem trạng thái mới.",
      );
    }
    const procedure = await fileableProcedure(tx, row.procedureCode, row.procedureVersion);
    const previous = openAnswers(sealer, row.answersSealed, SEALED.dossierAnswers(code));
    const merged = { ...previous, ...onlyFlagged(input.answers, request) };
    const value = validateSupplement(procedure.form, merged, request.fieldIds, {
      today: toVnLocalDate(now),
      filedOn: toVnLocalDate(row.submittedAt),
    });
    const scope = { citizenId, draftId: row.draftId, dossierCode: code };
    const { answers, fileIds } = await resolveAttachments({ db: tx, sealer }, scope, procedure.form, value);
    const next = statusAfterSupplement(request.previousStatus);
    transition("supplement_requested", next, "citizen");
    const { dueAt } = computeDueAt({ receivedAt: now, legalTime: dueAtLegalTimeOf(procedure.legalTime) });
    await updateDossier(
      tx,
      code,
      {
        status: next,
        answersSealed: sealer.sealJson(answers, SEALED.dossierAnswers(code)),
        nameTerms: nameTermsOf(sealer, answers),
        supplement: { ...request, answeredAt: now.toISOString() },
        dueAt,
      },
      now,
    );
    // The replaced answers stay, as history, re-sealed for the event row they now live in.
    const eventId = await nextEventId(tx);
    await insertEvent(tx, {
      id: eventId,
      dossierCode: code,
      status: next,
      actor: "citizen",
      note: "Công dân đã bổ sung hồ sơ trực tuyến.",
      previousAnswersSealed: sealer.sealJson(previous, SEALED.previousAnswers(eventId)),
      at: now,
    });
    await linkFilesToDossier(tx, fileIds, code);
    await enqueueDossierNotification(tx, { dossierCode: code, citizenId, status: next, eventId, at: now });
  });
  const saved = await findOwnDossier(db, citizenId, code);
  if (!saved) throw new AppError("NOT_FOUND", DOSSIER_NOT_FOUND);
  return toDetail(
    saved,
    await listEvents(db, code),
    sealer,
    await noticesOfDossier(db, code),
    await findResultFile(db, sealer, code),
  );
}

/** Only the fields the officer flagged may change; any other id is refused, naming what may be sent. */
function onlyFlagged(answers: Answers, request: StoredSupplement): Answers {
  const flagged = new Set(request.fieldIds);
  if (Object.keys(answers).length === 0) {
    throw new AppError("VALIDATION_FAILED", "Vui lòng bổ sung ít nhất một mục cán bộ yêu cầu rồi gửi lại.", {
      fields: Object.fromEntries(request.fieldIds.map((id) => [id, "Mục này cần bổ sung."])),
    });
  }
  const refused = Object.keys(answers).filter((id) => !flagged.has(id));
  if (refused.length > 0) {
    const message = "Cán bộ không yêu cầu sửa mục này. Vui lòng chỉ sửa các mục được đánh dấu cần bổ sung.";
    throw new AppError("VALIDATION_FAILED", "Chỉ được sửa các mục cán bộ yêu cầu bổ sung.", {
      fields: Object.fromEntries(refused.map((id) => [id, message])),
    });
  }
  return answers;
}
