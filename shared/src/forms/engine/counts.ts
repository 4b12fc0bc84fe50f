import type { Field, FormDefinition } from "../definition";
import { allFields } from "./answers-schema";
import { isAnswered, isRecord, ownValue } from "./paths";
import { type PrefillSources, type Profile, prefillAnswers } from "./prefill";

/**
 * How many inputs a citizen with this profile still types on a fresh form, to compare with the national
 * eForm. An upper bound, so it never flatters the form: every conditional field counts as if shown, each
 * part of a person block counts on its own, an address counts once (as the eForms print it), a group's
 * fields count once per required item (at least one). Not counted: what the profile or Zalo prefills,
 * "same as" copies of another answer, uploads and the declaration tick (nothing is typed).
 */
export function typedFieldCount(
  form: FormDefinition,
  profile: Profile,
  zalo: PrefillSources["zalo"] = {},
): number {
  const answers = prefillAnswers(form, { profile, zalo }, {});
  return allFields(form).reduce((sum, field) => sum + inputsToType(field, ownValue(answers, field.id)), 0);
}

function inputsToType(field: Field, value: unknown): number {
  if (field.prefill?.from === "field") return 0;
  switch (field.type) {
    case "attachment":
    case "declaration":
      return 0;
    case "person":
      return field.parts.filter((part) => !isRecord(value) || !isAnswered(ownValue(value, part))).length;
    case "group": {
      const perItem = field.fields.reduce((sum, nested) => sum + inputsToType(nested, undefined), 0);
      return perItem * Math.max(field.minItems, 1);
    }
    default:
      return isAnswered(value) ? 0 : 1;
  }
}
