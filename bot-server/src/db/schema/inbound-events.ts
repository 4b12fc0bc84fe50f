import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every Zalo webhook delivery we accepted, stored once (house rule WH-3/WH-4): the request only
 * verifies, inserts here and answers 200; a worker processes `pending` rows later. Zalo delivers at
 * least once and retries for hours (zalo-oa.md §1 "Timing/retries" [U]), so `dedupe_key` is UNIQUE and
 * inserts use ON CONFLICT DO NOTHING.
 */
export const inboundEvents = pgTable(
  "inbound_events",
  {
    id: bigserial("id", { mode: "bigint" }).primaryKey(),
    /** `event_name:msg_id`, `event_name:follower_id:timestamp` or `sha256:<hex of raw body>`. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    eventName: text("event_name").notNull(),
    /** "zns" when the header X-ZEvent-Server is ZNS [C: ZNSDOC, CW], else "oa". */
    source: text("source", { enum: ["oa", "zns"] }).notNull(),
    appId: text("app_id").notNull(),
    /**
     * The event's envelope only (webhook/envelope.ts): names, ids, timestamps — what the worker routes
     * on and the dedupe needs. Never the resident's words or media: those are in `raw_body_sealed`.
     * Zalo ids and timestamps are strings and stay strings [C].
     */
    payload: jsonb("payload").notNull(),
    /** Rows from before bodies were sealed; the start-up backfill seals or clears them. */
    rawBody: text("raw_body"),
    /**
     * The body exactly as received (the signature covers these bytes), sealed to this row's dedupe key.
     * Cleared once the event is handled: the bot keeps what it needs in its conversation state.
     */
    rawBodySealed: text("raw_body_sealed"),
    /** The body's timestamp as a time: what decides replay refusal and when the dedupe key may go. */
    eventAt: timestamp("event_at", { withTimezone: true }),
    /** `processing` = claimed by a worker until `locked_until`; an expired lease is claimable again. */
    status: text("status", { enum: ["pending", "ignored", "processing", "processed", "failed"] }).notNull(),
    /** Body `timestamp`: epoch milliseconds as a string [C]. */
    eventTimestamp: text("event_timestamp"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    /** Lease of the worker that claimed the row: a crashed worker's claim expires and is retried. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** The current claim's token: a worker's later writes must present it (a lapsed lease cannot). */
    leaseToken: uuid("lease_token"),
    /** Error class of the last failed attempt (never a message: messages may carry personal data). */
    lastError: text("last_error"),
  },
  (table) => [index("inbound_events_status_idx").on(table.status, table.id)],
);
