import { createHash, randomBytes } from "node:crypto";
import {
  computeDueAt,
  DOSSIER_CODE_RANDOM_BYTES,
  type DossierSummary,
  dueAtLegalTimeOf,
  generateDossierCode,
  toVnLocalDate,
  validateDossier,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { isUniqueViolation } from "../../lib/db-errors";
import { AppError } from "../../lib/errors";
import { nameTermsOf } from "../../lib/name-terms";
import { requireFilingConsent } from "../drafts/conflicts";
import { fieldErrorMap, fileableProcedure, openAnswers } from "../drafts/forms";
import { type DraftRow, lockOwnDraft, markDraftSubmitted } from "../drafts/repo";
import { linkFilesToDossier } from "../files/repo";
import { resolveAttachments } from "./attachments";
import { enqueueDossierNotification } from "./outbox-hook";
import { findByIdempotencyKey, findOwnDossier, insertDossierIfCodeFree, insertEvent } from "./repo";
import { toSummary } from "./views";

export interface FilingDeps {
  db: Database;
  sealer: Sealer;
}

export interface SubmitInput {
  citizenId: string;
  draftId: string;
  idempotencyKey: string;
  now?: Date;
}

/** 201: this key created it (now or on an earlier try); 200: the draft was already filed under another key. */
export interface SubmitOutcome {
  status: 200 | 201;
  replayed: boolean;
  dossier: DossierSummary;
}

/** A concurrent twin may win the unique index; a second run then finds what it wrote. */
const MAX_ATTEMPTS = 3;
const MAX_CODE_DRAWS = 5;

const KEY_REUSED =
  "Mã gửi (Idempotency-Key) này đã dùng cho một hồ sơ khác. Vui lòng tải lại trang rồi bấm “Nộp hồ sơ” lại.";
const DRAFT_NOT_FOUND = "Không tìm thấy bản nháp để nộp. Vui lòng mở lại hồ sơ đang làm.";

/**
 * Files a draft exactly once (ID-1). One transaction: lock the draft, validate it against the version it
 * began on, check its attachments, then write the dossier, its first event, the file links, the draft's
 * mark and (later) its notification. The key is scoped to the citizen; a request that fails (invalid
 * answers, a missing file) rolls back and leaves the key unused, so the fixed retry goes through.
 */
export async function submitDossier(deps: FilingDeps, input: SubmitInput): Promise<SubmitOutcome> {
  const requestHash = createHash("sha256")
    .update(JSON.stringify({ draftId: input.draftId }))
    .digest("hex");
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await deps.db.transaction((tx) => submitOnce(tx, deps.sealer, input, requestHash));
    } catch (error) {
      if (attempt < MAX_ATTEMPTS && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function submitOnce(
  tx: Database,
  sealer: Sealer,
  input: SubmitInput,
  requestHash: string,
): Promise<SubmitOutcome> {
  const { citizenId, idempotencyKey } = input;
  const previous = await findByIdempotencyKey(tx, citizenId, idempotencyKey);
  if (previous) {
    if (previous.requestHash !== requestHash) throw new AppError("UNPROCESSABLE", KEY_REUSED);
    return { status: 201, replayed: true, dossier: toSummary(previous, sealer) };
  }
  // Concurrent submits of one draft queue here; the first commits, the others then see it submitted.
  const draft = await lockOwnDraft(tx, citizenId, input.draftId);
  if (!draft) throw new AppError("NOT_FOUND", DRAFT_NOT_FOUND);
  if (draft.submittedDossierCode) {
    const existing = await findOwnDossier(tx, citizenId, draft.submittedDossierCode);
    if (existing) {
      const sameKey = existing.idempotencyKey === idempotencyKey;
      return { status: sameKey ? 201 : 200, replayed: true, dossier: toSummary(existing, sealer) };
    }
  }
  await requireFilingConsent(tx, citizenId);
  return fileDraft(tx, sealer, draft, { ...input, requestHash });
}

async function fileDraft(
  tx: Database,
  sealer: Sealer,
  draft: DraftRow,
  input: SubmitInput & { requestHash: string },
): Promise<SubmitOutcome> {
  const now = input.now ?? new Date();
  const procedure = await fileableProcedure(tx, draft.procedureCode, draft.procedureVersion);
  const checked = validateDossier(
    procedure.form,
    openAnswers(sealer, draft.answersSealed, SEALED.draftAnswers(draft.id)),
    {
      today: toVnLocalDate(now),
    },
  );
  if (!checked.ok) {
    const count = new Set(checked.errors.map((error) => error.path)).size;
    throw new AppError(
      "VALIDATION_FAILED",
      `Hồ sơ còn ${count} mục chưa đúng. Vui lòng sửa các mục được đánh dấu rồi nộp lại.`,
      { fields: fieldErrorMap(checked.errors) },
    );
  }
  const scope = { citizenId: input.citizenId, draftId: draft.id };
  const { answers, fileIds } = await resolveAttachments(
    { db: tx, sealer },
    scope,
    procedure.form,
    checked.value,
  );
  const { dueAt } = computeDueAt({ receivedAt: now, legalTime: dueAtLegalTimeOf(procedure.legalTime) });
  const row = {
    citizenId: input.citizenId,
    draftId: draft.id,
    procedureCode: procedure.code,
    procedureVersion: procedure.version,
    communeCode: draft.communeCode,
    status: "submitted",
    submittedAt: now,
    dueAt,
    idempotencyKey: input.idempotencyKey,
    requestHash: input.requestHash,
    updatedAt: now,
    nameTerms: nameTermsOf(sealer, answers),
  };
  let inserted: Awaited<ReturnType<typeof insertDossierIfCodeFree>>;
  for (let draw = 0; draw < MAX_CODE_DRAWS && !inserted; draw += 1) {
    const code = generateDossierCode(draft.communeCode, randomBytes(DOSSIER_CODE_RANDOM_BYTES));
    // Sealed per draw: the answers are bound to the dossier code they are stored under.
    const answersSealed = sealer.sealJson(answers, SEALED.dossierAnswers(code));
    inserted = await insertDossierIfCodeFree(tx, { ...row, code, answersSealed });
  }
  if (!inserted) throw new Error("no free dossier code after several draws");
  const { code } = inserted;
  const eventId = await insertEvent(tx, {
    dossierCode: code,
    status: "submitted",
    actor: "citizen",
    at: now,
  });
  await linkFilesToDossier(tx, fileIds, code);
  await markDraftSubmitted(tx, draft.id, code, now);
  await enqueueDossierNotification(tx, {
    dossierCode: code,
    citizenId: input.citizenId,
    status: "submitted",
    eventId,
    at: now,
  });
  return {
    status: 201,
    replayed: false,
    dossier: toSummary({ ...inserted, procedureTitle: procedure.title }, sealer, answers),
  };
}
