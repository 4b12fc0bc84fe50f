import {
  type Answers,
  answersSchema,
  type FieldError,
  type FileableProcedure,
  type FormDefinition,
  type LeafField,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import type { SealContext, Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { getProcedure } from "../procedures/service";

/** What drafts, uploads and dossiers share: the definition they are checked against, sealed answers. */

/**
 * A procedure that can be filed here, at the current version or at the exact version a draft began on.
 * An information-only procedure is a 400 that says where to file it instead.
 */
export async function fileableProcedure(
  db: Database,
  code: string,
  version?: number,
): Promise<FileableProcedure> {
  const procedure = await getProcedure(db, code, version);
  if (!procedure.online) {
    throw new AppError(
      "BAD_REQUEST",
      `Thủ tục “${procedure.title}” chưa nộp trực tuyến được trên ứng dụng. Vui lòng xem mục “Cách nộp” của thủ tục để nộp trực tiếp hoặc trên Cổng Dịch vụ công quốc gia.`,
    );
  }
  return procedure;
}

/**
 * Sealed answers back to a record; the JSON is ours, yet it crosses a boundary (house rule: zod there).
 * `place` is where the value lives (db/sealed-places.ts): a draft's or a dossier's answers.
 */
export function openAnswers(sealer: Sealer, sealed: string, place: SealContext): Answers {
  return answersSchema.parse(sealer.openJson(sealed, place));
}

export type AttachmentField = Extract<LeafField, { type: "attachment" }>;

/** Attachment fields sit at the top of a step (the catalog has none inside repeatable groups). */
export function attachmentFields(form: FormDefinition): AttachmentField[] {
  return form.steps.flatMap((step) =>
    step.fields.filter((field): field is AttachmentField => field.type === "attachment"),
  );
}

export function attachmentFieldOf(form: FormDefinition, fieldId: string): AttachmentField | undefined {
  return attachmentFields(form).find((field) => field.id === fieldId);
}

/** The engine's errors as the error body's `fields`: dotted path → the first thing to fix there. */
export function fieldErrorMap(errors: readonly FieldError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of errors) fields[error.path || "answers"] ??= error.message;
  return fields;
}
