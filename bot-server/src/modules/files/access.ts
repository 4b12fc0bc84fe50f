import type { FileRow } from "./repo";

/** Who is asking for a file's bytes. Officers exist once the officer area is built. */
export type FileActor =
  | { kind: "citizen"; citizenId: string }
  | { kind: "officer"; officerId: string; communeCode: string };

/**
 * The one authorisation rule for reading an attachment (ASVS 8.2.2). A "no" is answered as 404 by the
 * caller, so nobody learns that a file id exists.
 */
export function canReadFile(
  actor: FileActor,
  file: Pick<FileRow, "ownerCitizenId" | "dossierCode">,
): boolean {
  switch (actor.kind) {
    case "citizen":
      return file.ownerCitizenId !== null && file.ownerCitizenId === actor.citizenId;
    case "officer":
      // Filled by the officer-area issue: an officer of the commune of `file.dossierCode`'s dossier reads
      // it once submitted, never a draft's upload. Until officers can sign in, no officer reads a file.
      return false;
  }
}
