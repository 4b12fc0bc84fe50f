import { type DossierStatus, dueSoonBefore } from "@dvc/shared";
import { and, asc, eq, gte, like, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { dossiers, procedureVersions } from "../../db/schema";
import { procedureTitleSql, procedureVersionOfDossier } from "../dossiers";

/** Statuses no transition leaves (DOSSIER_STATUS_INFO.terminal): the inbox hides them unless asked. */
const TERMINAL_SQL = sql`('refused', 'withdrawn', 'stopped', 'returned')`;

export interface InboxFilter {
  /** Every query is scoped to the officer's commune (SEC-1). */
  communeCode: string;
  /** One status; absent: every open one (not terminal). */
  status?: DossierStatus | undefined;
  due?: "overdue" | "soon" | undefined;
  procedureCode?: string | undefined;
  /** Part of a dossier code, upper case, dashes kept ("00082-PLER", "3M88"). */
  codePart?: string | undefined;
  /** Name search terms (lib/name-terms.ts): a dossier matches when it holds all of them. */
  nameTerms?: readonly string[] | undefined;
  now: Date;
  limit: number;
}

export interface InboxRow {
  code: string;
  procedureCode: string;
  procedureTitle: string;
  status: string;
  submittedAt: Date;
  dueAt: Date;
}

/**
 * The inbox page: a commune's dossiers by due date (the most urgent first), filtered. Served by
 * dossiers_commune_status_due_idx (one status) or dossiers_commune_open_due_idx (open ones; its
 * predicate is repeated here word for word so the planner can use it). Measured in tests/bench.
 */
export async function listInbox(db: Database, filter: InboxFilter): Promise<InboxRow[]> {
  const conditions = [eq(dossiers.communeCode, filter.communeCode)];
  if (filter.status) conditions.push(eq(dossiers.status, filter.status));
  else conditions.push(sql`${dossiers.status} not in ('refused', 'withdrawn', 'stopped', 'returned')`);
  if (filter.procedureCode) conditions.push(eq(dossiers.procedureCode, filter.procedureCode));
  const byCode = filter.codePart ? like(dossiers.code, `%${escapeLike(filter.codePart)}%`) : undefined;
  const byName =
    filter.nameTerms && filter.nameTerms.length > 0
      ? and(...filter.nameTerms.map((term) => sql`position(${` ${term} `} in ${dossiers.nameTerms}) > 0`))
      : undefined;
  // One search box: a code fragment or a name, whichever the text matches.
  if (byCode || byName) conditions.push(or(byCode, byName) ?? sql`false`);
  // The flags of shared/src/dossier (isDossierOverdue, isDueSoon): a ready result's clock has stopped.
  if (filter.due === "overdue") {
    conditions.push(lt(dossiers.dueAt, filter.now));
    conditions.push(ne(dossiers.status, "result_ready"));
  }
  if (filter.due === "soon") {
    conditions.push(gte(dossiers.dueAt, filter.now));
    conditions.push(lt(dossiers.dueAt, dueSoonBefore(filter.now)));
  }
  return db
    .select({
      code: dossiers.code,
      procedureCode: dossiers.procedureCode,
      procedureTitle: procedureTitleSql,
      status: dossiers.status,
      submittedAt: dossiers.submittedAt,
      dueAt: dossiers.dueAt,
    })
    .from(dossiers)
    .innerJoin(procedureVersions, procedureVersionOfDossier)
    .where(and(...conditions))
    .orderBy(asc(dossiers.dueAt), asc(dossiers.code))
    .limit(filter.limit);
}

/** How many of the commune's dossiers are in each status, for the inbox's tabs. */
export async function countByStatus(db: Database, communeCode: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: dossiers.status, n: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(and(eq(dossiers.communeCode, communeCode), sql`${dossiers.status} not in ${TERMINAL_SQL}`))
    .groupBy(dossiers.status);
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
