import {
  type Answers,
  type Draft,
  normaliseAnswers,
  type StepValidationResponse,
  toVnLocalDate,
  validateStep,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import type { FileStorage } from "../../storage";
import { lockCitizen } from "../citizen-auth/repo";
import { deleteDraftFiles } from "../files/service";
import { findCommune } from "../units/repo";
import { alreadySubmitted, ConflictError, requireFilingConsent } from "./conflicts";
import { fieldErrorMap, fileableProcedure, openAnswers } from "./forms";
import { MAX_OPEN_DRAFTS, tooManyDrafts } from "./quota";
import {
  countOwnOpenDrafts,
  type DraftRow,
  deleteOwnOpenDraft,
  findOwnDraft,
  insertDraftIfAbsent,
  listOwnOpenDrafts,
  saveIfVersion,
} from "./repo";

export interface DraftDeps {
  db: Database;
  sealer: Sealer;
}

const DRAFT_NOT_FOUND =
  "Không tìm thấy bản nháp này. Có thể bạn đã xoá nó; vui lòng mở danh sách hồ sơ đang làm.";
const STALE_MESSAGE =
  "Bản nháp vừa được lưu từ một thiết bị hoặc cửa sổ khác. Những gì bạn vừa nhập vẫn còn trên máy: vui lòng xem lại rồi lưu tiếp.";

export function toDraft(row: DraftRow, sealer: Sealer): Draft {
  return {
    id: row.id,
    procedureCode: row.procedureCode,
    procedureVersion: row.procedureVersion,
    communeCode: row.communeCode,
    version: row.version,
    answers: openAnswers(sealer, row.answersSealed, SEALED.draftAnswers(row.id)),
    currentStepId: row.currentStepId,
    updatedAt: row.updatedAt.toISOString(),
    submittedAs: row.submittedDossierCode,
  };
}

async function requireCommune(db: Database, code: string): Promise<void> {
  if (!(await findCommune(db, code))) {
    throw new AppError("VALIDATION_FAILED", undefined, {
      fields: { communeCode: "Không tìm thấy xã/phường này. Vui lòng chọn lại trong danh sách." },
    });
  }
}

async function requireOwnDraft(db: Database, citizenId: string, id: string): Promise<DraftRow> {
  const row = await findOwnDraft(db, citizenId, id);
  if (!row) throw new AppError("NOT_FOUND", DRAFT_NOT_FOUND);
  return row;
}

/**
 * Creates the draft on the procedure's current version. The id is the client's, so a retried create
 * (lost response, offline replay) returns the same draft instead of a second one. A new draft beyond
 * MAX_OPEN_DRAFTS is refused; the count runs under the citizen's row lock, so parallel creates cannot
 * all squeeze in.
 */
export async function createDraft(
  { db, sealer }: DraftDeps,
  citizenId: string,
  input: { id: string; procedureCode: string; communeCode: string },
): Promise<{ draft: Draft; created: boolean }> {
  const procedure = await fileableProcedure(db, input.procedureCode);
  await requireCommune(db, input.communeCode);
  const retried = await findOwnDraft(db, citizenId, input.id);
  if (retried) return { draft: toDraft(retried, sealer), created: false };
  const inserted = await db.transaction(async (tx) => {
    if (!(await lockCitizen(tx, citizenId))) throw new AppError("UNAUTHENTICATED");
    if ((await countOwnOpenDrafts(tx, citizenId)) >= MAX_OPEN_DRAFTS) throw tooManyDrafts();
    return insertDraftIfAbsent(tx, {
      id: input.id,
      citizenId,
      procedureCode: procedure.code,
      procedureVersion: procedure.version,
      communeCode: input.communeCode,
      answersSealed: sealer.sealJson({}, SEALED.draftAnswers(input.id)),
    });
  });
  if (inserted) return { draft: toDraft(inserted, sealer), created: true };
  const existing = await findOwnDraft(db, citizenId, input.id);
  // The id belongs to someone else's draft: say nothing about it, ask for a new id.
  if (!existing) throw new AppError("CONFLICT", "Mã bản nháp này đã được dùng. Vui lòng tạo bản nháp mới.");
  return { draft: toDraft(existing, sealer), created: false };
}

export async function listDrafts({ db, sealer }: DraftDeps, citizenId: string): Promise<Draft[]> {
  return (await listOwnOpenDrafts(db, citizenId)).map((row) => toDraft(row, sealer));
}

export async function getDraft({ db, sealer }: DraftDeps, citizenId: string, id: string): Promise<Draft> {
  return toDraft(await requireOwnDraft(db, citizenId, id), sealer);
}

/**
 * Saves what the citizen typed, normalised where valid and kept as typed where not (nothing is lost),
 * if `version` is the stored one; otherwise a 409 carrying the stored draft so the app can merge.
 */
export async function saveDraft(
  { db, sealer }: DraftDeps,
  citizenId: string,
  id: string,
  input: {
    version: number;
    answers: Answers;
    currentStepId: string | null;
    communeCode?: string | undefined;
  },
): Promise<Draft> {
  const row = await requireOwnDraft(db, citizenId, id);
  if (row.submittedDossierCode) throw alreadySubmitted(row.submittedDossierCode);
  if (row.version !== input.version) throw staleConflict(row, sealer);
  await requireFilingConsent(db, citizenId);
  const communeCode = input.communeCode ?? row.communeCode;
  if (communeCode !== row.communeCode) await requireCommune(db, communeCode);
  const { form } = await fileableProcedure(db, row.procedureCode, row.procedureVersion);
  const saved = await saveIfVersion(
    db,
    { citizenId, id, expectedVersion: input.version },
    {
      answersSealed: sealer.sealJson(normaliseAnswers(form, input.answers), SEALED.draftAnswers(id)),
      currentStepId: input.currentStepId,
      communeCode,
      updatedAt: new Date(),
    },
  );
  if (saved) return toDraft(saved, sealer);
  // Lost the race between the read above and the update: report what won.
  const now = await requireOwnDraft(db, citizenId, id);
  if (now.submittedDossierCode) throw alreadySubmitted(now.submittedDossierCode);
  throw staleConflict(now, sealer);
}

function staleConflict(row: DraftRow, sealer: Sealer): ConflictError {
  return new ConflictError("stale_version", STALE_MESSAGE, { current: toDraft(row, sealer) });
}

/** Deletes an unsubmitted draft and the uploads that were only its own. */
export async function deleteDraft(
  { db, storage }: DraftDeps & { storage: FileStorage },
  citizenId: string,
  id: string,
): Promise<void> {
  const row = await requireOwnDraft(db, citizenId, id);
  if (row.submittedDossierCode) throw alreadySubmitted(row.submittedDossierCode);
  await deleteDraftFiles({ db, storage }, citizenId, id);
  if (!(await deleteOwnOpenDraft(db, citizenId, id))) throw new AppError("NOT_FOUND", DRAFT_NOT_FOUND);
}

/** The "Tiếp tục" check of one step, on the saved answers: field errors in Vietnamese, never a 400. */
export async function validateDraftStep(
  { db, sealer }: DraftDeps,
  citizenId: string,
  id: string,
  stepId: string,
): Promise<StepValidationResponse> {
  const row = await requireOwnDraft(db, citizenId, id);
  const { form } = await fileableProcedure(db, row.procedureCode, row.procedureVersion);
  if (!form.steps.some((step) => step.id === stepId)) {
    throw new AppError("VALIDATION_FAILED", undefined, {
      fields: { stepId: "Không có bước này trong biểu mẫu. Vui lòng tải lại trang." },
    });
  }
  const result = validateStep(form, stepId, openAnswers(sealer, row.answersSealed, SEALED.draftAnswers(id)), {
    today: toVnLocalDate(new Date()),
  });
  return result.ok ? { ok: true, fields: {} } : { ok: false, fields: fieldErrorMap(result.errors) };
}
