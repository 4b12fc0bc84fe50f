import type { z } from "zod";
import type { FormDefinition } from "../definition";
import { allFields, buildAnswersSchema, softValue } from "./answers-schema";
import { asAnswers, ownValue } from "./paths";
import type { FieldError, NormalisedAnswers, ValidateOptions, ValidationResult } from "./types";
import { visibleFieldIds } from "./visibility";

/** Checks the whole dossier before submission; `value` holds only visible answered fields, normalised. */
export function validateDossier(
  form: FormDefinition,
  answers: unknown,
  { today }: ValidateOptions,
): ValidationResult {
  const visible = visibleFieldIds(form, answers);
  return run(form, buildAnswersSchema(form, { today, visible }), answers);
}

/**
 * Checks one step before moving on ("Tiếp tục"). Visibility is decided over all answers, since a step's
 * fields may depend on earlier steps. A hidden or unknown step has nothing to check.
 */
export function validateStep(
  form: FormDefinition,
  stepId: string,
  answers: unknown,
  { today }: ValidateOptions,
): ValidationResult {
  const step = form.steps.find((candidate) => candidate.id === stepId);
  const inStep = new Set(step?.fields.map((field) => field.id) ?? []);
  const visible = new Set([...visibleFieldIds(form, answers)].filter((id) => inStep.has(id)));
  return run(form, buildAnswersSchema(form, { today, visible }), answers);
}

function run(form: FormDefinition, schema: z.ZodType<NormalisedAnswers>, answers: unknown): ValidationResult {
  const result = schema.safeParse(answers);
  if (result.success) return { ok: true, value: result.data };
  const stepOf = new Map(
    form.steps.flatMap((step) => step.fields.map((field) => [field.id, step.id] as const)),
  );
  const errors: FieldError[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    stepId: stepOf.get(String(issue.path[0])) ?? "",
    message: issue.message,
  }));
  return { ok: false, errors };
}

/**
 * Answers of a draft, normalised where they are already valid (text trimmed, dates ISO, phones "84…") and
 * kept as typed where not, so nothing the citizen wrote is lost. Hidden fields are kept (the citizen may
 * show them again); unknown ids are dropped. Date bounds are not applied: that is the dossier's check.
 */
export function normaliseAnswers(form: FormDefinition, answers: unknown): Record<string, unknown> {
  const record = asAnswers(answers);
  const out: Record<string, unknown> = {};
  for (const field of allFields(form)) {
    const value = softValue(field, ownValue(record, field.id));
    if (value !== undefined) out[field.id] = value;
  }
  return out;
}
