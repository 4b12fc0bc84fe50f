import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./env";

/**
 * A server started with NODE_ENV=production and SANDBOX=1 (a public demo) runs the fake Zalo of
 * /sandbox: anyone can sign in as anyone there. Every HTML page it serves (the Mini App's web preview,
 * the sandbox pages) opens with a banner that says so, so no one mistakes it for the real service and
 * types real personal data into it.
 */
export const SANDBOX_BANNER_TEXT =
  "Máy chủ thử nghiệm: Zalo ở đây là giả lập. Đừng nhập thông tin thật của bạn.";

/**
 * A fixed height, so a page that fills the window (the sandbox chat) can leave room for it through
 * --dvc-banner-h; two lines of text fit at a phone's 360 px.
 */
const BANNER_HEIGHT_PX = 40;
const BANNER = `<style>:root{--dvc-banner-h:${BANNER_HEIGHT_PX}px}</style><div role="alert" data-testid="sandbox-banner" style="position:sticky;top:0;z-index:2147483647;box-sizing:border-box;height:${BANNER_HEIGHT_PX}px;overflow:hidden;display:flex;align-items:center;justify-content:center;background:#b00020;color:#fff;font:600 13px/1.25 system-ui,sans-serif;padding:2px 10px;text-align:center">${SANDBOX_BANNER_TEXT}</div>`;
const BODY_OPEN = /<body[^>]*>/i;

export function sandboxBanner(): MiddlewareHandler<AppEnv> {
  return async function sandboxBannerMiddleware(c, next) {
    await next();
    c.header("X-DVC-Sandbox", "1");
    if (!c.res.headers.get("Content-Type")?.startsWith("text/html")) return;
    const html = await c.res.text();
    const withBanner = BODY_OPEN.test(html)
      ? html.replace(BODY_OPEN, (tag) => `${tag}${BANNER}`)
      : BANNER + html;
    const headers = new Headers(c.res.headers);
    headers.delete("Content-Length");
    const status = c.res.status;
    // Hono copies the old response's headers onto a new one, its Content-Length too (a static file's,
    // which would cut the page short): drop the old response first.
    c.res = undefined;
    c.res = new Response(withBanner, { status, headers });
  };
}
