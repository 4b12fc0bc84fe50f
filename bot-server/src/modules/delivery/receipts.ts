import { and, inArray, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { deliveries } from "../../db/schema";

/**
 * A receipt from Zalo: the resident's phone received (`user_received_message`, OA and ZNS) or showed
 * (`user_seen_message`, OA only: ZNS has none) messages we sent (zalo-oa.md §0 [C]). `messageIds` are
 * Zalo's ids, which the outbox kept when sending.
 */
export interface Receipt {
  kind: "delivered" | "seen";
  messageIds: readonly string[];
  at: Date;
}

/**
 * Moves the messages on: sent → delivered → seen, never back, whatever order the receipts arrive in
 * (house rule ST-1): "seen" implies "delivered", a late "delivered" after "seen" changes nothing but
 * may fill the delivery time. Returns how many rows changed.
 */
export async function applyReceipt(db: Database, receipt: Receipt): Promise<number> {
  if (receipt.messageIds.length === 0) return 0;
  const at = receipt.at;
  const patch =
    receipt.kind === "seen"
      ? {
          status: sql`'seen'`,
          seenAt: sql`coalesce(${deliveries.seenAt}, ${at})`,
          deliveredAt: sql`coalesce(${deliveries.deliveredAt}, ${at})`,
        }
      : {
          status: sql`case when ${deliveries.status} = 'seen' then 'seen' else 'delivered' end`,
          deliveredAt: sql`coalesce(${deliveries.deliveredAt}, ${at})`,
        };
  const rows = await db
    .update(deliveries)
    .set(patch)
    .where(
      and(
        inArray(deliveries.providerMessageId, [...receipt.messageIds]),
        inArray(deliveries.status, ["sent", "delivered", "seen"]),
      ),
    )
    .returning({ id: deliveries.id });
  return rows.length;
}
