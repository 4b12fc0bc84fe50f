import { z } from "zod";
import { parseCccd, SEX_LABEL } from "../../identity/cccd";
import { type PersonAnswer, SEXES } from "../answers";
import type { LeafField, PersonPart } from "../definition";
import { addressSchema } from "./address";
import { checkCccd, checkDate, checkName, checkOption, checkText } from "./checks";
import { yearOf } from "./dates";
import { MESSAGES, PERSON_PART_LABELS, qualifiedLabel } from "./messages";
import { isAnswered, isRecord, ownValue } from "./paths";
import { withPresence } from "./presence";
import type { Check } from "./types";
import { addIssue, fromCheck, parseInto } from "./zod-check";

type PersonField = Extract<LeafField, { type: "person" }>;

const SHORT_TEXT = 50;

export interface PersonOptions {
  /** The block's label, qualified when inside a group item ("Người con, Thành viên 2"). */
  blockLabel: string;
  today?: string;
}

/** "Ngày sinh (Mẹ)": the part's label qualified by its block, used in messages and on the review page. */
export function personPartLabel(part: PersonPart, blockLabel: string): string {
  return qualifiedLabel(PERSON_PART_LABELS[part], blockLabel);
}

/**
 * The reusable person block. A block counts as one answer: left blank it is omitted when optional, but
 * once any part is filled (or when required) every part it asks for is required, since half a person is
 * no use to the officer. The CCCD is cross-checked with the same block's date of birth and sex.
 */
export function personSchema(
  field: PersonField,
  options: PersonOptions,
): z.ZodType<PersonAnswer | undefined> {
  const answered = answeredPersonSchema(field, options);
  if (field.required) return answered;
  return withPresence(answered, { required: false, requiredMessage: "" });
}

function answeredPersonSchema(field: PersonField, options: PersonOptions): z.ZodType<PersonAnswer> {
  return z.unknown().transform((raw, ctx): PersonAnswer => {
    if (isAnswered(raw) && !isRecord(raw)) {
      addIssue(ctx, MESSAGES.invalid(options.blockLabel));
      return z.NEVER;
    }
    const record = isRecord(raw) ? raw : {};
    const person: PersonAnswer = {};
    let failed = false;
    // The CCCD goes last: its check needs the date of birth and sex already read.
    const parts = [
      ...field.parts.filter((part) => part !== "cccd"),
      ...field.parts.filter((p) => p === "cccd"),
    ];
    for (const part of parts) {
      const schema = partSchema(part, field, options, person);
      const parsed = parseInto(schema, ownValue(record, part), ctx, [part]);
      if (parsed.ok) Object.assign(person, { [part]: parsed.value });
      else failed = true;
    }
    return failed ? z.NEVER : person;
  });
}

function partSchema(part: PersonPart, field: PersonField, options: PersonOptions, known: PersonAnswer) {
  const label = personPartLabel(part, options.blockLabel);
  if (part === "residence") return addressSchema({ label, required: true, detailRequired: true });
  const required = (check: (raw: unknown) => Check<unknown>, message = MESSAGES.required(label)) =>
    withPresence(fromCheck(check), { required: true, requiredMessage: message });
  switch (part) {
    case "fullName":
      return required((raw) => checkName(raw, label));
    case "dateOfBirth":
      // Nobody is born tomorrow: without bounds in the definition, a birth date is at most today.
      return required((raw) =>
        checkDate(raw, label, field.dateOfBirthBounds ?? { maxDaysFromToday: 0 }, options.today),
      );
    case "sex":
      return required((raw) => checkOption(raw, label, SEXES), MESSAGES.requiredChoice(label));
    case "ethnicity":
      // Picked from the list of 54 ethnic groups, so the blank message says "chọn".
      return required(
        (raw) => checkText(raw, label, { maxLength: SHORT_TEXT }),
        MESSAGES.requiredChoice(label),
      );
    case "nationality":
      return required((raw) => checkText(raw, label, { maxLength: SHORT_TEXT }));
    case "cccd":
      return required((raw) => {
        const checked = checkCccd(raw, label, {
          dateOfBirth: known.dateOfBirth,
          sex: known.sex,
          currentYear: yearOf(options.today),
        });
        return checked.ok ? roleSexCheck(checked.value, label, field, options.blockLabel) : checked;
      });
  }
}

/** A block whose role fixes the sex (the mother, the father): the CCCD must encode that sex. */
function roleSexCheck(cccd: string, label: string, field: PersonField, blockLabel: string): Check<string> {
  const info = parseCccd(cccd);
  if (field.expectedSex === undefined || info === undefined || info.sex === field.expectedSex) {
    return { ok: true, value: cccd };
  }
  return {
    ok: false,
    message: MESSAGES.cccdRoleSex(
      label,
      info.centuryDigit,
      SEX_LABEL[info.sex],
      blockLabel,
      SEX_LABEL[field.expectedSex],
    ),
  };
}
