/**
 * The officer area's routes, on the browser's own history: real addresses under /can-bo that an officer
 * can bookmark, reload, open in a new tab, or go back to with the browser's button. The citizen's
 * router (zmp-ui, in memory outside Zalo) would lose all of that on a desk computer.
 */
import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from "react";
import { OFFICER_BASE } from "../routes";

export const officerPaths = {
  inbox: OFFICER_BASE,
  dossier: (code: string) => `${OFFICER_BASE}/ho-so/${encodeURIComponent(code)}`,
  conversations: `${OFFICER_BASE}/tro-chuyen`,
  conversation: (id: string) => `${OFFICER_BASE}/tro-chuyen/${encodeURIComponent(id)}`,
  audit: `${OFFICER_BASE}/nhat-ky`,
  notices: `${OFFICER_BASE}/thong-bao`,
  newNotice: `${OFFICER_BASE}/thong-bao/moi`,
  notice: (id: string) => `${OFFICER_BASE}/thong-bao/${encodeURIComponent(id)}`,
  groups: `${OFFICER_BASE}/nhom-zalo`,
  dashboard: `${OFFICER_BASE}/bao-cao`,
} as const;

export type OfficerRoute =
  | { page: "inbox"; search: URLSearchParams }
  | { page: "dossier"; code: string }
  | { page: "conversations"; id: string | null }
  | { page: "audit"; search: URLSearchParams }
  | { page: "notices"; search: URLSearchParams }
  | { page: "newNotice" }
  | { page: "notice"; id: string }
  | { page: "groups" }
  | { page: "dashboard"; search: URLSearchParams }
  | { page: "unknown" };

/** The decoded segment after `prefix/`, or null when the path is not one (or not decodable). */
function segmentAfter(path: string, prefix: string): string | null {
  const match = new RegExp(`^${prefix}/([^/]+)$`).exec(path);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

export function parseOfficerRoute(pathname: string, search: string): OfficerRoute {
  const path = pathname.replace(/\/+$/, "");
  if (path === OFFICER_BASE) return { page: "inbox", search: new URLSearchParams(search) };
  if (path === officerPaths.conversations) return { page: "conversations", id: null };
  if (path === officerPaths.audit) return { page: "audit", search: new URLSearchParams(search) };
  if (path === officerPaths.notices) return { page: "notices", search: new URLSearchParams(search) };
  if (path === officerPaths.newNotice) return { page: "newNotice" };
  if (path === officerPaths.groups) return { page: "groups" };
  if (path === officerPaths.dashboard) return { page: "dashboard", search: new URLSearchParams(search) };
  const noticeId = segmentAfter(path, officerPaths.notices);
  if (noticeId !== null) return { page: "notice", id: noticeId };
  const code = segmentAfter(path, `${OFFICER_BASE}/ho-so`);
  if (code !== null) return { page: "dossier", code };
  const id = segmentAfter(path, officerPaths.conversations);
  if (id !== null) return { page: "conversations", id };
  return { page: "unknown" };
}

const NAVIGATED = "dvc:officer-navigated";

function subscribe(listener: () => void): () => void {
  window.addEventListener("popstate", listener);
  window.addEventListener(NAVIGATED, listener);
  return () => {
    window.removeEventListener("popstate", listener);
    window.removeEventListener(NAVIGATED, listener);
  };
}

const currentHref = () => `${window.location.pathname}${window.location.search}`;

/** The address now, "/can-bo/ho-so/…?…"; re-renders on every navigation. */
export function useOfficerHref(): string {
  return useSyncExternalStore(subscribe, currentHref, currentHref);
}

export function navigateOfficer(href: string, options: { replace?: boolean } = {}): void {
  if (href === currentHref()) return;
  if (options.replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
  window.dispatchEvent(new Event(NAVIGATED));
  // A new page starts at its top, as a real page load would.
  if (!options.replace) window.scrollTo(0, 0);
}

/**
 * A real link (keyboard, middle-click, "open in new tab" all work) that navigates in place on a plain
 * click; `replace` for filters, so the browser's back button leaves the inbox instead of undoing them.
 */
export function OfficerLink({
  href,
  replace = false,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; replace?: boolean }) {
  const follow = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    const modified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || modified) return;
    event.preventDefault();
    navigateOfficer(href, { replace });
  };
  return <a href={href} onClick={follow} {...rest} />;
}
