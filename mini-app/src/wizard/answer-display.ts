import { summariseAnswers } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { unitName } from "../citizen/commune-names";

/** The question's label, for dialogs that name a field. */
export function fieldLabel(form: FileableProcedure, fieldId: string): string {
  for (const step of form.form.steps) {
    const field = step.fields.find((candidate) => candidate.id === fieldId);
    if (field) return field.label;
  }
  return fieldId;
}

/** One field's answer in words ("Mẹ", "05/09/2024", "Phường Bạch Mai, Thành phố Hà Nội"). */
export function displayAnswer(
  form: FileableProcedure,
  fieldId: string,
  answers: Record<string, unknown>,
): string {
  const items = summariseAnswers(form.form, answers, { unitName })
    .flatMap((step) => step.items)
    .filter((item) => item.fieldId === fieldId || item.fieldId.startsWith(`${fieldId}.`));
  if (items.length === 0)
    return answers[fieldId] === undefined ? "(trống)" : JSON.stringify(answers[fieldId]);
  if (items.length === 1) return items[0]?.display ?? "";
  return items.map((item) => `${item.label}: ${item.display}`).join("; ");
}
