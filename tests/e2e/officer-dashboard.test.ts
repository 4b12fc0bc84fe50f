import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectNoSeriousViolations } from "../support/axe";
import { announceMissingChromium, findChromium, openPhone, type PhoneBrowser } from "../support/browser";
import {
  DASHBOARD_COMMUNE,
  OVERDUE_CODE,
  seedDashboardMonth,
  UNREACHED_CODE,
} from "../support/dashboard-seed";
import { databaseForServer, type ServerDatabase } from "../support/database";
import { stopProduct } from "../support/product-stack";
import { type ServerProcess, startServerProcess } from "../support/server-process";
import { openDeskPage, shotBoth, signInAtDesk } from "./officer-desk";

/**
 * The leaders' dashboard (issue 14) in Chromium, on dossiers seeded through the product's tables
 * (tests/support/dashboard-seed.ts, counted by hand there): the demo leader of Phường Bạch Mai opens
 * "Báo cáo" (chart.js arrives only then), reads this month, switches to last month, reloads, and saves
 * the overdue list as CSV. At a desk (1280×800) and at a phone's width (390×844); screenshots to look at.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"]`);
const figureValue = (page: Page, id: string) =>
  figure(page, id).locator(".dvc-dashboard-card__value").textContent();
/** A chart's canvas once chart.js has drawn it. */
const drawnCharts = (page: Page) => page.locator('.dvc-dashboard-chart__canvas[aria-busy="false"] canvas');

describe.skipIf(!chromiumPath)("a leader reads the dashboard (desk 1280×800, phone 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;
  let desk: Page;
  const deskErrors: string[] = [];
  const scripts: string[] = [];

  beforeAll(async () => {
    database = await databaseForServer();
    const key = await seedDashboardMonth(database);
    server = await startServerProcess({ env: { ...database.env, ...key }, dataDir: database.dataDir });
    phone = await openPhone(chromiumPath ?? "");
    desk = await openDeskPage(phone.browser, deskErrors, "leader");
    desk.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(request.url());
    });
  });

  afterAll(async () => {
    await stopProduct({ phone, server, database });
  });

  it("shows this month, then last month as counted by hand, keeps it on reload, and exports CSV", async () => {
    await signInAtDesk(desk, server.baseUrl, `lanhdao.${DASHBOARD_COMMUNE}`, "Hồ sơ của Phường Bạch Mai");
    // The officer area's first load does not carry the chart library.
    expect(scripts.filter((url) => /chart/i.test(url))).toEqual([]);

    await desk.getByRole("link", { name: "Báo cáo" }).click();
    await desk.getByRole("heading", { level: 1, name: "Báo cáo giải quyết hồ sơ" }).waitFor();
    await expect.poll(() => figureValue(desk, "received")).toBe("2");
    expect(await figureValue(desk, "resolved")).toBe("1");
    expect(await figureValue(desk, "on-time")).toBe("100%");
    expect(await figureValue(desk, "overdue")).toBe("1");
    expect(await desk.getByRole("link", { name: "Tháng này" }).getAttribute("aria-current")).toBe("true");
    await expect.poll(() => drawnCharts(desk).count()).toBe(2);
    expect(scripts.filter((url) => /chart/i.test(url)).length).toBeGreaterThan(0);
    await shotBoth(desk, "officer-dashboard-01-this-month");

    await desk.getByRole("link", { name: "Tháng trước" }).click();
    await desk.waitForURL(/from=\d{4}-\d\d-01&to=/);
    await expect.poll(() => figureValue(desk, "received")).toBe("8");
    const lastMonth = {
      resolved: "6",
      "on-time": "66,7%",
      late: "2",
      overdue: "1",
      online: "75%",
      "self-submitted": "83,3%",
      unreachable: "1",
    };
    for (const [id, value] of Object.entries(lastMonth)) expect(await figureValue(desk, id)).toBe(value);
    expect(await figure(desk, "on-time").textContent()).toContain("4 trên 6 hồ sơ đã có kết quả");
    const overdue = desk.getByRole("region", { name: "Hồ sơ đang quá hẹn" });
    expect(await overdue.getByRole("link", { name: OVERDUE_CODE }).getAttribute("href")).toBe(
      `/can-bo/ho-so/${OVERDUE_CODE}`,
    );
    const unreached = desk.getByRole("region", { name: "Tin nhắn chưa đến người dân" });
    await unreached.getByRole("link", { name: UNREACHED_CODE }).waitFor();
    await expect.poll(() => drawnCharts(desk).count()).toBe(2);
    await shotBoth(desk, "officer-dashboard-02-last-month");
    await expectNoSeriousViolations(desk, "dashboard (desk)");

    // A reload keeps the range: it is in the address.
    const url = desk.url();
    await desk.reload();
    await expect.poll(() => figureValue(desk, "received")).toBe("8");
    expect(desk.url()).toBe(url);

    // The overdue list as CSV, read back from the saved file.
    const [download] = await Promise.all([
      desk.waitForEvent("download"),
      desk.getByRole("button", { name: "Tải CSV: hồ sơ đang quá hẹn" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ho-so-qua-han_\d{4}-\d\d-01_\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv).toContain(OVERDUE_CODE);
    expect(csv.trim().split(/\r?\n/)).toHaveLength(2);

    // A custom range with no dossier at all says so.
    await desk.getByLabel("Từ ngày").fill("2020-01-01");
    await desk.getByLabel("Đến ngày").fill("2020-01-31");
    await desk.getByRole("button", { name: "Xem", exact: true }).click();
    await desk.getByText("Không có hồ sơ nào từ 01/01/2020 – 31/01/2020.").waitFor();

    // On a phone: the same page, cards two by two, tables scrolling sideways.
    await desk.goto(url);
    await expect.poll(() => figureValue(desk, "received")).toBe("8");
    await desk.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => drawnCharts(desk).count()).toBe(2);
    await shotBoth(desk, "officer-dashboard-03-phone");
    await expectNoSeriousViolations(desk, "dashboard (phone)");
    const overflow = await desk.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    expect(deskErrors).toEqual([]);
  });
});
