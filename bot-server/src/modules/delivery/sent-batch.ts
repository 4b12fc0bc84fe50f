import { sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import type { Logger } from "../../lib/logger";
import type { DeliveryChannel } from "./channel-ladder";
import type { Claimed } from "./claim";

/** What Zalo said of a message it took: the row becomes `sent` with these. */
export interface SentOutcome {
  channel: DeliveryChannel;
  providerMessageId: string;
  oaUserId: string | null;
  sentAt: Date;
}

/** Where deliverOne leaves a message Zalo took. `record` may return before the row is written. */
export interface SentSink {
  record(claimed: Claimed, outcome: SentOutcome): Promise<void>;
  /** Resolves once everything recorded so far is written (a worker's stop waits for it). */
  flush(): Promise<void>;
}

interface Pending {
  claimed: Claimed;
  outcome: SentOutcome;
}

/**
 * Writes "sent" outcomes in batches: while one UPDATE is in flight the next outcomes gather, then go
 * in one statement (one commit, one fsync, instead of one per message). The sending slot is free as
 * soon as Zalo answered, so a slot's time is Zalo's latency rather than latency plus a commit.
 * Each row is still fenced by its own claim's token, as `settle` does. The outcome sits in memory no
 * longer than one batch's write: a crash there leaves the row `sending` until its lease runs out, as a
 * crash during a single `settle` would. At most `maxPending` wait; beyond that `record` waits too.
 */
export function createSentBatch(db: Database, logger: Logger, maxPending: number): SentSink {
  let pending: Pending[] = [];
  let writing: Promise<void> | undefined;

  const writeAll = async (): Promise<void> => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await writeSent(db, logger, batch);
      } catch (error) {
        // The database went away mid-write: those rows' leases run out and they are tried again.
        logger.warn("delivery outcomes not written", {
          count: batch.length,
          errorClass: error instanceof Error ? error.name : "UnknownError",
        });
      }
    }
  };
  const kick = (): Promise<void> => {
    writing ??= writeAll().finally(() => {
      writing = undefined;
      // Recorded between the loop's last check and this line: start the next write now.
      if (pending.length > 0) void kick();
    });
    return writing;
  };

  return {
    async record(claimed, outcome) {
      pending.push({ claimed, outcome });
      const write = kick();
      if (pending.length >= maxPending) await write;
    },
    async flush() {
      while (writing || pending.length > 0) await kick();
    },
  };
}

/** One UPDATE for the batch, each row fenced by its claim's token; a row another claim owns is left. */
async function writeSent(db: Database, logger: Logger, batch: Pending[]): Promise<void> {
  const rows = batch.map(({ claimed, outcome }) => ({
    id: claimed.row.id,
    token: claimed.token,
    channel: outcome.channel,
    message_id: outcome.providerMessageId,
    oa_user_id: outcome.oaUserId,
    sent_at: outcome.sentAt.toISOString(),
  }));
  // One JSON parameter rather than an array per column: every driver (PGlite, pg, Neon) passes it alike.
  const result = (await db.execute(sql`
    update deliveries d set status = 'sent', channel = v.channel, provider_message_id = v.message_id,
      oa_user_id = v.oa_user_id, sent_at = v.sent_at, last_error = null, lease_token = null, locked_until = null
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as v(id bigint, token uuid, channel text, message_id text, oa_user_id text, sent_at timestamptz)
    where d.id = v.id and d.lease_token = v.token and d.status = 'sending'
    returning d.id`)) as unknown as { rows: { id: number | string }[] };
  const kept = new Set(result.rows.map((row) => Number(row.id)));
  for (const { claimed } of batch) {
    if (!kept.has(claimed.row.id)) {
      // Another worker owns the row now (this one's lease ran out): its outcome stands.
      logger.warn("delivery outcome dropped: lease lost", { deliveryId: claimed.row.id, status: "sent" });
    }
  }
}
