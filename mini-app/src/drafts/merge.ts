/**
 * Three-way merge of a draft's answers when the server has a newer version (the citizen also typed on
 * another phone, or an earlier save's answer was lost). Per field: what only one side changed since the
 * last agreed base wins; what both changed differently is a conflict the citizen decides.
 */

export interface MergeResult {
  merged: Record<string, unknown>;
  /** Field ids changed on both sides to different values; `merged` holds this device's value for now. */
  conflicts: string[];
}

/** Deep equality of JSON values (answers are plain JSON); key order does not matter. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  const left = Object.entries(a).filter(([, value]) => value !== undefined);
  const right = Object.entries(b).filter(([, value]) => value !== undefined);
  if (left.length !== right.length) return false;
  const rightMap = new Map(right);
  return left.every(([key, value]) => rightMap.has(key) && sameJson(value, rightMap.get(key)));
}

export function mergeAnswers(
  base: Record<string, unknown>,
  mine: Record<string, unknown>,
  theirs: Record<string, unknown>,
): MergeResult {
  const merged: Record<string, unknown> = {};
  const conflicts: string[] = [];
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  for (const key of keys) {
    const mineValue = mine[key];
    const theirValue = theirs[key];
    const mineChanged = !sameJson(mineValue, base[key]);
    const theirsChanged = !sameJson(theirValue, base[key]);
    let value: unknown;
    if (!mineChanged) value = theirValue;
    else if (!theirsChanged || sameJson(mineValue, theirValue)) value = mineValue;
    else {
      value = mineValue;
      conflicts.push(key);
    }
    if (value !== undefined) merged[key] = value;
  }
  return { merged, conflicts };
}

/** Applies the citizen's choice for each conflicting field. */
export function resolveConflicts(
  merged: Record<string, unknown>,
  theirs: Record<string, unknown>,
  choices: Record<string, "mine" | "theirs">,
): Record<string, unknown> {
  const out = { ...merged };
  for (const [key, choice] of Object.entries(choices)) {
    if (choice === "mine") continue;
    if (theirs[key] === undefined) delete out[key];
    else out[key] = theirs[key];
  }
  return out;
}
