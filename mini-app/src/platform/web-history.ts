/**
 * The web preview's history when a link opens a screen past Home (a pasted address, a chatbot button
 * opening a new tab): without an entry beneath it, the phone's back button would leave the app — to
 * about:blank or to the chat — instead of going to Home, as it does inside the app everywhere else.
 */

/**
 * The entry react-router's browser history keeps in `history.state` (@remix-run/router,
 * getHistoryState): `key` "default" marks the first screen of a visit, which the screens' own back
 * buttons read (`location.key === "default"` → go Home) — the entry above Home must not carry it, so
 * that "Quay lại" there goes back to that Home entry rather than pushing another.
 */
interface RouterEntry {
  usr: null;
  key: string;
  idx: number;
}

type HistoryLike = Pick<History, "state" | "replaceState" | "pushState">;
type LocationLike = Pick<Location, "pathname" | "search" | "hash">;

/**
 * On a fresh visit to a screen other than `home`, turns its single entry into two: Home, then the
 * screen. A reload, a back or forward, or a visit that starts on Home finds a state already there (the
 * router writes one on every entry) or nothing to do, and is left alone. Returns whether it added one.
 */
export function putHomeBeneathDeepLink(
  home: string,
  history: HistoryLike = window.history,
  location: LocationLike = window.location,
): boolean {
  if (history.state !== null || location.pathname === home) return false;
  const here = `${location.pathname}${location.search}${location.hash}`;
  const homeEntry: RouterEntry = { usr: null, key: "default", idx: 0 };
  const linkEntry: RouterEntry = { usr: null, key: "deep-link", idx: 1 };
  history.replaceState(homeEntry, "", home);
  history.pushState(linkEntry, "", here);
  return true;
}
