import type { FileRow } from "./repo";

/** Who is asking for a file's bytes: its owner, or an officer reading one dossier's attachments. */
export type FileActor =
  | { kind: "citizen"; citizenId: string }
  | { kind: "officer"; officerId: string; communeCode: string; dossierCode: string };

/**
 * The one authorisation rule for reading an attachment (ASVS 8.2.2). A "no" is answered as 404 by the
 * caller, so nobody learns that a file id exists.
 */
export function canReadFile(
  actor: FileActor,
  file: Pick<FileRow, "ownerCitizenId" | "dossierCode"> & { dossierCommuneCode?: string | null },
): boolean {
  switch (actor.kind) {
    case "citizen":
      return file.ownerCitizenId !== null && file.ownerCitizenId === actor.citizenId;
    case "officer":
      // An attachment of a submitted dossier (files get their dossier code when filed, never while a
      // draft's or a pending supplement's), of the dossier asked about, in the officer's commune.
      return (
        file.dossierCode !== null &&
        file.dossierCode === actor.dossierCode &&
        file.dossierCommuneCode === actor.communeCode
      );
  }
}
