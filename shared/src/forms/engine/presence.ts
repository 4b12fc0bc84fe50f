import { z } from "zod";
import { isAnswered } from "./paths";
import { addIssue, parseInto } from "./zod-check";

export interface Presence {
  required: boolean;
  /** Shown when a required answer is missing. */
  requiredMessage: string;
  /** What counts as "not answered" beyond blank text and empty lists (an unticked declaration). */
  isBlank?: (raw: unknown) => boolean;
}

/**
 * Wraps the schema of an answered value: a blank answer is an error only when required, and otherwise
 * becomes undefined (left out of the dossier) instead of being checked as a malformed value.
 */
export function withPresence<T>(value: z.ZodType<T>, presence: Presence): z.ZodType<T | undefined> {
  return z.unknown().transform((raw, ctx): T | undefined => {
    const blank = !isAnswered(raw) || presence.isBlank?.(raw) === true;
    if (blank) {
      if (presence.required) addIssue(ctx, presence.requiredMessage);
      return undefined;
    }
    const parsed = parseInto(value, raw, ctx);
    return parsed.ok ? parsed.value : z.NEVER;
  });
}
