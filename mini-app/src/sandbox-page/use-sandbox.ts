import { useEffect, useState } from "react";
import { ChatStore } from "./chat-store";
import { FeedStore } from "./feed-store";

/** A poll a second: a reply from the chatbot (its worker polls every 500 ms) shows about as fast as in Zalo. */
export const POLL_MS = 1_000;

/**
 * The page's two timelines, created once, loaded, then polled until the page goes. One poll at a time:
 * a slow server gets no pile of overlapping requests. A failed poll says the connection is lost; the next
 * one that works clears it.
 */
export function useSandbox(pollMs: number): { chat: ChatStore; feed: FeedStore } {
  const [stores] = useState(() => ({ chat: new ChatStore(), feed: new FeedStore() }));
  useEffect(() => {
    const { chat, feed } = stores;
    void chat.start(window.location.hash.slice(1));
    void feed.loadGroups();
    let polling = false;
    const timer = window.setInterval(() => {
      if (polling) return;
      polling = true;
      Promise.all([chat.pollChat(), feed.pollFeed()])
        .then(
          () => chat.pollWorked(),
          () => chat.pollFailed(),
        )
        .finally(() => {
          polling = false;
        });
    }, pollMs);
    return () => window.clearInterval(timer);
  }, [stores, pollMs]);
  return stores;
}
