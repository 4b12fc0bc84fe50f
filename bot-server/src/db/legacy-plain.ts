import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Sealer } from "../lib/crypto";
import type { Database } from "./client";
import { dataSeeds, files, inboundEvents } from "./schema";
import { SEALED } from "./sealed-places";

/**
 * Two columns held personal data in plain text before they were sealed: upload names (`files.name`) and
 * the bodies of residents' chat events (`inbound_events.raw_body`). Their rows are rewritten here: the
 * name sealed into `name_sealed`; a body sealed into `raw_body_sealed`, or dropped if its event was
 * handled already (the bot keeps nothing of it any more). Runs once at start-up (remembered in
 * data_seeds) and again inside the key rotation, which also catches rows an older node wrote meanwhile.
 */

const MARKER = "sealed-legacy-plain-values";

/**
 * The plain payload cut down to the envelope new events keep (modules/webhook/envelope.ts): ids, kind and
 * time, never the text, attachments or submitted info.
 */
const party = (name: string) =>
  sql`case when jsonb_typeof(payload->${name}) = 'object' then jsonb_strip_nulls(jsonb_build_object('id', payload->${name}->'id')) end`;
const envelopeSql = sql`jsonb_strip_nulls(jsonb_build_object(
  'app_id', payload->'app_id', 'event_name', payload->'event_name', 'timestamp', payload->'timestamp',
  'oa_id', payload->'oa_id', 'user_id_by_app', payload->'user_id_by_app',
  'sender', ${party("sender")}, 'recipient', ${party("recipient")}, 'follower', ${party("follower")},
  'message', case when jsonb_typeof(payload->'message') = 'object'
    then jsonb_strip_nulls(jsonb_build_object('msg_id', payload->'message'->'msg_id', 'msg_ids', payload->'message'->'msg_ids')) end
))`;
const BATCH = 500;

export async function sealLegacyPlainValues(db: Database, sealer: Sealer): Promise<number> {
  let done = 0;
  for (;;) {
    const names = await db
      .select({ id: files.id, name: files.name })
      .from(files)
      .where(and(isNotNull(files.name), isNull(files.nameSealed)))
      .limit(BATCH);
    for (const row of names) {
      await db
        .update(files)
        .set({ nameSealed: sealer.seal(row.name ?? "", SEALED.fileName(row.id)), name: null })
        .where(and(eq(files.id, row.id), isNull(files.nameSealed)));
    }
    const bodies = await db
      .select({
        id: inboundEvents.id,
        key: inboundEvents.dedupeKey,
        raw: inboundEvents.rawBody,
        status: inboundEvents.status,
      })
      .from(inboundEvents)
      .where(isNotNull(inboundEvents.rawBody))
      .limit(BATCH);
    for (const row of bodies) {
      const sealed =
        row.status === "processed" ? null : sealer.seal(row.raw ?? "", SEALED.inboundRawBody(row.key));
      await db
        .update(inboundEvents)
        .set({
          rawBodySealed: sql`coalesce(${inboundEvents.rawBodySealed}, ${sealed})`,
          rawBody: null,
          payload: envelopeSql,
        })
        .where(eq(inboundEvents.id, row.id));
    }
    done += names.length + bodies.length;
    if (names.length < BATCH && bodies.length < BATCH) return done;
  }
}

/** At start-up: once per database (the marker), since finding no row still costs a scan. */
export async function sealLegacyPlainValuesOnce(db: Database, sealer: Sealer): Promise<number> {
  const [marked] = await db.select().from(dataSeeds).where(eq(dataSeeds.name, MARKER));
  if (marked) return 0;
  const done = await sealLegacyPlainValues(db, sealer);
  await db.insert(dataSeeds).values({ name: MARKER, checksum: "done" }).onConflictDoNothing();
  return done;
}
