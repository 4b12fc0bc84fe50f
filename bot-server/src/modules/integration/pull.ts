import {
  type DossierStatus,
  dossierStatusSchema,
  nationalCodeOf,
  type PullQuery,
  type PullResponse,
} from "@dvc/shared";
import { and, asc, gte, inArray, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../../db/client";
import { dossiers } from "../../db/schema";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import { recordIntegrationAudit } from "./audit";
import type { IntegrationCaller } from "./auth";

/**
 * The cursor: the last row's (updated_at to the microsecond, code), the order pages run in, so rows
 * sharing an instant are split between pages without being skipped or repeated. Opaque to callers.
 */
const cursorSchema = z.object({ u: z.string().max(40), c: z.string().max(40) });

function encodeCursor(updatedAt: string, code: string): string {
  return Buffer.from(JSON.stringify({ u: updatedAt, c: code }), "utf8").toString("base64url");
}

function decodeCursor(cursor: string): { u: string; c: string } {
  try {
    const parsed = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (Number.isNaN(Date.parse(parsed.u))) throw new Error("not a time");
    return parsed;
  } catch {
    throw new AppError("VALIDATION_FAILED", undefined, {
      fields: { cursor: "cursor không hợp lệ: dùng đúng nextCursor của trang trước." },
    });
  }
}

/**
 * GET …/dossiers?updatedSince=: the key's communes' dossiers changed at or after `updatedSince`, oldest
 * change first. The answers are opened for the one-stop system, which processes the dossier: every page
 * is audited, one row per commune whose dossiers it carried (so each commune's leader sees it), with the
 * codes; an empty page leaves one row with no commune.
 */
export async function pullDossiers(
  db: Database,
  sealer: Sealer,
  caller: IntegrationCaller,
  input: { query: PullQuery; addressHash: string; now: Date },
): Promise<PullResponse> {
  const { query } = input;
  if (caller.communeCodes.length === 0) return { dossiers: [], nextCursor: null };
  const conditions: SQL[] = [
    inArray(dossiers.communeCode, [...caller.communeCodes]),
    gte(dossiers.updatedAt, new Date(query.updatedSince)),
  ];
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    conditions.push(sql`(${dossiers.updatedAt}, ${dossiers.code}) > (${after.u}::timestamptz, ${after.c})`);
  }
  const rows = await db
    .select({
      code: dossiers.code,
      procedureCode: dossiers.procedureCode,
      procedureVersion: dossiers.procedureVersion,
      communeCode: dossiers.communeCode,
      status: dossiers.status,
      submittedAt: dossiers.submittedAt,
      dueAt: dossiers.dueAt,
      updatedAt: dossiers.updatedAt,
      exactUpdatedAt: sql<string>`to_char(${dossiers.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      channel: dossiers.channel,
      answersSealed: dossiers.answersSealed,
    })
    .from(dossiers)
    .where(and(...conditions))
    .orderBy(asc(dossiers.updatedAt), asc(dossiers.code))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const result: PullResponse = {
    dossiers: page.map((row) => {
      const status: DossierStatus = dossierStatusSchema.parse(row.status);
      return {
        code: row.code,
        procedureCode: row.procedureCode,
        procedureVersion: row.procedureVersion,
        communeCode: row.communeCode,
        status,
        nationalCode: nationalCodeOf(status),
        submittedAt: row.submittedAt.toISOString(),
        dueAt: row.dueAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        channel: row.channel,
        answers: sealer.openJson(row.answersSealed, SEALED.dossierAnswers(row.code)) as Record<
          string,
          unknown
        >,
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.exactUpdatedAt, last.code) : null,
  };
  await auditPage(db, caller, page, input);
  return result;
}

async function auditPage(
  db: Database,
  caller: IntegrationCaller,
  page: readonly { code: string; communeCode: string }[],
  input: { query: PullQuery; addressHash: string; now: Date },
): Promise<void> {
  const byCommune = new Map<string | null, string[]>();
  for (const row of page)
    byCommune.set(row.communeCode, [...(byCommune.get(row.communeCode) ?? []), row.code]);
  if (byCommune.size === 0) byCommune.set(null, []);
  for (const [communeCode, codes] of byCommune) {
    await recordIntegrationAudit(db, {
      keyId: caller.keyId,
      action: "integration.pull",
      communeCode,
      detail: { count: codes.length, codes: codes.join(","), updatedSince: input.query.updatedSince },
      addressHash: input.addressHash,
      at: input.now,
    });
  }
}
