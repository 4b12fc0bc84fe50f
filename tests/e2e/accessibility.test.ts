import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AxeExemption, expectNoSeriousViolations } from "../support/axe";
import {
  announceMissingChromium,
  findChromium,
  openPhone,
  PHONE_VIEWPORT,
  type PhoneBrowser,
  SCREENSHOT_DIR,
} from "../support/browser";
import type { ServerDatabase } from "../support/database";
import {
  describeSmallTargets,
  describeZoomProblems,
  levelOneHeadings,
  smallTouchTargets,
  ZOOMED_TALL_VIEWPORT,
  ZOOMED_VIEWPORT,
  zoomProblems,
} from "../support/layout-checks";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { askForSupplement, renameOnAnotherPhone } from "./accessibility-steps";
import { fileKhaiSinhFromStep1, settle, startKhaiSinhAsNewCitizen } from "./filing-flow";

/**
 * Every citizen screen of the web preview at 390×844, measured: axe-core's WCAG 2.2 AA rules with no
 * serious or critical violation, exactly one h1, every touch target at least 44×44 px, and the key screens at 200 %
 * zoom (a 195 px wide layout) with no sideways scroll and no button label cut. One walk: a citizen
 * signs in, files khai sinh (each step first sent empty, so its errors are on screen), an officer asks
 * for a supplement, and the citizen opens the tracking page and their data.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

/** Rules switched off for a selector, each with why it cannot be fixed in our code. None so far. */
const EXEMPTIONS: AxeExemption[] = [];

const SUPPLEMENT_MESSAGE = "Ảnh Giấy chứng sinh bị mờ. Vui lòng chụp lại rõ nét, đủ bốn góc.";

describe.skipIf(!chromiumPath)("every citizen screen is accessible by measure (phone, 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;
  const problems: string[] = [];
  const measured: string[] = [];

  beforeAll(async () => {
    ({ database, server, phone } = await startProductOnPhone(chromiumPath));
  });
  afterAll(async () => {
    await stopProduct({ phone, server, database });
  });

  const frame = (page: Page) =>
    page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );

  /** axe and touch targets on the screen as it is; with `zoom`, also the 200 % layout and its screenshot. */
  async function measure(screen: string, { zoom = false } = {}, on: PhoneBrowser = phone): Promise<void> {
    const { page } = on;
    measured.push(screen);
    const before = problems.length;
    await on.screenshot(`a11y-${screen}`);
    await expectNoSeriousViolations(page, screen, EXEMPTIONS).catch((error: Error) =>
      problems.push(error.message),
    );
    const small = await smallTouchTargets(page);
    if (small.length > 0) problems.push(describeSmallTargets(screen, small));
    const headings = await levelOneHeadings(page);
    if (headings.length !== 1)
      problems.push(`${screen}: ${headings.length} h1 (${headings.join(" | ")}), not 1`);
    if (zoom) await measureZoomed(page, screen);
    // Printed as found, so that a walk stopped by a later screen still tells what it saw.
    for (const problem of problems.slice(before)) console.info(problem);
  }

  async function measureZoomed(page: Page, screen: string): Promise<void> {
    await page.setViewportSize(ZOOMED_VIEWPORT);
    await frame(page);
    problems.push(...describeZoomProblems(screen, await zoomProblems(page)));
    await page.setViewportSize(ZOOMED_TALL_VIEWPORT);
    await frame(page);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `a11y-${screen}-200.png`) });
    // A select is often below the three screens above: its field on its own, to see the chosen option wrap.
    const select = page.locator("select").first();
    if ((await select.count()) > 0 && (await select.isVisible())) {
      await select
        .locator("xpath=..")
        .screenshot({ path: join(SCREENSHOT_DIR, `a11y-${screen}-200-select.png`) });
    }
    await page.setViewportSize(PHONE_VIEWPORT);
    await frame(page);
  }

  /** Sends the step as it is: its error summary and the messages beside the fields show. */
  async function showStepErrors(page: Page): Promise<void> {
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByRole("heading", { name: /mục cần sửa$/ }).waitFor();
  }

  it("walks every screen: 0 serious/critical axe violations, targets ≥ 44 px, usable at 200 %", async () => {
    const { page } = phone;
    await page.goto(server.baseUrl);
    await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
    await settle(page);
    await measure("home-first-visit", { zoom: true });

    // Signed out, "Hồ sơ của tôi" leads to the sandbox sign-in, then the (empty) list.
    await page.getByRole("button", { name: "Đăng nhập để xem hồ sơ" }).click();
    await page.getByRole("heading", { name: "Đăng nhập thử (sandbox)" }).waitFor();
    await settle(page);
    await measure("sandbox-sign-in", { zoom: true });
    await page.getByRole("button", { name: "Tạo và đăng nhập" }).click();
    await page
      .getByText(/Vui lòng nhập/)
      .first()
      .waitFor();
    await measure("sandbox-sign-in-error");
    await page.getByLabel("Họ và tên").fill("Đỗ Thị Mai");
    await page.getByRole("button", { name: "Tạo và đăng nhập" }).click();
    await page.getByText("Bạn chưa nộp hồ sơ nào", { exact: false }).first().waitFor();
    await settle(page);
    await measure("dossier-list-empty", { zoom: true });
    await page.getByRole("button", { name: "Quay lại" }).click();

    await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
    await settle(page);
    await page.getByRole("button", { name: "Chọn xã/phường của bạn" }).click();
    await page.getByRole("textbox", { name: "Tìm xã/phường" }).fill("bach mai");
    // The answer to the search, not the full list shown (dimmed) while it loads.
    await page
      .getByText(/^Trước đây: Phường Bạch Mai/)
      .first()
      .waitFor();
    await page.locator("[aria-busy=true]").waitFor({ state: "detached" });
    await settle(page);
    await measure("commune-picker", { zoom: true });
    await page
      .getByRole("button", { name: /^Phường Bạch Mai/ })
      .first()
      .click();
    await page.getByTestId("chosen-commune").waitFor();
    await settle(page);
    await measure("home-signed-in", { zoom: true });

    await page.getByRole("searchbox").fill("khai sinh");
    await page
      .getByRole("button", { name: /^Đăng ký khai sinh/ })
      .first()
      .waitFor();
    await measure("home-search-results");
    await page
      .getByRole("button", { name: /^Đăng ký khai sinh/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Đăng ký khai sinh", level: 1 }).waitFor();
    await settle(page);
    await measure("procedure", { zoom: true });

    await page.getByRole("button", { name: "Bắt đầu" }).click();
    await page.getByRole("heading", { name: "Trước khi bắt đầu" }).waitFor();
    await settle(page);
    await measure("consent", { zoom: true });
    for (const checkbox of await page.getByRole("checkbox").all()) await checkbox.check();
    await page.getByRole("button", { name: "Đồng ý" }).click();
    await page.getByText("Bước 1/").waitFor();
    await settle(page);

    await showStepErrors(page);
    await measure("step-1-errors", { zoom: true });
    const code = await fileKhaiSinhFromStep1(
      page,
      async (moment) => {
        if (moment === "photo") await measure("step-2-photo", { zoom: true });
        if (moment === "review") await measure("review", { zoom: true });
        if (moment === "receipt") await measure("receipt", { zoom: true });
      },
      async (step) => {
        if (step < 4) await showStepErrors(page);
        await measure(step < 4 ? `step-${step}-errors` : `step-${step}`, { zoom: step < 4 });
      },
    );

    await page.getByRole("button", { name: "Theo dõi hồ sơ" }).click();
    await page.getByText("Quá trình giải quyết").waitFor();
    await settle(page);
    await measure("tracking", { zoom: true });

    // An officer receives the dossier and asks for the birth proof again: the supplement form shows.
    await askForSupplement(phone.browser, server.baseUrl, code, SUPPLEMENT_MESSAGE);

    await page.goto(server.baseUrl);
    await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
    await settle(page);
    await measure("home-with-dossier", { zoom: true });
    await page
      .getByRole("button", { name: new RegExp(code.replace(/-/g, "[- ]?")) })
      .first()
      .click();
    await page.getByRole("region", { name: "Cần bổ sung hồ sơ" }).getByText(SUPPLEMENT_MESSAGE).waitFor();
    await settle(page);
    await measure("tracking-supplement", { zoom: true });

    // The list with a dossier in it, opened by its address (a link from a Zalo message lands so).
    await page.goto(`${server.baseUrl}/ho-so`);
    await page
      .getByRole("button", { name: new RegExp(code.replace(/-/g, "[- ]?")) })
      .first()
      .waitFor();
    await settle(page);
    await measure("dossier-list", { zoom: true });
    await page.getByRole("button", { name: "Quay lại" }).click();
    await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
    await settle(page);

    await page.getByRole("button", { name: /^Dữ liệu của tôi/ }).click();
    await page.getByRole("heading", { name: "Thông tin của bạn" }).waitFor();
    await settle(page);
    await measure("my-data", { zoom: true });
    await page.getByRole("button", { name: "Xoá dữ liệu của tôi" }).click();
    await page.getByRole("dialog", { name: "Xoá toàn bộ dữ liệu của bạn?" }).waitFor();
    await measure("my-data-delete-dialog", { zoom: true });
    await page.getByRole("button", { name: "Không xoá" }).click();
    await page.getByRole("button", { name: "Sửa thông tin" }).click();
    await page.getByRole("button", { name: /Lưu/ }).first().waitFor();
    await measure("my-data-edit", { zoom: true });

    console.info(`accessibility: ${measured.length} screens measured: ${measured.join(", ")}`);
    expect(problems.join("\n\n")).toBe("");
    expect(phone.consoleErrors).toEqual([]);
  }, 600_000);

  it("the conflict dialog: the draft changed on another phone while this one typed", async () => {
    // A phone of its own: a new citizen, whatever the walk above left behind.
    const own = await openPhone(chromiumPath ?? "");
    try {
      await showConflict(own);
    } finally {
      await own.close();
    }
  });

  async function showConflict(own: PhoneBrowser): Promise<void> {
    const { page } = own;
    const before = problems.length;
    await startKhaiSinhAsNewCitizen(page, server.baseUrl, "Đỗ Thị Mai");
    const name = page.getByLabel("Họ, chữ đệm và tên").first();
    await name.fill("Đỗ Thị Mai");
    await page.getByText("Đã lưu", { exact: true }).waitFor({ timeout: 15_000 });

    // "Another phone": the same citizen's session saves another name through the API.
    expect(await renameOnAnotherPhone(page, "Đỗ Thị Mai", "Đỗ Thị Mây")).toBe(200);

    await name.fill("Đỗ Thị Mai Anh");
    const dialog = page.getByRole("dialog", { name: "Bản nháp vừa được sửa trên thiết bị khác" });
    await dialog.waitFor({ timeout: 15_000 });
    await measure("conflict-dialog", { zoom: true }, own);
    await dialog
      .getByRole("radio", { name: /^Trên máy này/ })
      .first()
      .check();
    await dialog.getByRole("button", { name: "Giữ thông tin đã chọn" }).click();
    await dialog.waitFor({ state: "detached" });

    // Home with the draft waiting ("Tiếp tục"), at 390 and at 200 %.
    await page.goto(server.baseUrl);
    await page
      .getByRole("button", { name: /^Tiếp tục: / })
      .first()
      .waitFor();
    await settle(page);
    await measure("home-with-draft", { zoom: true }, own);
    expect(problems.slice(before).join("\n\n")).toBe("");
    // The stale save's 409 is the point of the test; Chromium logs every failed request.
    expect(own.consoleErrors.filter((line) => !line.includes("status of 409"))).toEqual([]);
  }
});
