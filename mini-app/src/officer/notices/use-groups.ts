import { useCallback, useEffect, useState } from "react";
import { ApiError } from "../../api";
import { type GroupList, listGroups } from "../api/group-api";

export type GroupsState =
  | { status: "loading" }
  | { status: "ready"; list: GroupList }
  | { status: "error"; message: string };

/** The groups this officer may send to or manage (the server scopes them); `reload` after a change. */
export function useGroups(): GroupsState & { reload: () => void } {
  const [state, setState] = useState<GroupsState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is a trigger: reload asks again.
  useEffect(() => {
    const controller = new AbortController();
    listGroups(controller.signal).then(
      (list) => setState({ status: "ready", list }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: "error",
          message:
            error instanceof ApiError ? error.message : "Chưa tải được danh sách nhóm. Vui lòng thử lại.",
        });
      },
    );
    return () => controller.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
