import type { AttachmentRef, FormDefinition, NormalisedAnswers } from "@dvc/shared";
import type { Database } from "../../db/client";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { attachmentFields } from "../drafts/forms";
import { fileNameOf, findAttachableFiles } from "../files/repo";

/**
 * Ties a dossier's attachment answers to real uploads. Each referenced file must be the citizen's own,
 * uploaded for this draft, and not part of another dossier; its name, type and size are then taken from
 * the stored row, never from what the app sent. Returns the answers with those refs and the file ids.
 */
export async function resolveAttachments(
  { db, sealer }: { db: Database; sealer: Sealer },
  scope: { citizenId: string; draftId: string; dossierCode?: string },
  form: FormDefinition,
  answers: NormalisedAnswers,
): Promise<{ answers: NormalisedAnswers; fileIds: string[] }> {
  const fields = attachmentFields(form).filter((field) => Array.isArray(answers[field.id]));
  const refsOf = (fieldId: string) => answers[fieldId] as AttachmentRef[];
  const ids = fields.flatMap((field) => refsOf(field.id).map((ref) => ref.fileId));
  const rows = new Map((await findAttachableFiles(db, scope, ids)).map((row) => [row.id, row]));
  const resolved: NormalisedAnswers = { ...answers };
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const refs: AttachmentRef[] = [];
    for (const ref of refsOf(field.id)) {
      const row = rows.get(ref.fileId);
      // A file uploaded for another field would pass an officer off with the wrong document.
      if (!row || row.fieldId !== field.id) {
        problems[field.id] ??=
          `Tệp “${ref.name}” của mục “${field.label}” không còn trên hệ thống. Vui lòng xoá tệp đó và tải lên lại.`;
        continue;
      }
      const name = fileNameOf(sealer, row);
      refs.push({ fileId: row.id, name, sizeBytes: row.sizeBytes, mimeType: row.mimeType });
    }
    resolved[field.id] = refs;
  }
  if (Object.keys(problems).length > 0) {
    throw new AppError("VALIDATION_FAILED", "Một số tệp đính kèm không còn. Vui lòng tải lên lại rồi nộp.", {
      fields: problems,
    });
  }
  return { answers: resolved, fileIds: ids };
}
