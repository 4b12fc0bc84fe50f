import type { OfficerDossier, OfficerStatusChange } from "@dvc/shared/api/officer";
import { changeDossierStatus } from "../api/officer-api";
import { useKeyedAction } from "./use-keyed-action";

export type { SendState } from "./use-keyed-action";

/** Moves the dossier, once per Idempotency-Key (see useKeyedAction). */
export function useStatusChange(code: string, onMoved: (dossier: OfficerDossier) => void) {
  return useKeyedAction<OfficerStatusChange>(
    "officer-status",
    (change, key) => changeDossierStatus(code, change, key),
    onMoved,
  );
}
