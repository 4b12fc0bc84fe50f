import { isBlankText } from "./text";

/**
 * Reading answers by dotted path ("requester.sex", "members.0.cccd") and deciding what counts as answered.
 * Answers arrive as arbitrary JSON from the app, so nothing here may assume a shape.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own properties only: an answer keyed "constructor" or "__proto__" must not reach Object.prototype. */
export function ownValue(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function splitPath(path: string): string[] {
  return path.split(".");
}

/** The value at `segments` below `value`; array items by their index. Undefined when the path is missing. */
export function readPath(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (isRecord(current)) {
      current = ownValue(current, segment);
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * Whether the citizen has answered: blank text, an empty list and an object with nothing answered inside
 * (an address with no province, commune or detail) all count as unanswered; `false` is an answer ("Không").
 */
export function isAnswered(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "string") return !isBlankText(value);
  if (Array.isArray(value)) return value.length > 0;
  if (isRecord(value)) return Object.values(value).some(isAnswered);
  return true;
}

/** Answers as a record whatever arrived: anything but a plain object is treated as "nothing answered". */
export function asAnswers(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
