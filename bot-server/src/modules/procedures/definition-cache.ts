import type { ProcedureDefinition } from "@dvc/shared";
import type { Database } from "../../db/client";

/**
 * The catalog's definitions held in memory, per database handle. A stored version never changes
 * (catalog-sync.ts refuses an edit that kept its number), so a version once read is kept for good.
 * Which version is current changes only when syncCatalog writes the catalog, at start-up: it records
 * the current versions here after its transaction commits, so GET /api/procedures/:code reads no
 * database on a server that started normally. Another node publishing a newer release moves the
 * current version on this node only when this node restarts with that release, as its list
 * (CATALOG, in code) already does.
 */
interface Held {
  current: Map<string, ProcedureDefinition>;
  versions: Map<string, ProcedureDefinition>;
}

const held = new WeakMap<Database, Held>();

function heldFor(db: Database): Held {
  let entry = held.get(db);
  if (!entry) {
    entry = { current: new Map(), versions: new Map() };
    held.set(db, entry);
  }
  return entry;
}

const key = (code: string, version: number) => `${code}@${version}`;

/** After the catalog was written: these definitions are the current ones. */
export function rememberCurrent(db: Database, catalog: readonly ProcedureDefinition[]): void {
  const entry = heldFor(db);
  for (const definition of catalog) {
    entry.current.set(definition.code, definition);
    entry.versions.set(key(definition.code, definition.version), definition);
  }
}

/** A version read from the database (immutable once stored). */
export function rememberVersion(db: Database, definition: ProcedureDefinition): void {
  heldFor(db).versions.set(key(definition.code, definition.version), definition);
}

/** The held definition of one version, or of the current version when `version` is undefined. */
export function heldDefinition(
  db: Database,
  code: string,
  version: number | undefined,
): ProcedureDefinition | undefined {
  const entry = held.get(db);
  if (!entry) return undefined;
  return version === undefined ? entry.current.get(code) : entry.versions.get(key(code, version));
}
