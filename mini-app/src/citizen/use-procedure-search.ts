import type { ProcedureSummary } from "@dvc/shared/api/procedures";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../api";
import { searchProcedures } from "../api/procedures";

export type ProcedureSearch =
  | { status: "idle" }
  | { status: "loading"; previous: ProcedureSummary[] | null }
  | { status: "ready"; procedures: ProcedureSummary[] }
  | { status: "error"; message: string };

/** Searches the catalog for a (debounced) query; an empty query searches nothing. */
export function useProcedureSearch(query: string): ProcedureSearch & { retry: () => void } {
  const [state, setState] = useState<ProcedureSearch>({ status: "idle" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is a trigger: a retry re-runs the query.
  useEffect(() => {
    if (query === "") {
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    setState((current) => ({
      status: "loading",
      previous:
        current.status === "ready"
          ? current.procedures
          : current.status === "loading"
            ? current.previous
            : null,
    }));
    searchProcedures(query, controller.signal).then(
      (procedures) => {
        if (!controller.signal.aborted) setState({ status: "ready", procedures });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const message = error instanceof ApiError ? error.message : "Đã có lỗi xảy ra. Vui lòng thử lại.";
        setState({ status: "error", message });
      },
    );
    return () => controller.abort();
  }, [query, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
