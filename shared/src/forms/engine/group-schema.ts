import { z } from "zod";
import type { Field, GroupField, LeafField } from "../definition";
import { leafSchema, type SchemaContext } from "./leaf-schema";
import { itemContext, MESSAGES, qualifiedLabel } from "./messages";
import { isRecord, ownValue } from "./paths";
import { withPresence } from "./presence";
import { resolveScope, type Visibility } from "./resolver";
import type { GroupItemAnswer, LeafValue } from "./types";
import { addIssue, parseInto, withoutUndefined } from "./zod-check";

/** A nested answer as conditions see it: normalised when valid (no date bounds), else as typed. */
function softenLeaf(field: Field, raw: unknown): unknown {
  if (field.type === "group") return raw;
  const parsed = leafSchema(field, {}).safeParse(raw);
  return parsed.success ? parsed.data : raw;
}

/** Show-when rules inside a group item refer to the item's own fields (siblings), not to the rest of the form. */
export function itemVisibility(group: GroupField, item: unknown): Visibility {
  const entries = group.fields.map((field) => ({ field, gates: [field.visibleWhen] }));
  return resolveScope(entries, isRecord(item) ? item : {}, softenLeaf);
}

export function visibleItemFields(group: GroupField, item: unknown): LeafField[] {
  const visibility = itemVisibility(group, item);
  return group.fields.filter((field) => visibility.isVisible(field.id));
}

/** The fewest items a group takes: a required group needs at least one even when minItems is 0. */
export function minimumItems(group: GroupField): number {
  return group.required ? Math.max(group.minItems, 1) : group.minItems;
}

/** A repeatable group: an array of items, each validated by the nested fields that show for that item. */
export function groupSchema(
  group: GroupField,
  context: SchemaContext,
): z.ZodType<GroupItemAnswer[] | undefined> {
  const label = qualifiedLabel(group.label, context.context);
  const answered = z.unknown().transform((raw, ctx): GroupItemAnswer[] => {
    if (!Array.isArray(raw)) {
      addIssue(ctx, MESSAGES.invalid(label));
      return z.NEVER;
    }
    let failed = false;
    if (raw.length < minimumItems(group)) {
      addIssue(ctx, MESSAGES.groupTooFew(label, minimumItems(group), group.itemLabel));
      failed = true;
    }
    if (raw.length > group.maxItems) {
      addIssue(ctx, MESSAGES.groupTooMany(label, group.maxItems, group.itemLabel));
      failed = true;
    }
    const items: GroupItemAnswer[] = [];
    for (const [index, item] of raw.entries()) {
      const parsed = parseInto(itemSchema(group, item, index, context), item, ctx, [index]);
      if (parsed.ok) items.push(parsed.value);
      else failed = true;
    }
    return failed ? z.NEVER : items;
  });
  return withPresence(answered, {
    required: group.required,
    requiredMessage: MESSAGES.groupTooFew(label, minimumItems(group), group.itemLabel),
  });
}

function itemSchema(group: GroupField, item: unknown, index: number, context: SchemaContext) {
  const record = isRecord(item) ? item : {};
  const fields = visibleItemFields(group, record);
  const itemContextLabel = itemContext(group.itemLabel, index);
  const shape = Object.fromEntries(
    fields.map((field) => [field.id, leafSchema(field, { today: context.today, context: itemContextLabel })]),
  );
  // Only the visible fields' own values are read: hidden and unknown keys never reach the checks.
  const picked = Object.fromEntries(fields.map((field) => [field.id, ownValue(record, field.id)]));
  return z.unknown().transform((_raw, ctx): GroupItemAnswer => {
    const parsed = parseInto(z.object(shape), picked, ctx);
    return parsed.ok ? withoutUndefined<LeafValue>(parsed.value) : z.NEVER;
  });
}
