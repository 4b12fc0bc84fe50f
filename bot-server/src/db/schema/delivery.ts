import { sql } from "drizzle-orm";
import {
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { citizens } from "./citizens";

/** Why a message leaves for Zalo; each kind has its own time-to-live and channel rules (modules/delivery). */
export const DELIVERY_KINDS = [
  "chatbot_reply",
  "dossier_status",
  "supplement_request",
  "officer_reply",
  "group_notice",
  "follower_notice",
] as const;

/**
 * queued → sending → sent → delivered → seen. Final without Zalo: `in_app` (no channel reaches the
 * resident; the Mini App shows it, "chưa liên lạc được qua Zalo"), `failed` (refused for good, with the
 * reason), `expired` (past its time-to-live), `dead` (retries exhausted: a dead letter, OB-8).
 */
export const DELIVERY_STATUSES = [
  "queued",
  "sending",
  "sent",
  "delivered",
  "seen",
  "in_app",
  "failed",
  "expired",
  "dead",
] as const;

export const DELIVERY_CHANNELS = ["oa_cs", "oa_template", "zns", "oa_group", "in_app"] as const;

/**
 * The outbox (house rules OB-1…8): every message to a resident, a group or followers, recorded in the
 * transaction that decided it under a key naming the logical message (enqueuing twice sends once), then
 * claimed by a delivery worker with a lease and a fencing token. Receipts move it on from `sent`.
 */
export const deliveries = pgTable(
  "deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind", { enum: DELIVERY_KINDS }).notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("queued"),
    /** Chosen at send time by the channel ladder; null while queued. */
    channel: text("channel", { enum: DELIVERY_CHANNELS }),
    /** The OA-scoped user id, when the message goes to a known resident. */
    oaUserId: text("oa_user_id"),
    /** The Mini App citizen it is for (status messages): the ladder finds their resident or phone. */
    citizenId: uuid("citizen_id").references(() => citizens.id, { onDelete: "cascade" }),
    groupId: text("group_id"),
    /** The notice it carries (broadcast fan-out): progress and the report count rows by it. */
    noticeId: uuid("notice_id"),
    /** The dossier it announces, for the citizen's timeline. */
    dossierCode: text("dossier_code"),
    /** Messages with the same key go out one at a time, in order (a conversation's bubbles). */
    orderingKey: text("ordering_key"),
    /** What to say: text and buttons, or the facts a status message is rendered from. No CCCD, no phone. */
    payload: jsonb("payload").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** The current claim: later writes must present it (a worker whose lease ran out cannot). */
    leaseToken: uuid("lease_token"),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** A reason code (the retry class and Zalo's error number), never Zalo's message text. */
    lastError: text("last_error"),
    /** Zalo's message id (OA `message_id`, ZNS `msg_id`): receipts find the row by it. */
    providerMessageId: text("provider_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    seenAt: timestamp("seen_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [
    // The claim's order (due time, then id): rows enqueued together share a due time.
    index("deliveries_due_idx")
      .on(table.nextAttemptAt, table.id)
      .where(sql`${table.status} in ('queued', 'sending')`),
    index("deliveries_ordering_idx")
      .on(table.orderingKey, table.id)
      .where(sql`${table.status} in ('queued', 'sending')`),
    index("deliveries_provider_message_idx").on(table.providerMessageId),
    index("deliveries_dossier_idx").on(table.dossierCode, table.id),
    index("deliveries_notice_idx").on(table.noticeId, table.status).where(sql`${table.noticeId} is not null`),
    // The dashboard's "messages that could not reach residents" in a date range (modules/dashboard):
    // without it the statement read the whole outbox (npm run bench, the dashboard row).
    index("deliveries_unreachable_idx")
      .on(table.createdAt)
      .where(
        sql`${table.status} in ('in_app', 'failed', 'dead', 'expired') and ${table.kind} in ('dossier_status', 'supplement_request')`,
      ),
    index("deliveries_dead_idx").on(table.finishedAt).where(sql`${table.status} in ('dead', 'failed')`),
  ],
);

/**
 * Send budgets shared by every worker of every process (OB, zalo-oa.md §6: 4,000 requests per minute
 * per app): a token bucket refilled by elapsed time, and a pause the whole fleet honours after a -32.
 * The ZNS row also keeps the daily quota Zalo last reported.
 */
export const sendBuckets = pgTable("send_buckets", {
  name: text("name").primaryKey(),
  tokens: doublePrecision("tokens").notNull(),
  refilledAt: timestamp("refilled_at", { withTimezone: true }).notNull().defaultNow(),
  pausedUntil: timestamp("paused_until", { withTimezone: true }),
  /** How long the next pause lasts: doubled by each -32 in a row, reset by a success. */
  pauseMs: integer("pause_ms").notNull().default(0),
  quotaDaily: integer("quota_daily"),
  quotaRemaining: integer("quota_remaining"),
  quotaAt: timestamp("quota_at", { withTimezone: true }),
});
