import { SEXES } from "../answers";
import type { Field, FormDefinition, GroupField, LeafField } from "../definition";
import { softValue } from "./answers-schema";
import { type DisplayOptions, displayLeaf } from "./display";
import { visibleItemFields } from "./group-schema";
import { DISPLAY, itemContext, qualifiedLabel } from "./messages";
import { asAnswers, isRecord, ownValue } from "./paths";
import { personPartLabel } from "./person";
import { visibleSteps } from "./visibility";

export interface SummaryItem {
  /** Dotted like error paths: "child.dateOfBirth", "members.0.fullName". */
  fieldId: string;
  label: string;
  display: string;
}

export interface SummaryStep {
  stepId: string;
  title: string;
  items: SummaryItem[];
}

/**
 * What the citizen checks before sending ("Kiểm tra lại") and what the officer reads: each visible step
 * with its visible answers in Vietnamese. Person blocks and group items are spelled out one input per line.
 */
export function summariseAnswers(
  form: FormDefinition,
  answers: unknown,
  options: DisplayOptions = {},
): SummaryStep[] {
  const record = asAnswers(answers);
  return visibleSteps(form, answers).map((step) => ({
    stepId: step.id,
    title: step.title,
    items: step.fields.flatMap((field) =>
      fieldItems(field, softValue(field, ownValue(record, field.id)), field.id, undefined, options),
    ),
  }));
}

function fieldItems(
  field: Field,
  value: unknown,
  path: string,
  context: string | undefined,
  options: DisplayOptions,
): SummaryItem[] {
  if (field.type === "group") return groupItems(field, value, path, options);
  if (field.type === "person") return personItems(field, value, path, context, options);
  return [
    {
      fieldId: path,
      label: qualifiedLabel(field.label, context),
      display: displayLeaf(field, value, options),
    },
  ];
}

type PersonField = Extract<LeafField, { type: "person" }>;

function personItems(
  field: PersonField,
  value: unknown,
  path: string,
  context: string | undefined,
  options: DisplayOptions,
): SummaryItem[] {
  const blockLabel = context === undefined ? field.label : `${field.label}, ${context}`;
  const person = isRecord(value) ? value : {};
  return field.parts.map((part) => ({
    fieldId: `${path}.${part}`,
    label: personPartLabel(part, blockLabel),
    display: displayLeaf(partAsField(part), ownValue(person, part), options),
  }));
}

/** A person part shown like the leaf field of the same kind (dates as dd/mm/yyyy, sex as Nam/Nữ…). */
function partAsField(part: PersonField["parts"][number]): LeafField {
  const common = { id: part, label: part, required: true };
  switch (part) {
    case "dateOfBirth":
      return { ...common, type: "date" };
    case "sex":
      return { ...common, type: "select", options: [...SEXES] };
    case "cccd":
      return { ...common, type: "cccd" };
    case "residence":
      return { ...common, type: "address", detailRequired: true };
    default:
      // Only the type matters for display; the length limit is never checked here.
      return { ...common, type: "text", maxLength: 200 };
  }
}

function groupItems(field: GroupField, value: unknown, path: string, options: DisplayOptions): SummaryItem[] {
  const items = Array.isArray(value) ? value : [];
  if (items.length === 0) return [{ fieldId: path, label: field.label, display: DISPLAY.none }];
  return items.flatMap((item, index) => {
    const context = itemContext(field.itemLabel, index);
    const record = isRecord(item) ? item : {};
    return visibleItemFields(field, record).flatMap((nested) =>
      fieldItems(
        nested,
        softValue(nested, ownValue(record, nested.id)),
        `${path}.${index}.${nested.id}`,
        context,
        options,
      ),
    );
  });
}
