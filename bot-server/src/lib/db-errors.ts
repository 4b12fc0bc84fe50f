/**
 * What a database error may say in a log: its SQLSTATE, the constraint, table and column it names, and
 * the driver's routine. Never its message, detail or the query's parameters: PostgreSQL quotes the
 * offending value (`invalid input syntax for type uuid: "…"`, `Key (…)=(…) already exists`) and drizzle
 * quotes every parameter of the failed query, so either can carry a CCCD, a phone number or a chat text.
 */
export interface DatabaseErrorFields {
  sqlState: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The first error along the `cause` chain (drizzle wraps the driver's) that carries a SQLSTATE. */
function findDriverError(error: unknown): Record<string, unknown> | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== "object") return undefined;
    const record = current as Record<string, unknown>;
    if (typeof record.code === "string" && SQLSTATE.test(record.code)) return record;
    current = record.cause;
  }
  return undefined;
}

/** The SQLSTATE of a database error, looked for through any wrapping; undefined for other errors. */
export function sqlStateOf(error: unknown): string | undefined {
  return findDriverError(error)?.code as string | undefined;
}

/** The loggable fields of a database error, or undefined when the error did not come from PostgreSQL. */
export function databaseErrorFields(error: unknown): DatabaseErrorFields | undefined {
  const driverError = findDriverError(error);
  if (!driverError) return undefined;
  const fields: DatabaseErrorFields = { sqlState: driverError.code as string };
  for (const key of ["constraint", "table", "column", "routine"] as const) {
    const value = driverError[key];
    if (typeof value === "string" && value !== "") fields[key] = value;
  }
  return fields;
}

/**
 * SQLSTATE class 22 "data exception": the database refused a value (a NUL in text, an escape jsonb cannot
 * hold, an integer out of range). The request's fault, once the boundary let it through.
 */
export function isDataException(error: unknown): boolean {
  return sqlStateOf(error)?.startsWith("22") ?? false;
}

/** Class 22 or class 23 (integrity constraint): the fault of one row, not of the database. */
export function isRowDataError(error: unknown): boolean {
  const state = sqlStateOf(error);
  return state !== undefined && (state.startsWith("22") || state.startsWith("23"));
}

/** unique_violation (23505): two requests raced for one key and the other one committed first. */
export function isUniqueViolation(error: unknown): boolean {
  return sqlStateOf(error) === "23505";
}
