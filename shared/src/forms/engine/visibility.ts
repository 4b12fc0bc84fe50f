import type { FormDefinition, Step } from "../definition";
import { softValue } from "./answers-schema";
import { asAnswers } from "./paths";
import { resolveScope, type Visibility } from "./resolver";

/**
 * Which steps and fields show for the current answers. Conditions read answers by field id or dotted
 * path ("requester.sex"), normalised when valid; a hidden field reads as unanswered.
 */
export function formVisibility(form: FormDefinition, answers: unknown): Visibility {
  const entries = form.steps.flatMap((step) =>
    step.fields.map((field) => ({ field, gates: [step.visibleWhen, field.visibleWhen] })),
  );
  return resolveScope(entries, asAnswers(answers), softValue);
}

/**
 * The steps to show, each with only its visible fields. A step left with no visible field is dropped
 * too: an empty page would only be a "Tiếp tục" button. Fields inside a group are decided per item
 * (visibleItemFields).
 */
export function visibleSteps(form: FormDefinition, answers: unknown): Step[] {
  const visibility = formVisibility(form, answers);
  return form.steps
    .map((step) => ({ ...step, fields: step.fields.filter((field) => visibility.isVisible(field.id)) }))
    .filter((step) => step.fields.length > 0);
}

export function visibleFieldIds(form: FormDefinition, answers: unknown): Set<string> {
  return new Set(visibleSteps(form, answers).flatMap((step) => step.fields.map((field) => field.id)));
}
