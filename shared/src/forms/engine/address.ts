import { z } from "zod";
import type { AddressAnswer } from "../answers";
import { checkText } from "./checks";
import { MESSAGES } from "./messages";
import { isAnswered, isRecord, ownValue } from "./paths";
import { withPresence } from "./presence";
import { addIssue } from "./zod-check";

const DETAIL_MAX_LENGTH = 200;

export interface AddressOptions {
  label: string;
  required: boolean;
  detailRequired: boolean;
  /** What the free-text line asks for when it is not a street address (see definition.ts). */
  detailLabel?: string;
}

/**
 * Two-tier address (since 1/7/2025): codes picked from the province and commune lists, then the street
 * detail typed. Whether the codes exist is for the server to check against its unit table; here only
 * their shape is checked, since shared code holds no reference data.
 */
export function addressSchema(options: AddressOptions): z.ZodType<AddressAnswer | undefined> {
  return withPresence(answeredAddressSchema(options), {
    required: options.required,
    requiredMessage: MESSAGES.addressRequired(options.label),
  });
}

function answeredAddressSchema({
  label,
  detailRequired,
  detailLabel,
}: AddressOptions): z.ZodType<AddressAnswer> {
  return z.unknown().transform((raw, ctx): AddressAnswer => {
    if (!isRecord(raw)) {
      addIssue(ctx, MESSAGES.addressRequired(label));
      return z.NEVER;
    }
    const problems: [string, string][] = [];
    const code = (key: string, pattern: RegExp, missing: string, malformed: string): string => {
      const value = ownValue(raw, key);
      if (!isAnswered(value)) problems.push([key, missing]);
      else if (typeof value !== "string" || !pattern.test(value)) problems.push([key, malformed]);
      return typeof value === "string" ? value : "";
    };
    const provinceCode = code(
      "provinceCode",
      /^\d{2}$/,
      MESSAGES.provinceRequired(label),
      MESSAGES.provinceCode(label),
    );
    const communeCode = code(
      "communeCode",
      /^\d{5}$/,
      MESSAGES.communeRequired(label),
      MESSAGES.communeCode(label),
    );
    const missingDetail =
      detailLabel === undefined
        ? MESSAGES.detailRequired(label)
        : MESSAGES.detailRequiredAs(label, detailLabel);
    const detail = addressDetail(
      ownValue(raw, "detail"),
      label,
      detailRequired ? missingDetail : null,
      problems,
    );
    for (const [key, message] of problems) addIssue(ctx, message, [key]);
    return problems.length > 0 ? z.NEVER : { provinceCode, communeCode, detail };
  });
}

/** `missing` is the message when the line is required and blank; null when it may be blank. */
function addressDetail(
  raw: unknown,
  label: string,
  missing: string | null,
  problems: [string, string][],
): string {
  if (!isAnswered(raw)) {
    if (missing !== null) problems.push(["detail", missing]);
    return "";
  }
  const checked = checkText(raw, label, { maxLength: DETAIL_MAX_LENGTH });
  if (checked.ok) return checked.value;
  problems.push(["detail", checked.message]);
  return "";
}
