import { type SQL, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { sealLegacyPlainValues } from "../db/legacy-plain";
import { SEALED_COLUMNS, type SealedColumn } from "../db/sealed-columns";
import type { Sealer } from "../lib/crypto";

/**
 * `npm run admin -- rotate-data-key`: re-seals every sealed value under the current DATA_ENCRYPTION_KEY.
 * Run it after moving the old key into DATA_ENCRYPTION_KEYS and setting the new one (the server reads
 * both meanwhile). Each batch is one transaction; a row is rewritten only if it still holds the value
 * that was read (a write by the running server wins and is already current), so it may run beside live
 * servers. Interrupted, it simply runs again: values already under the current key are skipped. Once it
 * reports nothing left and no failure, the old key can be removed from DATA_ENCRYPTION_KEYS.
 */

export interface RotationReport {
  /** Values re-sealed, per "table.column". */
  resealed: Record<string, number>;
  /** Values that opened under no configured key (left as they are), per "table.column". */
  failed: Record<string, number>;
  /** Plain legacy values sealed first (file names, event bodies). */
  legacySealed: number;
}

export interface RotationOptions {
  batchSize?: number;
  /** Called after each committed batch (the CLI prints progress). */
  onBatch?: (column: string, resealed: number) => void;
}

interface Row {
  pk: string;
  row: string;
  value: string;
}

export async function rotateDataKey(
  db: Database,
  sealer: Sealer,
  options: RotationOptions = {},
): Promise<RotationReport> {
  const report: RotationReport = { resealed: {}, failed: {}, legacySealed: 0 };
  report.legacySealed = await sealLegacyPlainValues(db, sealer);
  for (const column of SEALED_COLUMNS) {
    const name = `${column.table}.${column.column}`;
    const { resealed, failed } = await rotateColumn(db, sealer, column, options, (count) =>
      options.onBatch?.(name, count),
    );
    report.resealed[name] = resealed;
    report.failed[name] = failed;
  }
  return report;
}

async function rotateColumn(
  db: Database,
  sealer: Sealer,
  column: SealedColumn,
  options: RotationOptions,
  onBatch: (resealed: number) => void,
): Promise<{ resealed: number; failed: number }> {
  const batchSize = options.batchSize ?? 500;
  const table = sql.identifier(column.table);
  const value = sql.identifier(column.column);
  const pk = sql.identifier(column.primaryKey);
  const prefix = `v2.${sealer.keyId}.`;
  let cursor: string | undefined;
  let resealed = 0;
  let failed = 0;
  for (;;) {
    const after = cursor === undefined ? sql`` : sql`and ${pk} > ${cursor}::${sql.raw(column.keyType)}`;
    const result = (await db.execute(sql`
      select ${pk}::text as pk, ${sql.identifier(column.rowColumn)}::text as row, ${value} as value
      from ${table}
      where ${value} is not null and left(${value}, ${prefix.length}) <> ${prefix} ${after}
      order by ${pk} limit ${batchSize}`)) as unknown as { rows: Row[] };
    const rows = result.rows;
    if (rows.length === 0) return { resealed, failed };
    let done = 0;
    await db.transaction(async (tx) => {
      for (const row of rows) {
        let plain: string;
        try {
          plain = sealer.open(row.value, column.place(row.row));
        } catch {
          failed += 1;
          continue;
        }
        const sets: SQL[] = [sql`${value} = ${sealer.seal(plain, column.place(row.row))}`];
        for (const [derived, derivedValue] of Object.entries(column.derived?.(plain, sealer) ?? {})) {
          sets.push(sql`${sql.identifier(derived)} = ${derivedValue}`);
        }
        await tx.execute(sql`
          update ${table} set ${sql.join(sets, sql`, `)}
          where ${pk} = ${row.pk}::${sql.raw(column.keyType)} and ${value} = ${row.value}`);
        done += 1;
      }
    });
    resealed += done;
    onBatch(resealed);
    cursor = rows.at(-1)?.pk;
  }
}
