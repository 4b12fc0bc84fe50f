import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

/** OWASP ASVS 3.4.1 asks for HSTS of at least a year; Hono's default is 180 days. */
const HSTS = "max-age=31536000; includeSubDomains";

/** JSON and other non-HTML answers load nothing and may not be framed. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The Mini App's web preview and the sandbox page: own scripts only; inline style attributes are
 * used by zmp-ui; zmp-ui's icon font comes from Zalo's CDN (h5.zadn.vn).
 */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' https://h5.zadn.vn data:",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

/** Security headers on every response; the CSP is chosen by what the response is. */
export function securityHeaders(): MiddlewareHandler {
  const common = secureHeaders({
    strictTransportSecurity: HSTS,
    referrerPolicy: "no-referrer",
    xContentTypeOptions: "nosniff",
    xFrameOptions: "DENY",
    crossOriginEmbedderPolicy: false,
  });
  return async function securityHeadersMiddleware(c, next) {
    await common(c, async () => {
      await next();
      // A route that needs its own policy sets it (the notice board's service worker must fetch).
      if (c.res.headers.has("Content-Security-Policy")) return;
      const isPage = c.res.headers.get("Content-Type")?.startsWith("text/html") ?? false;
      c.res.headers.set("Content-Security-Policy", isPage ? PAGE_CSP : API_CSP);
    });
  };
}

/** Personal data must not be cached by the phone or any proxy (ASVS 14.3.2). */
export function noStore(): MiddlewareHandler {
  return async function noStoreMiddleware(c, next) {
    await next();
    c.res.headers.set("Cache-Control", "no-store");
  };
}
