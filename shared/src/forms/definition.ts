import { z } from "zod";

/**
 * A form is data: steps → fields, with visibility rules and prefill sources. The Mini App renders it
 * page by page, the server validates answers against it (forms/engine), the officer reads it.
 * Answers are keyed by field id; ids are unique across the whole form (groups nest their own).
 */

export const fieldIdSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*$/, "field id: camelCase letters and digits");

/** A value a condition can compare an answer with. */
const scalar = z.union([z.string(), z.number(), z.boolean()]);

export type Condition =
  | { field: string; equals: string | number | boolean }
  | { field: string; in: (string | number | boolean)[] }
  | { field: string; answered: boolean }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Show-when rules on other answers (FormSG's "show fields" logic; GOV.UK Forms' skip routing). */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ field: z.string(), equals: scalar }).strict(),
    z.object({ field: z.string(), in: z.array(scalar).min(1) }).strict(),
    z.object({ field: z.string(), answered: z.boolean() }).strict(),
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
  ]),
);

/** What the citizen's profile knows (never asked twice), what Zalo gives with consent, or another answer. */
export const PROFILE_KEYS = [
  "fullName",
  "dateOfBirth",
  "sex",
  "ethnicity",
  "nationality",
  "cccd",
  "phone",
  "email",
  "address",
] as const;
export type ProfileKey = (typeof PROFILE_KEYS)[number];

export const prefillSchema = z.union([
  z.object({ from: z.literal("profile"), key: z.enum(PROFILE_KEYS) }).strict(),
  z.object({ from: z.literal("zalo"), key: z.enum(["name", "phone"]) }).strict(),
  /** "Same as requester": copy another field's answer (a person block or an address). */
  z.object({ from: z.literal("field"), field: z.string() }).strict(),
]);
export type Prefill = z.infer<typeof prefillSchema>;

/** Parts of the reusable person block; a definition may ask for fewer. */
export const PERSON_PARTS = [
  "fullName",
  "dateOfBirth",
  "sex",
  "ethnicity",
  "nationality",
  "cccd",
  "residence",
] as const;
export type PersonPart = (typeof PERSON_PARTS)[number];

/** Sex as answers store it (answers.ts SEXES, identity/cccd.ts Sex). */
const SEX_VALUES = ["nam", "nu"] as const;

export const optionSchema = z.object({ value: z.string().min(1), label: z.string().min(1) }).strict();

const base = {
  id: fieldIdSchema,
  label: z.string().min(1),
  /** Plain-language help shown under the label: what to write and why it is asked. */
  help: z.string().optional(),
  /** Default true: a visible required field must be answered. */
  required: z.boolean().default(true),
  visibleWhen: conditionSchema.optional(),
  prefill: prefillSchema.optional(),
};

/** Date bounds relative to the day of filing, in days (−60 = not earlier than 60 days ago). */
const dateBounds = z
  .object({ minDaysFromToday: z.number().int().optional(), maxDaysFromToday: z.number().int().optional() })
  .strict();

export const ATTACHMENT_TYPES = ["image/jpeg", "image/png", "application/pdf"] as const;

const leafFieldSchemas = [
  z
    .object({
      ...base,
      type: z.literal("text"),
      minLength: z.number().int().min(0).optional(),
      maxLength: z.number().int().min(1).default(200),
      placeholder: z.string().optional(),
    })
    .strict(),
  z
    .object({ ...base, type: z.literal("long_text"), maxLength: z.number().int().min(1).default(2000) })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("number"),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().default(true),
      unit: z.string().optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal("date"), bounds: dateBounds.optional() }).strict(),
  z.object({ ...base, type: z.literal("select"), options: z.array(optionSchema).min(1) }).strict(),
  z
    .object({
      ...base,
      type: z.literal("radio"),
      options: z.array(optionSchema).min(2),
      /**
       * Choosing one of these options says the person in another field is of this sex ("Mẹ" → the
       * requester is a woman): checked against the sex that person's CCCD encodes (and their stated sex).
       */
      impliesSex: z
        .object({ person: z.string(), options: z.record(z.string(), z.enum(SEX_VALUES)) })
        .strict()
        .optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal("yes_no") }).strict(),
  z.object({ ...base, type: z.literal("cccd") }).strict(),
  z.object({ ...base, type: z.literal("phone") }).strict(),
  z.object({ ...base, type: z.literal("email") }).strict(),
  /** Two-tier address since 1/7/2025: province → commune → street detail (no district). */
  z
    .object({
      ...base,
      type: z.literal("address"),
      detailRequired: z.boolean().default(true),
      /** What the free-text line asks for, when not a street address (a place of birth: a health facility). */
      detailLabel: z.string().min(1).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("person"),
      parts: z
        .array(z.enum(PERSON_PARTS))
        .min(1)
        .default([...PERSON_PARTS]),
      dateOfBirthBounds: dateBounds.optional(),
      /** The person's sex is known from the role (a mother is a woman): the CCCD must encode it. */
      expectedSex: z.enum(SEX_VALUES).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal("attachment"),
      accept: z
        .array(z.enum(ATTACHMENT_TYPES))
        .min(1)
        .default([...ATTACHMENT_TYPES]),
      maxSizeMb: z.number().positive().max(5).default(5),
      minCount: z.number().int().min(0).default(1),
      maxCount: z.number().int().min(1).default(5),
    })
    .strict(),
  /** The citizen confirms a statement (e.g. "Tôi cam đoan những nội dung khai trên đây là đúng sự thật"). */
  z.object({ ...base, type: z.literal("declaration"), statement: z.string().min(1) }).strict(),
] as const;

export const leafFieldSchema = z.discriminatedUnion("type", [...leafFieldSchemas]);
export type LeafField = z.infer<typeof leafFieldSchema>;

/** A repeatable group (household members, business co-owners…): each item answers the nested fields. */
export const groupFieldSchema = z
  .object({
    ...base,
    type: z.literal("group"),
    itemLabel: z.string().min(1),
    minItems: z.number().int().min(0).default(0),
    maxItems: z.number().int().min(1).default(10),
    fields: z.array(leafFieldSchema).min(1),
  })
  .strict();
export type GroupField = z.infer<typeof groupFieldSchema>;

export const fieldSchema = z.discriminatedUnion("type", [...leafFieldSchemas, groupFieldSchema]);
export type Field = z.infer<typeof fieldSchema>;
export type FieldInput = z.input<typeof fieldSchema>;
export type FieldType = Field["type"];

export const stepSchema = z
  .object({
    id: fieldIdSchema,
    title: z.string().min(1),
    description: z.string().optional(),
    visibleWhen: conditionSchema.optional(),
    fields: z.array(fieldSchema).min(1),
  })
  .strict();
export type Step = z.infer<typeof stepSchema>;

export const formDefinitionSchema = z
  .object({ steps: z.array(stepSchema).min(1) })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    for (const step of form.steps) {
      for (const field of step.fields) {
        if (seen.has(field.id)) ctx.addIssue({ code: "custom", message: `duplicate field id "${field.id}"` });
        seen.add(field.id);
      }
    }
    for (const path of referencedFields(form.steps)) {
      if (!seen.has(rootId(path)))
        ctx.addIssue({ code: "custom", message: `condition or prefill refers to unknown field "${path}"` });
    }
    for (const step of form.steps) {
      for (const field of step.fields) {
        if (field.type === "group") checkGroupConditions(field, ctx);
        if (field.type === "radio" && field.impliesSex) {
          const values = new Set(field.options.map((option) => option.value));
          for (const key of Object.keys(field.impliesSex.options).filter((value) => !values.has(value)))
            ctx.addIssue({
              code: "custom",
              message: `impliesSex of "${field.id}" names unknown option "${key}"`,
            });
        }
      }
    }
  });
export type FormDefinition = z.infer<typeof formDefinitionSchema>;

/** Conditions and copies may name a part of a person or address answer: "requester.sex". */
function rootId(path: string): string {
  return path.split(".")[0] ?? path;
}

function conditionFields(condition: Condition | undefined): string[] {
  if (!condition) return [];
  if ("field" in condition) return [condition.field];
  if ("all" in condition) return condition.all.flatMap(conditionFields);
  if ("any" in condition) return condition.any.flatMap(conditionFields);
  return conditionFields(condition.not);
}

function referencedFields(steps: Step[]): string[] {
  const ids: string[] = [];
  for (const step of steps) {
    ids.push(...conditionFields(step.visibleWhen));
    for (const field of step.fields) {
      ids.push(...conditionFields(field.visibleWhen));
      if (field.prefill?.from === "field") ids.push(field.prefill.field);
      if (field.type === "radio" && field.impliesSex) ids.push(field.impliesSex.person);
    }
  }
  return ids;
}

/** Inside a group item, show-when rules refer to the item's own fields (forms/engine decides them per item). */
function checkGroupConditions(group: GroupField, ctx: z.RefinementCtx): void {
  const siblings = new Set(group.fields.map((field) => field.id));
  for (const field of group.fields) {
    for (const path of conditionFields(field.visibleWhen)) {
      if (!siblings.has(rootId(path)))
        ctx.addIssue({
          code: "custom",
          message: `condition in group "${group.id}" refers to unknown field "${path}"`,
        });
    }
  }
}
