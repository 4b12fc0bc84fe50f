import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { dossierEvents, dossiers, procedureVersions } from "../../db/schema";

export type DossierRow = typeof dossiers.$inferSelect;
export type NewDossierRow = typeof dossiers.$inferInsert;
export type DossierEventRow = typeof dossierEvents.$inferSelect;

/** A dossier row with the title of the procedure version it was filed on. */
export type DossierWithTitle = DossierRow & { procedureTitle: string };

/** The title of the procedure version a dossier was filed on (join `procedureVersionOfDossier`). */
export const procedureTitleSql = sql<string>`${procedureVersions.definition} ->> 'title'`;
/** Joins procedure_versions to dossiers: the version each dossier was filed on. */
export const procedureVersionOfDossier = and(
  eq(procedureVersions.code, dossiers.procedureCode),
  eq(procedureVersions.version, dossiers.procedureVersion),
);
const withTitle = { row: dossiers, procedureTitle: procedureTitleSql };
const versionJoin = procedureVersionOfDossier;
const flatten = ({ row, procedureTitle }: { row: DossierRow; procedureTitle: string }) => ({
  ...row,
  procedureTitle,
});

export async function findByIdempotencyKey(
  db: Database,
  citizenId: string,
  key: string,
): Promise<DossierWithTitle | undefined> {
  const [found] = await db
    .select(withTitle)
    .from(dossiers)
    .innerJoin(procedureVersions, versionJoin)
    .where(and(eq(dossiers.citizenId, citizenId), eq(dossiers.idempotencyKey, key)));
  return found && flatten(found);
}

export async function findOwnDossier(
  db: Database,
  citizenId: string,
  code: string,
): Promise<DossierWithTitle | undefined> {
  const [found] = await db
    .select(withTitle)
    .from(dossiers)
    .innerJoin(procedureVersions, versionJoin)
    .where(and(eq(dossiers.code, code), eq(dossiers.citizenId, citizenId)));
  return found && flatten(found);
}

/**
 * Any dossier by its code, for the chatbot's status answer. Deliberately not scoped to an owner: the
 * issue lets anyone holding a code learn that it exists and its status; callers show anything more
 * only when `citizenId` is the asker's (chatbot/dossier-status.ts).
 */
export async function findDossierByCode(db: Database, code: string): Promise<DossierWithTitle | undefined> {
  const [found] = await db
    .select(withTitle)
    .from(dossiers)
    .innerJoin(procedureVersions, versionJoin)
    .where(eq(dossiers.code, code));
  return found && flatten(found);
}

export async function listOwnDossiers(db: Database, citizenId: string): Promise<DossierWithTitle[]> {
  const rows = await db
    .select(withTitle)
    .from(dossiers)
    .innerJoin(procedureVersions, versionJoin)
    .where(eq(dossiers.citizenId, citizenId))
    .orderBy(desc(dossiers.submittedAt), desc(dossiers.code));
  return rows.map(flatten);
}

/** Row lock for a change of status or answers; scoped to the owner (citizen) or the commune (officer). */
export async function lockDossier(
  db: Database,
  code: string,
  scope: { citizenId: string } | { communeCode: string },
): Promise<DossierRow | undefined> {
  const owner =
    "citizenId" in scope
      ? eq(dossiers.citizenId, scope.citizenId)
      : eq(dossiers.communeCode, scope.communeCode);
  const [row] = await db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.code, code), owner))
    .for("update");
  return row;
}

/** Inserts unless the code is taken (1 in 1.7·10^10 per commune); undefined tells the caller to draw again. */
export async function insertDossierIfCodeFree(
  db: Database,
  row: NewDossierRow,
): Promise<DossierRow | undefined> {
  const [inserted] = await db
    .insert(dossiers)
    .values(row)
    .onConflictDoNothing({ target: dossiers.code })
    .returning();
  return inserted;
}

export async function updateDossier(
  db: Database,
  code: string,
  values: Partial<
    Pick<
      DossierRow,
      "status" | "answersSealed" | "nameTerms" | "supplement" | "dueAt" | "resolvedAt" | "resolvedWorkingDays"
    >
  >,
  at: Date,
): Promise<DossierRow> {
  const [row] = await db
    .update(dossiers)
    .set({ ...values, updatedAt: at })
    .where(eq(dossiers.code, code))
    .returning();
  if (!row) throw new Error(`dossier ${code} vanished inside its own lock`);
  return row;
}

/** Appends a status event; returns its id (a notification's key names the event it announces). */
export async function insertEvent(db: Database, event: typeof dossierEvents.$inferInsert): Promise<number> {
  const [row] = await db.insert(dossierEvents).values(event).returning({ id: dossierEvents.id });
  if (!row) throw new Error("dossier event insert returned no row");
  return row.id;
}

/**
 * The id the next event will have, drawn before the insert: a value sealed into the event is bound to
 * its row (db/sealed-places.ts), and the row's identity is this id.
 */
export async function nextEventId(db: Database): Promise<number> {
  const result = (await db.execute(
    sql`select nextval(pg_get_serial_sequence('dossier_events', 'id'))::int8 as id`,
  )) as unknown as { rows: { id: string | number }[] };
  return Number(result.rows[0]?.id);
}

export async function listEvents(db: Database, code: string): Promise<DossierEventRow[]> {
  return db
    .select()
    .from(dossierEvents)
    .where(eq(dossierEvents.dossierCode, code))
    .orderBy(asc(dossierEvents.at), asc(dossierEvents.id));
}
