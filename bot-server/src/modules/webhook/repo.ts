import type { Database } from "../../db/client";
import { inboundEvents } from "../../db/schema";

export type NewInboundEvent = typeof inboundEvents.$inferInsert;

/**
 * Stores the event unless its dedupe key is already there (WH-4: a retried or concurrent delivery of
 * the same event leaves exactly one row). True when this call inserted the row.
 */
export async function insertInboundEventOnce(db: Database, row: NewInboundEvent): Promise<boolean> {
  const inserted = await db
    .insert(inboundEvents)
    .values(row)
    .onConflictDoNothing({ target: inboundEvents.dedupeKey })
    .returning({ id: inboundEvents.id });
  return inserted.length > 0;
}
