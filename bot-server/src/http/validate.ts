import { cleanStrings, vietnameseIssueMessage } from "@dvc/shared";
import { zValidator } from "@hono/zod-validator";
import type { MiddlewareHandler, ValidationTargets } from "hono";
import type { ZodType } from "zod";
import { jsonDepthWithin, MAX_JSON_DEPTH } from "../lib/bounded-json";
import { AppError } from "../lib/errors";
import type { AppEnv } from "./env";

/**
 * The boundary every request value crosses (json, query, param, header, form): its strings are cleaned
 * first (shared/text/clean.ts: NFC, no NUL, no lone surrogates), then checked by the zod schema, with
 * Vietnamese messages where the schema has none. Failures become VALIDATION_FAILED with one message per
 * field, so the app shows each beside its input. Handlers see only `c.req.valid(…)`: clean, checked data.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(
  target: Target,
  schema: Schema,
) {
  return zValidator(
    target,
    schema,
    (result) => {
      if (!result.success) {
        const fields: Record<string, string> = {};
        for (const issue of result.error.issues) {
          const key = issue.path.join(".") || target;
          fields[key] ??= issue.message;
        }
        throw new AppError("VALIDATION_FAILED", undefined, { fields });
      }
    },
    {
      // `as never`: the library types this result per zod major through a conditional type that stays
      // unresolved for a generic Schema; it is exactly what zValidator's own default call returns.
      validationFunction: (checked, value) =>
        checked.safeParseAsync(cleanStrings(value), { error: vietnameseIssueMessage }) as never,
    },
  );
}

const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]+\+)?json\b/i;

/**
 * JSON bodies are bounded in depth before anything parses them (lib/bounded-json.ts): a body nested
 * thousands deep overflowed the parser's stack (500). Mounted after the body-size limit, so the text read
 * here is bounded too; the validator's later `c.req.json()` parses this same cached text.
 */
export function jsonDepthLimit(maxDepth: number = MAX_JSON_DEPTH): MiddlewareHandler<AppEnv> {
  return async function jsonDepthLimitMiddleware(c, next) {
    // The method first: reading a header makes the Node adapter build the whole web Request.
    const type = c.req.method === "GET" || c.req.method === "HEAD" ? undefined : c.req.header("Content-Type");
    if (type !== undefined && JSON_CONTENT_TYPE.test(type)) {
      if (!jsonDepthWithin(await c.req.text(), maxDepth)) throw new AppError("JSON_TOO_DEEP");
    }
    await next();
  };
}
