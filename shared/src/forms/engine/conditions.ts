import type { Condition } from "../definition";
import { isAnswered } from "./paths";

/** Reads the current (normalised, visible-only) answer at a dotted path; undefined when unanswered or hidden. */
export type AnswerLookup = (path: string) => unknown;

type Scalar = string | number | boolean;

/**
 * Evaluates a show-when rule. Answers are compared after normalisation (the lookup gives normalised values
 * when they are valid), so " nam " equals "nam" and "1.500" equals 1500; no loose type coercion otherwise.
 */
export function evaluateCondition(condition: Condition, lookup: AnswerLookup): boolean {
  if ("all" in condition) return condition.all.every((inner) => evaluateCondition(inner, lookup));
  if ("any" in condition) return condition.any.some((inner) => evaluateCondition(inner, lookup));
  if ("not" in condition) return !evaluateCondition(condition.not, lookup);
  const value = lookup(condition.field);
  if ("equals" in condition) return sameScalar(value, condition.equals);
  if ("in" in condition) return condition.in.some((candidate) => sameScalar(value, candidate));
  return isAnswered(value) === condition.answered;
}

function sameScalar(value: unknown, expected: Scalar): boolean {
  return typeof value === typeof expected && value === expected;
}
