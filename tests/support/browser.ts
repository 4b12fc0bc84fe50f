import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { REPO_ROOT } from "./server-process";

/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). End-to-end tests run at a
 * phone's viewport, 390×844 CSS px (a mid-range Android phone held upright).
 */

export const PHONE_VIEWPORT = { width: 390, height: 844 } as const;
export const SCREENSHOT_DIR = join(REPO_ROOT, "tests", "e2e", "screenshots");

/** CHROMIUM_PATH, else Debian's /usr/bin/chromium; undefined when neither exists. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find(
    (path): path is string => typeof path === "string" && path !== "" && existsSync(path),
  );
}

/** Called at module level by every e2e file: a skipped browser suite must never pass silently. */
export function announceMissingChromium(): void {
  const line = "!".repeat(78);
  console.warn(
    `\n${line}\n!! END-TO-END TESTS SKIPPED: no Chromium found (set CHROMIUM_PATH or apt-get install chromium)\n${line}\n`,
  );
}

export interface PhoneBrowser {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far (CSP violations show up here). */
  consoleErrors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openPhone(executablePath: string): Promise<PhoneBrowser> {
  // Flags: root needs --no-sandbox; the rest keep Chromium off this machine's closed network.
  // playwright-core launches with a fresh temporary profile of its own.
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const context = await browser.newContext({
    viewport: PHONE_VIEWPORT,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: "vi-VN",
    timezoneId: "Asia/Ho_Chi_Minh",
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const location = message.location();
    consoleErrors.push(`${message.text()} @ ${location.url}:${location.lineNumber}`);
    void Promise.all(message.args().map((arg) => arg.jsonValue().catch(() => "?"))).then((values) => {
      if (values.length > 0) consoleErrors.push(`  args: ${JSON.stringify(values).slice(0, 500)}`);
    });
  });
  page.on("pageerror", (error) =>
    consoleErrors.push(`${error.name}: ${error.message} ${error.stack ?? ""}`.slice(0, 800)),
  );
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    context,
    page,
    consoleErrors,
    async screenshot(name) {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
    },
  };
}
