import type { OfficerDossier } from "@dvc/shared/api/officer";
import { useCallback, useEffect, useState } from "react";
import { getOfficerDossier } from "../api/officer-api";
import { useOfficerSession } from "../session/officer-session";

export interface OfficerDossierLoad {
  dossier: OfficerDossier | null;
  loading: boolean;
  error: string | null;
  reload: () => void;
  /** The dossier as a status change answered it: no second request. */
  replace: (dossier: OfficerDossier) => void;
}

/**
 * One dossier of the commune. A reload keeps the dossier on screen until the new one arrives, so the
 * action forms under it (and what is typed in them) never unmount for a refresh; it loads again when
 * the officer signs in after an expiry.
 */
export function useOfficerDossier(code: string): OfficerDossierLoad {
  const token = useOfficerSession().session?.token ?? null;
  const [dossier, setDossier] = useState<OfficerDossier | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the request.
  useEffect(() => {
    if (token === null) return;
    const controller = new AbortController();
    setLoading(true);
    getOfficerDossier(code, controller.signal).then(
      (answer) => {
        setDossier(answer);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : "Chưa tải được hồ sơ.");
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [code, token, attempt]);

  const replace = useCallback((next: OfficerDossier) => {
    setDossier(next);
    setError(null);
  }, []);

  return { dossier, loading, error, reload, replace };
}
