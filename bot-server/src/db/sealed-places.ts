import type { SealContext } from "../lib/crypto";

/**
 * Where each sealed value lives: the associated data it is sealed with (lib/crypto.ts), so a value opens
 * only in its own table, column and row. Every seal and open names its place through here, and the key
 * rotation (admin/rotate-data-key.ts) walks the same list.
 */
const place =
  (table: string, column: string) =>
  (row: string | number | bigint): SealContext => ({ table, column, row: String(row) });

export const SEALED = {
  /** citizen_profiles.sealed, by citizen id. */
  profile: place("citizen_profiles", "sealed"),
  /** drafts.answers_sealed, by draft id. */
  draftAnswers: place("drafts", "answers_sealed"),
  /** dossiers.answers_sealed, by dossier code. */
  dossierAnswers: place("dossiers", "answers_sealed"),
  /** dossier_events.previous_answers_sealed, by event id. */
  previousAnswers: place("dossier_events", "previous_answers_sealed"),
  /** files.name_sealed, by file id: "CCCD 001095012345.png" is personal data too. */
  fileName: place("files", "name_sealed"),
  /** inbound_events.raw_body_sealed, by dedupe key (known before the insert; the id is not). */
  inboundRawBody: place("inbound_events", "raw_body_sealed"),
  /** oa_tokens, by OA id. */
  oaAccessToken: place("oa_tokens", "access_token_sealed"),
  oaRefreshToken: place("oa_tokens", "refresh_token_sealed"),
  /** The sandbox's pretend Zalo users (sandbox mode only), by user id. */
  sandboxUserPhone: place("sandbox_zalo_users", "phone_sealed"),
  /** chat_messages.text_sealed, by message id. */
  chatMessage: place("chat_messages", "text_sealed"),
  /** What a sandbox resident sent (sandbox mode only), by event id. */
  sandboxChatEvent: place("sandbox_chat_events", "event_sealed"),
  /** A one-stop system's signing secret (modules/integration), by key id. */
  integrationSecret: place("integration_keys", "secret_sealed"),
} as const;
