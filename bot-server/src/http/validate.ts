import { zValidator } from "@hono/zod-validator";
import type { ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { AppError } from "../lib/errors";

/**
 * zValidator whose failures become VALIDATION_FAILED with one Vietnamese message per field, so the
 * client can show each next to its input.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(target, schema, (result) => {
    if (!result.success) {
      const fields: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const key = issue.path.join(".") || target;
        fields[key] ??= issue.message;
      }
      throw new AppError("VALIDATION_FAILED", undefined, { fields });
    }
  });
}
