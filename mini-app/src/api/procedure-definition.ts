/**
 * One procedure definition, fetched from the server (never bundled: the catalog would weigh on the
 * first load) and kept on the device per version, so a draft reopened offline still has its form.
 */

import { type ProcedureDefinition, procedureDefinitionSchema } from "@dvc/shared/procedures/definition";
import { call, client } from "../api";
import { storage } from "../platform/zalo";
import { parseAnswer } from "./http";

const memory = new Map<string, ProcedureDefinition>();
const storageKey = (code: string, version: number) => `dvc.procedure.v1.${code}@${version}`;

function fromStorage(code: string, version: number): ProcedureDefinition | undefined {
  const raw = storage.getItem(storageKey(code, version));
  if (raw === null) return undefined;
  try {
    const parsed = procedureDefinitionSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A definition already in memory, without waiting: a step opened again renders at once. */
export function peekProcedureDefinition(code: string, version: number): ProcedureDefinition | undefined {
  return memory.get(storageKey(code, version));
}

/** Remembers a definition on the device (a draft needs its exact version to reopen offline). */
export function keepDefinition(definition: ProcedureDefinition): void {
  memory.set(storageKey(definition.code, definition.version), definition);
  try {
    storage.setItem(storageKey(definition.code, definition.version), JSON.stringify(definition));
  } catch {
    // Storage full: the definition is fetched again next time.
  }
}

/**
 * The definition of `code`: the given version (a draft's) from the device when it is there, else from
 * the server; without a version, the current one from the server.
 */
export async function getProcedureDefinition(
  code: string,
  version?: number,
  signal?: AbortSignal,
): Promise<ProcedureDefinition> {
  if (version !== undefined) {
    const known = memory.get(storageKey(code, version)) ?? fromStorage(code, version);
    if (known) {
      memory.set(storageKey(code, version), known);
      return known;
    }
  }
  const query = version === undefined ? {} : { version: String(version) };
  const body: unknown = await call(
    (init) => client.api.procedures[":code"].$get({ param: { code }, query }, { init }),
    signal,
  );
  const definition = parseAnswer(body, procedureDefinitionSchema);
  memory.set(storageKey(definition.code, definition.version), definition);
  return definition;
}
