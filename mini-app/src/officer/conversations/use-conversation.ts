import type { OfficerConversationDetail } from "@dvc/shared/api/officer";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api";
import { getConversation } from "../api/conversation-api";
import { useOfficerSession } from "../session/officer-session";
import { useVisiblePolling } from "./use-visible-polling";

/** A resident waiting in a chat expects an answer within seconds of writing, not a minute. */
const CONVERSATION_POLL_MS = 5_000;

export type ConversationEnd =
  /** This officer handed it back. */
  | "handed_back"
  /** Gone from the queue: another officer handed it back, the bot took it back, or a wrong address. */
  | "gone";

export interface ConversationLoad {
  /** The last transcript received: stays on screen through a failed refresh and after the end. */
  detail: OfficerConversationDetail | null;
  error: string | null;
  ended: ConversationEnd | null;
  reload: () => void;
  /** The conversation as a reply answered it: no second request. */
  replace: (detail: OfficerConversationDetail) => void;
  markHandedBack: () => void;
}

/**
 * One open conversation, polled every 5 s while the tab is visible so the resident's new messages
 * appear; it stops once the conversation has gone back to the bot (a 404) or the officer signed out.
 */
export function useConversation(id: string): ConversationLoad {
  const token = useOfficerSession().session?.token ?? null;
  const [detail, setDetail] = useState<OfficerConversationDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<ConversationEnd | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const reload = useCallback(() => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    getConversation(id, controller.signal).then(
      (answer) => {
        setDetail(answer);
        setError(null);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        if (failure instanceof ApiError && failure.status === 404) {
          setEnded((now) => now ?? "gone");
          setError(null);
          return;
        }
        setError(failure instanceof Error ? failure.message : "Chưa tải được cuộc trò chuyện.");
      },
    );
  }, [id]);

  useVisiblePolling(reload, CONVERSATION_POLL_MS, token !== null && ended === null);
  useEffect(() => () => inFlight.current?.abort(), []);

  const replace = useCallback((next: OfficerConversationDetail) => {
    // A poll sent before the reply would answer without it: its answer is dropped.
    inFlight.current?.abort();
    setDetail(next);
    setError(null);
  }, []);

  const markHandedBack = useCallback(() => {
    inFlight.current?.abort();
    setEnded("handed_back");
  }, []);

  return { detail, error, ended, reload, replace, markHandedBack };
}
