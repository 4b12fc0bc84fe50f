import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { findOwnDossier, lockDossier } from "../dossiers/repo";
import { pendingSupplement } from "../dossiers/supplement-record";
import { alreadySubmitted } from "../drafts/conflicts";
import { findOwnDraft, lockOwnDraft } from "../drafts/repo";

/**
 * What an upload is for: a field of the citizen's open draft, or a field an officer flagged on the
 * citizen's dossier (a supplement). Either way the file hangs off the draft id, so the dossier's
 * answers can reference it; `lock` re-checks inside the upload's transaction.
 */
export interface UploadTarget {
  draftId: string;
  procedureCode: string;
  procedureVersion: number;
  lock(tx: Database): Promise<void>;
}

const DRAFT_NOT_FOUND = "Không tìm thấy bản nháp của tệp này. Vui lòng mở lại hồ sơ đang làm rồi tải lên.";
const DOSSIER_NOT_FOUND = "Không tìm thấy hồ sơ này. Vui lòng kiểm tra lại mã hồ sơ.";
const NO_SUPPLEMENT =
  "Hồ sơ này không có yêu cầu bổ sung nên không tải thêm tệp được. Vui lòng xem trạng thái hồ sơ.";

export async function resolveUploadTarget(
  db: Database,
  input: {
    citizenId: string;
    fieldId: string;
    draftId?: string | undefined;
    dossierCode?: string | undefined;
  },
): Promise<UploadTarget> {
  const { citizenId } = input;
  if (input.dossierCode !== undefined)
    return supplementTarget(db, citizenId, input.dossierCode, input.fieldId);
  const draftId = input.draftId ?? "";
  const draft = await findOwnDraft(db, citizenId, draftId);
  if (!draft) throw new AppError("NOT_FOUND", DRAFT_NOT_FOUND);
  if (draft.submittedDossierCode) throw alreadySubmitted(draft.submittedDossierCode);
  return {
    draftId,
    procedureCode: draft.procedureCode,
    procedureVersion: draft.procedureVersion,
    async lock(tx) {
      const locked = await lockOwnDraft(tx, citizenId, draftId);
      if (!locked) throw new AppError("NOT_FOUND", DRAFT_NOT_FOUND);
      if (locked.submittedDossierCode) throw alreadySubmitted(locked.submittedDossierCode);
    },
  };
}

async function supplementTarget(
  db: Database,
  citizenId: string,
  code: string,
  fieldId: string,
): Promise<UploadTarget> {
  const dossier = await findOwnDossier(db, citizenId, code);
  if (!dossier) throw new AppError("NOT_FOUND", DOSSIER_NOT_FOUND);
  const check = (status: string, supplement: unknown) => {
    const request = status === "supplement_requested" ? pendingSupplement(supplement) : undefined;
    if (!request) throw new AppError("CONFLICT", NO_SUPPLEMENT);
    if (!request.fieldIds.includes(fieldId)) {
      throw new AppError("VALIDATION_FAILED", undefined, {
        fields: {
          fieldId: "Cán bộ không yêu cầu bổ sung mục này. Vui lòng chỉ tải tệp cho các mục được yêu cầu.",
        },
      });
    }
  };
  check(dossier.status, dossier.supplement);
  return {
    draftId: dossier.draftId,
    procedureCode: dossier.procedureCode,
    procedureVersion: dossier.procedureVersion,
    async lock(tx) {
      const locked = await lockDossier(tx, code, { citizenId });
      if (!locked) throw new AppError("NOT_FOUND", DOSSIER_NOT_FOUND);
      check(locked.status, locked.supplement);
    },
  };
}
