import type { OfficerDossier, OfficerStatusChange } from "@dvc/shared/api/officer";
import { useRef } from "react";
import { changeDossierStatus, uploadResultFile } from "../api/officer-api";
import { useKeyedAction } from "./use-keyed-action";

export type { SendState } from "./use-keyed-action";

/** A move, and for "result_ready" the result file to upload first (its id then goes with the move). */
export interface StatusChangeRequest {
  change: OfficerStatusChange;
  resultFile?: File | null | undefined;
}

/**
 * Moves the dossier, once per Idempotency-Key (see useKeyedAction). A result file is uploaded first, once:
 * a retry of the move after a lost answer sends the same file id, so the request replays as it was.
 */
export function useStatusChange(code: string, onMoved: (dossier: OfficerDossier) => void) {
  const uploaded = useRef(new WeakMap<File, string>());
  return useKeyedAction<StatusChangeRequest>(
    "officer-status",
    async ({ change, resultFile }, key) => {
      if (!resultFile) return changeDossierStatus(code, change, key);
      let fileId = uploaded.current.get(resultFile);
      if (fileId === undefined) {
        fileId = (await uploadResultFile(code, resultFile, resultFile.name)).fileId;
        uploaded.current.set(resultFile, fileId);
      }
      return changeDossierStatus(code, { ...change, result: { ...change.result, fileId } }, key);
    },
    onMoved,
  );
}
