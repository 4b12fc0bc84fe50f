import type { DossierDetail, DossierSummary } from "@dvc/shared/api/dossiers";
import { useCallback, useEffect, useState } from "react";
import { getDossier } from "../api/dossiers";

export type DossierLoad<T> =
  | { status: "loading" }
  | { status: "ready"; dossier: T }
  | { status: "error"; message: string };

/** One dossier with its timeline; `initial` (the receipt just received) shows while it loads. */
export function useDossier(code: string, initial: DossierSummary | null = null) {
  const [load, setLoad] = useState<DossierLoad<DossierDetail | DossierSummary>>(() =>
    initial ? { status: "ready", dossier: initial } : { status: "loading" },
  );
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request.
  useEffect(() => {
    const controller = new AbortController();
    getDossier(code, controller.signal).then(
      (dossier) => setLoad({ status: "ready", dossier }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        // A receipt already on screen stays: the details are a bonus when offline.
        setLoad((current) =>
          current.status === "ready"
            ? current
            : { status: "error", message: error instanceof Error ? error.message : "Chưa tải được hồ sơ." },
        );
      },
    );
    return () => controller.abort();
  }, [code, attempt]);

  return { load, reload };
}

export function isDetail(dossier: DossierDetail | DossierSummary): dossier is DossierDetail {
  return "timeline" in dossier;
}
