import type { Condition, Field } from "../definition";
import { type AnswerLookup, evaluateCondition } from "./conditions";
import { ownValue, readPath, splitPath } from "./paths";

/** A field with the rules that must all hold for it to show (its step's, then its own). */
export interface ScopeEntry {
  field: Field;
  gates: readonly (Condition | undefined)[];
}

/** An answer normalised when it is valid for its field, else as typed (conditions read these). */
export type Soften = (field: Field, raw: unknown) => unknown;

export interface Visibility {
  isVisible(id: string): boolean;
  /** The answer a condition sees: normalised if valid, undefined when the field is hidden. */
  value(id: string): unknown;
  lookup: AnswerLookup;
}

/**
 * Decides which fields of one scope (the whole form, or one group item) show. A hidden field reads as
 * unanswered, so fields that depend on it are decided as if it had never been answered: this is why the
 * answers to a field the citizen later hid cannot keep showing (or hiding) anything.
 */
export function resolveScope(
  entries: readonly ScopeEntry[],
  raw: Record<string, unknown>,
  soften: Soften,
): Visibility {
  const byId = new Map(entries.map((entry) => [entry.field.id, entry]));
  const state = new Map<string, boolean | "pending">();
  const softened = new Map<string, unknown>();

  const value = (id: string): unknown => {
    const entry = byId.get(id);
    if (entry === undefined || !isVisible(id)) return undefined;
    if (!softened.has(id)) softened.set(id, soften(entry.field, ownValue(raw, id)));
    return softened.get(id);
  };

  const lookup: AnswerLookup = (path) => {
    const [id = "", ...rest] = splitPath(path);
    return readPath(value(id), rest);
  };

  function isVisible(id: string): boolean {
    const known = state.get(id);
    // A rule that (indirectly) depends on its own field: that field reads as unanswered, never a loop.
    if (known === "pending") return false;
    if (known !== undefined) return known;
    const entry = byId.get(id);
    if (entry === undefined) return false;
    state.set(id, "pending");
    const visible = entry.gates.every((gate) => gate === undefined || evaluateCondition(gate, lookup));
    state.set(id, visible);
    return visible;
  }

  return { isVisible, value, lookup };
}
