import type { z } from "zod";
import type { LeafField } from "../definition";
import { addressSchema } from "./address";
import { attachmentNoun, checkAttachments, minimumCount } from "./attachments";
import {
  checkCccd,
  checkDate,
  checkDeclaration,
  checkEmail,
  checkLongText,
  checkNumber,
  checkOption,
  checkPhone,
  checkText,
  checkYesNo,
} from "./checks";
import { yearOf } from "./dates";
import { MESSAGES, qualifiedLabel } from "./messages";
import { personSchema } from "./person";
import { withPresence } from "./presence";
import type { Check, LeafValue } from "./types";
import { fromCheck } from "./zod-check";

export interface SchemaContext {
  /**
   * The day of filing (ISO). Without it date bounds are not checked and no CCCD birth year is "too late":
   * that mode only serves drafts and show-when conditions, never a submitted dossier.
   */
  today?: string;
  /** "Thành viên 2" when the field belongs to a group item; qualifies the label in messages. */
  context?: string;
}

/** The schema of one leaf answer: blank → undefined (or the required message), else checked and normalised. */
export function leafSchema(field: LeafField, context: SchemaContext): z.ZodType<LeafValue | undefined> {
  const label = qualifiedLabel(field.label, context.context);
  if (field.type === "person") {
    const blockLabel = context.context === undefined ? field.label : `${field.label}, ${context.context}`;
    return personSchema(field, { blockLabel, today: context.today });
  }
  if (field.type === "address") {
    return addressSchema({
      label,
      required: field.required,
      detailRequired: field.detailRequired,
      detailLabel: field.detailLabel,
    });
  }
  return withPresence(fromCheck(leafCheck(field, label, context.today)), {
    required: field.required,
    requiredMessage: requiredMessage(field, label),
    // An unticked box is how a citizen leaves a declaration unanswered.
    isBlank: field.type === "declaration" ? (raw) => raw === false : undefined,
  });
}

type SimpleField = Exclude<LeafField, { type: "person" | "address" }>;

function leafCheck(
  field: SimpleField,
  label: string,
  today: string | undefined,
): (raw: unknown) => Check<LeafValue> {
  switch (field.type) {
    case "text":
      return (raw) => checkText(raw, label, field);
    case "long_text":
      return (raw) => checkLongText(raw, label, field.maxLength);
    case "number":
      return (raw) => checkNumber(raw, label, field);
    case "date":
      return (raw) => checkDate(raw, label, field.bounds, today);
    case "select":
    case "radio":
      return (raw) => checkOption(raw, label, field.options);
    case "yes_no":
      return (raw) => checkYesNo(raw, label);
    case "cccd":
      return (raw) => checkCccd(raw, label, { currentYear: yearOf(today) });
    case "phone":
      return (raw) => checkPhone(raw, label);
    case "email":
      return (raw) => checkEmail(raw, label);
    case "attachment":
      return (raw) => checkAttachments(raw, field, label);
    case "declaration":
      return (raw) => checkDeclaration(raw, label);
  }
}

function requiredMessage(field: SimpleField, label: string): string {
  switch (field.type) {
    case "select":
    case "radio":
    case "yes_no":
      return MESSAGES.requiredChoice(label);
    case "attachment":
      return MESSAGES.attachmentTooFew(label, minimumCount(field), attachmentNoun(field));
    case "declaration":
      return MESSAGES.declaration(label);
    default:
      return MESSAGES.required(label);
  }
}
