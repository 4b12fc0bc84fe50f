import { z } from "zod";
import type { Field, FormDefinition } from "../definition";
import { groupSchema } from "./group-schema";
import { leafSchema, type SchemaContext } from "./leaf-schema";
import { asAnswers, ownValue } from "./paths";
import { sexRuleIssues } from "./sex-rules";
import type { NormalisedAnswers, NormalisedValue } from "./types";
import { addIssue, parseInto, withoutUndefined } from "./zod-check";

/** The schema of one field's answer, whatever its type. */
export function fieldAnswerSchema(
  field: Field,
  context: SchemaContext = {},
): z.ZodType<NormalisedValue | undefined> {
  return field.type === "group" ? groupSchema(field, context) : leafSchema(field, context);
}

/** An answer normalised when it is valid for its field (no date bounds), else returned as typed. */
export function softValue(field: Field, raw: unknown): unknown {
  const parsed = fieldAnswerSchema(field).safeParse(raw);
  return parsed.success ? parsed.data : raw;
}

export interface AnswersSchemaOptions {
  today: string;
  /** Ids of the fields that show for the current answers (see visibleFieldIds). */
  visible: ReadonlySet<string>;
}

export function allFields(form: FormDefinition): Field[] {
  return form.steps.flatMap((step) => step.fields);
}

/**
 * The schema of a dossier, built from the definition: one entry per visible field. Hidden fields and
 * unknown ids are not in it, so they are neither checked nor kept — a hidden answer never blocks a dossier.
 */
export function buildAnswersSchema(
  form: FormDefinition,
  { today, visible }: AnswersSchemaOptions,
): z.ZodType<NormalisedAnswers> {
  const fields = allFields(form).filter((field) => visible.has(field.id));
  const shape = Object.fromEntries(fields.map((field) => [field.id, fieldAnswerSchema(field, { today })]));
  const object = z.object(shape);
  return z.unknown().transform((raw, ctx): NormalisedAnswers => {
    const answers = asAnswers(raw);
    // Own values only, so an answer keyed like an Object.prototype member is never read by accident.
    const picked = Object.fromEntries(fields.map((field) => [field.id, ownValue(answers, field.id)]));
    const parsed = parseInto(object, picked, ctx);
    // Rules across fields, once each field is read: a relationship against the sex a CCCD encodes.
    const byId = new Map(allFields(form).map((field) => [field.id, field]));
    const crossIssues = sexRuleIssues(fields, answers, byId);
    for (const issue of crossIssues) addIssue(ctx, issue.message, [issue.fieldId]);
    if (!parsed.ok || crossIssues.length > 0) return z.NEVER;
    return withoutUndefined<NormalisedValue>(parsed.value);
  });
}
