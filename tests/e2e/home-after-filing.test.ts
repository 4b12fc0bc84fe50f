import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { announceMissingChromium, findChromium, openPhone, type PhoneBrowser } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProduct, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { fileKhaiSinhFromStep1, settle, startKhaiSinhAsNewCitizen } from "./filing-flow";

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const PHONE_HEIGHT = 844;

/**
 * After filing, as a new user sees it at 390×844: the receipt's code in the one form used everywhere,
 * the new dossier at the top of Home saying whose it is, the tracking page with what was filed, the
 * commune picker naming the province, and a procedure's fees each said once.
 */
describe.skipIf(!chromiumPath)("home, tracking and picker after filing (phone, 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser | undefined;

  beforeAll(async () => {
    ({ database, server } = await startProduct());
  });
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });
  afterAll(async () => {
    await stopProduct({ server, database });
  });

  it("receipt → Home (the new dossier in view) → tracking with the filed answers → picker → fees", async () => {
    phone = await openPhone(chromiumPath ?? "");
    const { page } = phone;
    await startKhaiSinhAsNewCitizen(page, server.baseUrl, "Nguyễn Thị Lan");
    await fileKhaiSinhFromStep1(page);

    // The receipt shows the code as typed everywhere else: with dashes, not spaces.
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered on screen is the point.
    const shown = (await page.getByTestId("dossier-code").innerText()).trim();
    expect(shown).toMatch(/^00292-[2-9A-HK-NP-Y]{4}-[2-9A-HK-NP-Y]{4}$/);
    await page.getByText("Nguyễn Minh Khôi").first().waitFor();
    await phone.screenshot("after-filing-01-receipt");

    await page.getByRole("button", { name: "Về trang chủ" }).click();
    await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
    const row = page.getByTestId("dossier-row").first();
    await row.waitFor();
    await settle(page);
    await expect.poll(() => row.textContent()).toContain(`Mã hồ sơ: ${shown}`);
    expect(await row.getByTestId("dossier-subject").textContent()).toBe("Nguyễn Minh Khôi");
    // In view without scrolling: the whole row sits above the bottom of the phone's screen.
    const box = await row.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.y ?? PHONE_HEIGHT) + (box?.height ?? 0)).toBeLessThanOrEqual(PHONE_HEIGHT);
    await phone.screenshot("after-filing-02-home");

    await row.click();
    await page.getByText("Quá trình giải quyết").waitFor();
    await settle(page);
    expect(await page.getByText(`Mã hồ sơ: ${shown}`).count()).toBe(1);
    await phone.screenshot("after-filing-03-tracking");
    const filed = page.getByTestId("filed-answers");
    await filed.getByText("Thông tin đã nộp").click();
    const photoRow = filed.locator(".dvc-review__row").filter({ hasText: "Ảnh Giấy chứng sinh" });
    await photoRow.waitFor();
    await photoRow.scrollIntoViewIfNeeded();
    await phone.screenshot("after-filing-04-tracking-filed");
    // The attachment by the name the app gave it on upload.
    expect(await photoRow.locator("dd").textContent()).toBe("1 tệp: Ảnh Giấy chứng sinh (1).jpg");
    // The CCCD typed on step 1 shows only its last digits here.
    expect(await filed.textContent()).not.toMatch(/\d{12}/);

    await page.goto(server.baseUrl);
    await page.getByRole("button", { name: "Đổi" }).click();
    await page.getByRole("textbox", { name: "Tìm xã/phường" }).fill("bach mai");
    // The search answers after a pause in typing: wait for its one result, not the full list before it.
    await page.getByText("1 xã/phường", { exact: true }).waitFor();
    const first = page.getByRole("button", { name: /^Phường\s*Bạch Mai/ }).first();
    await first.waitFor();
    await settle(page);
    expect(await first.locator(".dvc-commune-row__name").textContent()).toBe("Bạch Mai");
    expect(await first.locator(".dvc-commune-row__meta").textContent()).toMatch(/^Phường · Hà Nội/);
    await phone.screenshot("after-filing-05-commune-picker");
    // Picked again, Home's chip names the ward in full and its province below.
    await first.click();
    const chip = page.getByTestId("chosen-commune");
    await chip.waitFor();
    await settle(page);
    expect(await chip.textContent()).toBe("Phường Bạch Mai");
    const province = page.locator(".dvc-chosen__province");
    expect(await province.textContent()).toBe("Hà Nội");
    await province.scrollIntoViewIfNeeded();
    await phone.screenshot("after-filing-06-home-commune");

    await page.goto(server.baseUrl);
    await page.getByRole("searchbox").fill("khai sinh");
    // From the search's results: Home's own list now has a row titled "Đăng ký khai sinh" too.
    await page
      .getByRole("list", { name: "Kết quả tìm kiếm" })
      .getByRole("button", { name: /^Đăng ký khai sinh/ })
      .first()
      .click();
    await page.getByRole("heading", { name: "Đăng ký khai sinh", level: 1 }).waitFor();
    await settle(page);
    const fees = page.getByTestId("fee-list");
    await fees.scrollIntoViewIfNeeded();
    // The catalog lists the same fee for three channels: one row says it once.
    expect(await fees.locator(".dvc-facts__row").count()).toBe(1);
    expect(await fees.locator("dt").textContent()).toBe("Nộp trực tuyến, trực tiếp hoặc qua bưu chính");
    await phone.screenshot("after-filing-07-procedure-fees");
    expect(phone.consoleErrors).toEqual([]);
  });
});
