import type { SealContext, Sealer } from "../lib/crypto";
import { nameTermsOf } from "../lib/name-terms";
import { SEALED } from "./sealed-places";

/**
 * Every column that holds a sealed value, for the key rotation (admin/rotate-data-key.ts): where it is,
 * how its rows are walked (the primary key and its SQL type), and which column names the row in the
 * value's associated data (db/sealed-places.ts). A new sealed column is added here and in SEALED.
 */
export interface SealedColumn {
  table: string;
  column: string;
  primaryKey: string;
  /** The primary key's SQL type, to compare the walk's cursor with it. */
  keyType: "uuid" | "text" | "bigint";
  /** The column whose value is the SealContext row (the primary key unless the value is bound earlier). */
  rowColumn: string;
  place: (row: string) => SealContext;
  /** Other columns derived from the opened value under the current key (keyed look-up hashes). */
  derived?: (plain: string, sealer: Sealer) => Record<string, string | null>;
}

/** The profile's CCCD and phone hashes are keyed too: re-computed under the new key with the value. */
function profileHashes(plain: string, sealer: Sealer): Record<string, string | null> {
  const profile = JSON.parse(plain) as { cccd?: unknown; phone?: unknown };
  const hash = (value: unknown) =>
    typeof value === "string" && value !== "" ? sealer.lookupHash(value) : null;
  return { cccd_hash: hash(profile.cccd), phone_hash: hash(profile.phone) };
}

export const SEALED_COLUMNS: readonly SealedColumn[] = [
  {
    table: "citizen_profiles",
    column: "sealed",
    primaryKey: "citizen_id",
    keyType: "uuid",
    rowColumn: "citizen_id",
    place: SEALED.profile,
    derived: profileHashes,
  },
  {
    table: "drafts",
    column: "answers_sealed",
    primaryKey: "id",
    keyType: "uuid",
    rowColumn: "id",
    place: SEALED.draftAnswers,
  },
  {
    table: "dossiers",
    column: "answers_sealed",
    primaryKey: "code",
    keyType: "text",
    rowColumn: "code",
    place: SEALED.dossierAnswers,
    // The name search's keyed terms (lib/name-terms.ts) follow the key.
    derived: (plain, sealer) => ({
      name_terms: nameTermsOf(sealer, JSON.parse(plain) as Record<string, unknown>),
    }),
  },
  {
    table: "dossier_events",
    column: "previous_answers_sealed",
    primaryKey: "id",
    keyType: "bigint",
    rowColumn: "id",
    place: SEALED.previousAnswers,
  },
  {
    table: "files",
    column: "name_sealed",
    primaryKey: "id",
    keyType: "uuid",
    rowColumn: "id",
    place: SEALED.fileName,
  },
  {
    table: "chat_messages",
    column: "text_sealed",
    primaryKey: "id",
    keyType: "uuid",
    rowColumn: "id",
    place: SEALED.chatMessage,
  },
  {
    table: "inbound_events",
    column: "raw_body_sealed",
    primaryKey: "id",
    keyType: "bigint",
    rowColumn: "dedupe_key",
    place: SEALED.inboundRawBody,
  },
  {
    table: "oa_tokens",
    column: "access_token_sealed",
    primaryKey: "oa_id",
    keyType: "text",
    rowColumn: "oa_id",
    place: SEALED.oaAccessToken,
  },
  {
    table: "oa_tokens",
    column: "refresh_token_sealed",
    primaryKey: "oa_id",
    keyType: "text",
    rowColumn: "oa_id",
    place: SEALED.oaRefreshToken,
  },
  {
    table: "sandbox_zalo_users",
    column: "phone_sealed",
    primaryKey: "id",
    keyType: "text",
    rowColumn: "id",
    place: SEALED.sandboxUserPhone,
  },
  {
    table: "sandbox_chat_events",
    column: "event_sealed",
    primaryKey: "id",
    keyType: "text",
    rowColumn: "id",
    place: SEALED.sandboxChatEvent,
  },
  {
    table: "integration_keys",
    column: "secret_sealed",
    primaryKey: "id",
    keyType: "uuid",
    rowColumn: "id",
    place: SEALED.integrationSecret,
  },
];
