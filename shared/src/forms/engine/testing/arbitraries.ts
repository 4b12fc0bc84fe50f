import fc from "fast-check";
import { sexFromCccd } from "../../../identity/cccd";
import type { Field, FormDefinition, GroupField, LeafField } from "../../definition";
import { allFields } from "../answers-schema";
import { minimumCount } from "../attachments";
import { minimumItems } from "../group-schema";
import { MEGABYTE } from "../numbers";
import {
  addressArb,
  cccdArb,
  dateInputArb,
  emailArb,
  isoDayArb,
  numberArb,
  phoneArb,
  textArb,
  wordsArb,
} from "./value-arbitraries";

/**
 * Valid answers for any form definition, as the app may send them: every field (hidden ones too) gets a
 * value valid for its type, optional ones are sometimes left out. Whatever shows for those answers is
 * therefore valid, so `validateDossier` must accept them — the base of the engine's property tests.
 */
export function validAnswersArbitrary(
  form: FormDefinition,
  today: string,
): fc.Arbitrary<Record<string, unknown>> {
  return answersFor(allFields(form), today);
}

function answersFor(fields: readonly Field[], today: string): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(fields.map((field) => [field.id, fieldArb(field, today)]));
  return fc.record(model).map((record) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
    return agreeWithSex(fields, out);
  });
}

/**
 * A choice that says a person's sex ("Mẹ") is valid only when that person's CCCD agrees: otherwise the
 * generated answer takes an option that agrees or says nothing about sex.
 */
function agreeWithSex(fields: readonly Field[], answers: Record<string, unknown>): Record<string, unknown> {
  for (const field of fields) {
    if (field.type !== "radio" || field.impliesSex === undefined) continue;
    const person = answers[field.impliesSex.person];
    const cccd =
      typeof person === "object" && person !== null ? (person as { cccd?: unknown }).cccd : undefined;
    const sex = sexFromCccd(cccd);
    const implied = field.impliesSex.options;
    const chosen = answers[field.id];
    if (sex === undefined || typeof chosen !== "string" || (implied[chosen] ?? sex) === sex) continue;
    answers[field.id] = field.options.find((option) => (implied[option.value] ?? sex) === sex)?.value;
  }
  return answers;
}

function fieldArb(field: Field, today: string): fc.Arbitrary<unknown> {
  const value = field.type === "group" ? groupArb(field, today) : leafArb(field, today);
  return field.required ? value : fc.option(value, { nil: undefined });
}

function groupArb(field: GroupField, today: string): fc.Arbitrary<unknown> {
  const max = Math.max(minimumItems(field), Math.min(field.maxItems, 3));
  return fc.array(answersFor(field.fields, today), { minLength: minimumItems(field), maxLength: max });
}

function leafArb(field: LeafField, today: string): fc.Arbitrary<unknown> {
  const todayYear = Number(today.slice(0, 4));
  switch (field.type) {
    case "text": {
      const min = Math.max(field.minLength ?? 1, 1);
      return textArb(min, Math.max(min, Math.min(field.maxLength, min + 60)));
    }
    case "long_text":
      return textArb(1, Math.min(field.maxLength, 200));
    case "number":
      return numberArb(field.min, field.max, field.integer);
    case "date":
      return isoDayArb(today, field.bounds?.minDaysFromToday, field.bounds?.maxDaysFromToday).chain(
        dateInputArb,
      );
    case "select":
    case "radio":
      return fc.constantFrom(...field.options.map((option) => option.value));
    case "yes_no":
      return fc.boolean();
    case "cccd":
      return cccdArb(fc.integer({ min: 1900, max: todayYear }), fc.constantFrom("nam", "nu"));
    case "phone":
      return phoneArb;
    case "email":
      return emailArb;
    case "address":
      return addressArb(field.detailRequired);
    case "person":
      return personArb(field, today);
    case "attachment":
      return attachmentsArb(field);
    case "declaration":
      return fc.constant(true);
  }
}

type PersonField = Extract<LeafField, { type: "person" }>;

/** A whole person, CCCD consistent with the date of birth and sex, then cut to the parts asked for. */
function personArb(field: PersonField, today: string): fc.Arbitrary<Record<string, unknown>> {
  const bounds = field.dateOfBirthBounds ?? { maxDaysFromToday: 0 };
  const birth = fc.record({
    iso: isoDayArb(today, bounds.minDaysFromToday, bounds.maxDaysFromToday),
    sex:
      field.expectedSex === undefined
        ? fc.constantFrom<"nam" | "nu">("nam", "nu")
        : fc.constant(field.expectedSex),
  });
  return birth.chain(({ iso, sex }) =>
    fc
      .record({
        fullName: wordsArb(1, 40),
        dateOfBirth: dateInputArb(iso),
        sex: fc.constant(sex),
        ethnicity: textArb(1, 30),
        nationality: textArb(1, 30),
        cccd: cccdArb(fc.constant(Number(iso.slice(0, 4))), fc.constant(sex)),
        residence: addressArb(true),
      })
      .map((person) => Object.fromEntries(field.parts.map((part) => [part, person[part]]))),
  );
}

type AttachmentField = Extract<LeafField, { type: "attachment" }>;

function attachmentsArb(field: AttachmentField): fc.Arbitrary<unknown> {
  const ref = fc.record({
    name: fc.stringMatching(/^[a-z0-9-]{1,20}\.(jpg|png|pdf)$/),
    sizeBytes: fc.integer({ min: 0, max: Math.floor(field.maxSizeMb * MEGABYTE) }),
    mimeType: fc.constantFrom(...field.accept),
  });
  const count = { minLength: minimumCount(field), maxLength: Math.max(minimumCount(field), field.maxCount) };
  // File ids are unique per upload; the index keeps them unique here.
  return fc
    .array(ref, count)
    .map((refs) => refs.map((item, index) => ({ fileId: `file-${index}`, ...item })));
}
