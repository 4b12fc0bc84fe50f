import { createHash } from "node:crypto";
import type { ProcedureDefinition } from "@dvc/shared";
import type { Database } from "../../db/client";
import type { Logger } from "../../lib/logger";
import { rememberCurrent } from "./definition-cache";
import { findStoredChecksums, insertVersions, upsertCurrent } from "./repo";

/** Thrown at start-up when a definition changed but kept its version number. */
export class CatalogVersionError extends Error {
  constructor(readonly changed: { code: string; version: number }[]) {
    super(
      `Procedure definitions changed without a new version: ${changed.map((c) => `${c.code} v${c.version}`).join(", ")}. ` +
        "Bump `version` in the definition: drafts and dossiers in progress keep the version they began on.",
    );
    this.name = "CatalogVersionError";
  }
}

export function definitionChecksum(definition: ProcedureDefinition): string {
  // The definitions come out of zod parsing, whose output key order follows the schema: stable JSON.
  return createHash("sha256").update(JSON.stringify(definition)).digest("hex");
}

/**
 * Writes the catalog into the database at start: new versions are added, existing ones must be
 * byte-identical, and each procedure's current version is the catalog's. Idempotent. The written
 * definitions are then answered from memory (definition-cache.ts).
 */
export async function syncCatalog(
  db: Database,
  catalog: readonly ProcedureDefinition[],
  logger: Logger,
): Promise<{ added: number }> {
  const withChecksums = catalog.map((definition) => ({
    definition,
    checksum: definitionChecksum(definition),
  }));
  const result = await db.transaction(async (tx) => {
    const stored = await findStoredChecksums(
      tx,
      catalog.map((d) => d.code),
    );
    const storedByKey = new Map(stored.map((row) => [`${row.code}@${row.version}`, row.checksum]));
    const changed = withChecksums.filter(({ definition, checksum }) => {
      const previous = storedByKey.get(`${definition.code}@${definition.version}`);
      return previous !== undefined && previous !== checksum;
    });
    if (changed.length > 0) {
      throw new CatalogVersionError(
        changed.map(({ definition }) => ({ code: definition.code, version: definition.version })),
      );
    }
    const fresh = withChecksums.filter(
      ({ definition }) => !storedByKey.has(`${definition.code}@${definition.version}`),
    );
    await insertVersions(
      tx,
      fresh.map(({ definition, checksum }) => ({
        code: definition.code,
        version: definition.version,
        definition,
        checksum,
      })),
    );
    await upsertCurrent(
      tx,
      catalog.map((d) => ({
        code: d.code,
        currentVersion: d.version,
        title: d.title,
        sector: d.sector,
        online: d.online,
      })),
    );
    if (fresh.length > 0)
      logger.info("procedure catalog written", { added: fresh.length, procedures: catalog.length });
    return { added: fresh.length };
  });
  // Only once committed: a refused or rolled-back catalog must not be answered as current.
  rememberCurrent(db, catalog);
  return result;
}
