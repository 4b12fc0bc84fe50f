import { useSyncExternalStore } from "react";

/** Wide enough for the inbox's table; narrower screens (a phone in Zalo) get a list of cards. */
export const WIDE_SCREEN_QUERY = "(min-width: 860px)";

function query(): MediaQueryList | null {
  // jsdom and very old WebViews have no matchMedia: cards work at any width.
  return typeof window.matchMedia === "function" ? window.matchMedia(WIDE_SCREEN_QUERY) : null;
}

function subscribe(listener: () => void): () => void {
  const list = query();
  list?.addEventListener("change", listener);
  return () => list?.removeEventListener("change", listener);
}

const snapshot = () => query()?.matches ?? false;

export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
