import type { CommuneSummary } from "@dvc/shared/api/units";
import { useCallback, useEffect, useState } from "react";
import { ApiError, searchCommunes } from "../api";

export type CommuneSearch =
  /** `previous` keeps the last results on screen while the next query runs, so the list does not flash. */
  | { status: "loading"; previous: CommuneSummary[] | null }
  | { status: "ready"; communes: CommuneSummary[] }
  | { status: "error"; message: string };

const FALLBACK_ERROR = "Đã có lỗi xảy ra. Vui lòng thử lại.";

/**
 * Searches communes for `query` (already debounced by the caller). A newer query cancels the request
 * of an older one, so a slow answer never overwrites a fresh one. `retry` runs the same query again.
 */
export function useCommuneSearch(query: string, province?: string): CommuneSearch & { retry: () => void } {
  const [state, setState] = useState<CommuneSearch>({ status: "loading", previous: null });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is a trigger: a retry re-runs the same query.
  useEffect(() => {
    const controller = new AbortController();
    setState((current) => ({ status: "loading", previous: shownResults(current) }));
    searchCommunes(query, controller.signal, province).then(
      (communes) => {
        if (!controller.signal.aborted) setState({ status: "ready", communes });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: "error", message: error instanceof ApiError ? error.message : FALLBACK_ERROR });
      },
    );
    return () => controller.abort();
  }, [query, province, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}

function shownResults(state: CommuneSearch): CommuneSummary[] | null {
  if (state.status === "ready") return state.communes;
  if (state.status === "loading") return state.previous;
  return null;
}
