import type { Page } from "playwright-core";

/**
 * Watches what a page asks of the citizen API (the routes behind the general per-citizen limit), to
 * measure the burst a real screen makes and to catch any request the limit refused. The catalog and the
 * commune list are public and not counted, nor is sign-in, which has a limit of its own.
 */

const NOT_CITIZEN_LIMITED = [/^\/api\/units\//, /^\/api\/procedures/, /^\/api\/auth\/zalo$/];

export interface ApiBurst {
  total: number;
  /** Most citizen API requests started within any one second, and any ten seconds. */
  maxIn1s: number;
  maxIn10s: number;
}

export function watchCitizenApi(page: Page) {
  const startedAt: number[] = [];
  const refused: string[] = [];
  const isCitizenApi = (url: string) => {
    const { pathname } = new URL(url);
    return pathname.startsWith("/api/") && !NOT_CITIZEN_LIMITED.some((pattern) => pattern.test(pathname));
  };
  page.on("request", (request) => {
    if (isCitizenApi(request.url())) startedAt.push(Date.now());
  });
  page.on("response", (response) => {
    if (response.status() === 429 && isCitizenApi(response.url()))
      refused.push(`${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  return {
    /** Requests the general limit refused (429): a real screen must never see one. */
    refused,
    burst(): ApiBurst {
      return {
        total: startedAt.length,
        maxIn1s: maxWithin(startedAt, 1_000),
        maxIn10s: maxWithin(startedAt, 10_000),
      };
    },
  };
}

/** The most timestamps (sorted ascending) within any window of `ms`. */
function maxWithin(times: readonly number[], ms: number): number {
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while ((times[last] ?? 0) - (times[first] ?? 0) >= ms) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}
