/**
 * The full names a form's answers hold: every "person" answer is an object with a `fullName` (the
 * requester, the child, the spouse…), at the top level or inside a repeated group. Officers find a
 * dossier by any of them.
 */
export function personNamesInAnswers(answers: Record<string, unknown>): string[] {
  const names: string[] = [];
  const visit = (value: unknown, depth: number) => {
    if (depth > 3 || typeof value !== "object" || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      return;
    }
    const fullName = (value as { fullName?: unknown }).fullName;
    if (typeof fullName === "string" && fullName.trim() !== "") names.push(fullName);
    for (const inner of Object.values(value)) visit(inner, depth + 1);
  };
  for (const value of Object.values(answers)) visit(value, 0);
  return names;
}
