import { z } from "zod";
import { type CccdCheckOptions, validateCccd } from "./cccd";
import { normalisePhone } from "./phone";
import type { CheckResult } from "./result";

/**
 * zod schemas over the identity checks, for request bodies and react-hook-form: the issue message is the
 * Vietnamese sentence from the check, the output is the normalised value (so the server stores one form).
 */

function fromCheck(check: (input: string) => CheckResult, missing: string) {
  return z.string({ error: missing }).transform((input, ctx) => {
    const result = check(input);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message, input });
    return z.NEVER;
  });
}

/** A CCCD number as typed → its 12 digits. */
export const cccdSchema = cccdSchemaFor({});

/**
 * A CCCD schema that also checks digits 4–6 against a date of birth and sex already known (from the
 * profile or an earlier step), since a mismatch is the only sign of a mistyped but well-formed number.
 */
export function cccdSchemaFor(options: CccdCheckOptions) {
  return fromCheck(
    (input) => validateCccd(input, options),
    "Vui lòng nhập số CCCD (12 chữ số in trên thẻ căn cước)",
  );
}

/** A Vietnamese mobile number as typed → "84xxxxxxxxx". */
export const phoneSchema = fromCheck(normalisePhone, "Vui lòng nhập số điện thoại di động");
