/**
 * PostgreSQL's unique_violation (SQLSTATE 23505), looked for through drizzle's wrapping: two requests
 * raced for the same idempotency key or draft and the other one committed first.
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== "object") return false;
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
