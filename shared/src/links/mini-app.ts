/**
 * Paths of the Mini App's citizen screens, shared so the chatbot's buttons and the app's router agree.
 * The app's router (mini-app/src/routes.ts) re-exports these.
 */

const enc = encodeURIComponent;

export const procedurePath = (code: string) => `/thu-tuc/${enc(code)}`;
export const startDraftPath = (code: string) => `/nop/moi/${enc(code)}`;
export const dossierPath = (code: string) => `/ho-so/${enc(code)}`;
export const dossiersPath = "/ho-so";

/**
 * A link that opens the Mini App from a Zalo chat: `https://zalo.me/s/<Mini App ID>/<path>` (the form the
 * issue fixes). [U] that Zalo forwards the path to the app's router (which matches it under
 * `/zapps/<APP_ID>`, mini-app/src/platform/router.tsx); if it does not, only this function and
 * `miniAppPathOf` change (e.g. to a query parameter read at start-up).
 */
export function miniAppLink(miniAppId: string, path = "/"): string {
  return `https://zalo.me/s/${enc(miniAppId)}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * The app path a `miniAppLink` of this Mini App opens ("/ho-so/…"), or null for any other link: the
 * sandbox chat opens the same screen in the web preview with it.
 */
export function miniAppPathOf(link: string, miniAppId: string): string | null {
  if (!miniAppId) return null;
  const prefix = miniAppLink(miniAppId, "/");
  if (!link.startsWith(prefix)) return null;
  return `/${link.slice(prefix.length).replace(/^\/+/, "")}`;
}
