import type { OfficerConversation } from "@dvc/shared/api/officer";
import { useCallback, useEffect, useRef, useState } from "react";
import { getConversations } from "../api/conversation-api";
import { useOfficerSession } from "../session/officer-session";
import { useVisiblePolling } from "./use-visible-polling";

/** New handovers should not wait long on a desk; every officer of the commune polls this. */
const QUEUE_POLL_MS = 15_000;

export interface ConversationQueue {
  /** The last list received, oldest first; kept on screen when a refresh fails. */
  conversations: OfficerConversation[] | null;
  error: string | null;
  reload: () => void;
}

/**
 * The officer's queue of handed-over conversations, for the nav's count and the queue screen alike
 * (one request for both). Polled while the tab is visible and the officer signed in.
 */
export function useConversationQueue(): ConversationQueue {
  const token = useOfficerSession().session?.token ?? null;
  const [conversations, setConversations] = useState<OfficerConversation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    // A slow answer must not land after a newer one: the older request is dropped.
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    getConversations(controller.signal).then(
      (list) => {
        setConversations(list);
        setError(null);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof Error ? failure.message : "Chưa tải được danh sách trò chuyện.");
      },
    );
  }, []);

  useVisiblePolling(reload, QUEUE_POLL_MS, token !== null);
  useEffect(() => () => inFlight.current?.abort(), []);

  return { conversations, error, reload };
}
