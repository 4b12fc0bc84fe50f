import type { FormDefinition, LeafField } from "@dvc/shared/forms/definition";
import { visibleSteps } from "@dvc/shared/forms/engine/index";

const cache = new WeakMap<FormDefinition, FormDefinition>();

/**
 * The form as its question pages. Declarations ("Tôi cam đoan…") are not asked on a page of their own:
 * as in GOV.UK's check-answers pattern, the citizen confirms them at the end of the review, right
 * before "Nộp hồ sơ", having just read what they confirm. A step left with no question is no page.
 */
export function questionPages(form: FormDefinition): FormDefinition {
  const known = cache.get(form);
  if (known) return known;
  const pages: FormDefinition = {
    steps: form.steps
      .map((step) => ({ ...step, fields: step.fields.filter((field) => field.type !== "declaration") }))
      .filter((step) => step.fields.length > 0),
  };
  cache.set(form, pages);
  return pages;
}

type Declaration = Extract<LeafField, { type: "declaration" }>;

/** The declarations that show for these answers, asked on the review page. */
export function visibleDeclarations(form: FormDefinition, answers: unknown): Declaration[] {
  return visibleSteps(form, answers)
    .flatMap((step) => step.fields)
    .filter((field): field is Declaration => field.type === "declaration");
}
