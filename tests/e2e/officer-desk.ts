import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { SCREENSHOT_DIR } from "../support/browser";

/**
 * What the officer-area e2e tests share: the desk's browser page, signing in at /can-bo with a sandbox
 * demo account (zalo-sandbox/demo-officers.ts), and the two screenshots of a screen.
 */

export const DESK_VIEWPORT = { width: 1280, height: 800 } as const;
export const DEMO_OFFICER_PASSWORD = "demo-can-bo-2026";

/** A desk-sized page in the phone's browser; its console errors and page errors land in `errors`. */
export async function openDeskPage(browser: Browser, errors: string[], label = ""): Promise<Page> {
  const context = await browser.newContext({
    viewport: DESK_VIEWPORT,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  watchErrors(page, errors, label);
  return page;
}

/** Collects a page's console and page errors, each prefixed by `label` when given. */
export function watchErrors(page: Page, errors: string[], label = ""): void {
  const prefix = label ? `${label}: ` : "";
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${prefix}${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${prefix}${error.name}: ${error.message}`));
}

/** Signs in with a demo account and waits for the heading the role lands on. */
export async function signInAtDesk(
  page: Page,
  baseUrl: string,
  username: string,
  landingHeading: string,
): Promise<void> {
  await page.goto(`${baseUrl}/can-bo`);
  await page.getByRole("heading", { name: "Đăng nhập cán bộ" }).waitFor();
  await page.getByLabel("Tên đăng nhập").fill(username);
  await page.getByLabel("Mật khẩu").fill(DEMO_OFFICER_PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.getByRole("heading", { level: 1, name: landingHeading }).waitFor();
}

/** What the screen shows (from the top unless told otherwise), then the whole page ("-full"). */
export async function shotBoth(page: Page, name: string, { fromTop = true } = {}): Promise<void> {
  if (fromTop) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-full.png`), fullPage: true });
}
