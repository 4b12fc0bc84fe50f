import { z } from "zod";

/** PostgreSQL `integer` (int4): a larger number sent as a version or a count was a 500 (SQLSTATE 22003). */
export const PG_INTEGER_MAX = 2_147_483_647;

/** A non-negative integer that fits the `integer` columns it is compared with or stored in. */
export const pgNaturalSchema = z.number().int().min(0).max(PG_INTEGER_MAX);

/** The same, read from a query string ("?version=3"). */
export const pgNaturalQuerySchema = z.coerce.number().int().min(0).max(PG_INTEGER_MAX);
