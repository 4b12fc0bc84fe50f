import { z } from "zod";
import type { Check } from "./types";

/**
 * Glue between the engine's checks and zod: a check becomes a schema, and a schema chosen at parse time
 * (it depends on the answers, e.g. which fields of a group item show) reports its issues at the right path.
 */

type TransformContext = z.core.$RefinementCtx<unknown>;

/** A schema whose output is the check's normalised value and whose issue is the check's message. */
export function fromCheck<T>(check: (raw: unknown) => Check<T>): z.ZodType<T> {
  return z.unknown().transform((raw, ctx): T => {
    const result = check(raw);
    if (result.ok) return result.value;
    ctx.issues.push({ code: "custom", message: result.message, input: raw });
    return z.NEVER;
  });
}

/** Parses `raw` with `schema` inside another transform; issues keep their paths below `prefix`. */
export function parseInto<T>(
  schema: z.ZodType<T>,
  raw: unknown,
  ctx: TransformContext,
  prefix: readonly PropertyKey[] = [],
): { ok: true; value: T } | { ok: false } {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  for (const issue of result.error.issues) {
    ctx.issues.push({ code: "custom", message: issue.message, input: raw, path: [...prefix, ...issue.path] });
  }
  return { ok: false };
}

export function addIssue(ctx: TransformContext, message: string, path: readonly PropertyKey[] = []): void {
  ctx.issues.push({ code: "custom", message, input: undefined, path: [...path] });
}

/** Drops keys whose value is undefined, so a stored dossier equals itself after a JSON round trip. */
export function withoutUndefined<T>(record: Record<string, T | undefined>): Record<string, T> {
  const out: Record<string, T> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) out[key] = value;
  return out;
}
