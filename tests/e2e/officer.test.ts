import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceMissingChromium, findChromium, type PhoneBrowser } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { fileKhaiSinhFromStep1, startKhaiSinhAsNewCitizen } from "./filing-flow";
import { openDeskPage, shotBoth, signInAtDesk } from "./officer-desk";

/**
 * The officer area end to end, against the real server in sandbox mode (its demo officers): a citizen
 * files khai sinh at Phường Bạch Mai (00292) on a phone; the commune's officer signs in at /can-bo on a
 * desk (1280×800) and on a phone (390×844), finds the dossier in the inbox, receives it, then asks
 * for a supplement of one field with a message. Status and timeline are read off the screen.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const SUPPLEMENT_MESSAGE = "Ảnh Giấy chứng sinh bị mờ. Vui lòng chụp lại rõ nét, đủ bốn góc.";

function signInOfficer(page: Page, baseUrl: string): Promise<void> {
  return signInAtDesk(page, baseUrl, "canbo.00292", "Hồ sơ của Phường Bạch Mai");
}

/** The inbox filtered by the dossier's code, as an officer reading a code off a receipt would. */
async function findInInbox(page: Page, code: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Tìm theo mã hồ sơ" }).fill(code);
  await page.getByRole("button", { name: "Tìm", exact: true }).click();
  await page.waitForURL(/\?q=/);
  await page.getByRole("link", { name: new RegExp(code) }).waitFor();
  await page.getByText("1 hồ sơ, gần hạn nhất ở trên.").waitFor();
}

async function openDossier(page: Page, code: string): Promise<void> {
  await page.getByRole("link", { name: new RegExp(code) }).click();
  await page.getByRole("heading", { level: 1, name: "Đăng ký khai sinh" }).waitFor();
  await page.getByRole("heading", { name: "Quá trình xử lý" }).waitFor();
  // The answers are labelled from the procedure's form, fetched after the dossier.
  await page.getByText("Nguyễn Minh Khôi", { exact: true }).waitFor();
}

const statusLine = (page: Page) => page.getByTestId("officer-dossier-status");
const timelineItems = (page: Page) =>
  page.getByRole("list", { name: "Quá trình xử lý, mới nhất trước" }).getByRole("listitem");

describe.skipIf(!chromiumPath)("an officer works a dossier at /can-bo (desk 1280×800, phone 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;
  let desk: Page;
  const deskErrors: string[] = [];

  beforeAll(async () => {
    ({ database, server, phone } = await startProductOnPhone(chromiumPath));
    desk = await openDeskPage(phone.browser, deskErrors);
  });

  afterAll(async () => {
    await stopProduct({ phone, server, database });
  });

  it("finds the citizen's khai sinh, receives it and asks for one field again, with a message", async () => {
    const { page } = phone;
    await startKhaiSinhAsNewCitizen(page, server.baseUrl, "Phạm Thị Hoa");
    const code = await fileKhaiSinhFromStep1(page);
    expect(code).toMatch(/^00292-/);

    // At the desk: the inbox, then the dossier as filed.
    await signInOfficer(desk, server.baseUrl);
    await findInInbox(desk, code);
    const row = desk.getByRole("row", { name: new RegExp(code) });
    await expect.poll(() => row.textContent()).toContain("Mới đăng ký");
    await expect.poll(() => row.textContent()).toMatch(/(Còn|Quá hạn) .*làm việc/);
    await shotBoth(desk, "officer-01-inbox-desk");
    await openDossier(desk, code);
    await expect.poll(() => statusLine(desk).textContent()).toContain("Mới đăng ký");
    await shotBoth(desk, "officer-02-dossier-desk");

    // On a phone: the same inbox as cards, the same dossier in one column.
    await signInOfficer(page, server.baseUrl);
    await findInInbox(page, code);
    await page.locator(".dvc-inbox-card").first().waitFor();
    await shotBoth(page, "officer-03-inbox-phone");
    await openDossier(page, code);
    await shotBoth(page, "officer-04-dossier-phone");

    // Receive it.
    await desk.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
    await desk.getByRole("button", { name: "Xác nhận tiếp nhận" }).click();
    await desk.getByText("Đã chuyển hồ sơ sang “Được tiếp nhận”").waitFor();
    await expect.poll(() => statusLine(desk).textContent()).toContain("Được tiếp nhận");
    await expect.poll(() => timelineItems(desk).first().textContent()).toContain("Được tiếp nhận");

    // Ask for the birth certificate photo again: one field, with what to do.
    await desk.getByRole("button", { name: "Yêu cầu bổ sung" }).click();
    await desk.getByRole("checkbox", { name: "Ảnh Giấy chứng sinh" }).check();
    await desk.getByRole("textbox", { name: "Lời nhắn cho người dân", exact: true }).fill(SUPPLEMENT_MESSAGE);
    await desk.getByRole("button", { name: "Gửi yêu cầu bổ sung" }).click();
    await desk.getByText("Đã chuyển hồ sơ sang “Yêu cầu bổ sung giấy tờ”").waitFor();

    await expect.poll(() => statusLine(desk).textContent()).toContain("Yêu cầu bổ sung giấy tờ");
    const newest = timelineItems(desk).first();
    await expect.poll(() => newest.textContent()).toContain("Yêu cầu bổ sung giấy tờ");
    expect(await newest.textContent()).toContain(SUPPLEMENT_MESSAGE);
    expect(await newest.textContent()).toContain("Cán bộ");
    expect(await timelineItems(desk).allTextContents()).toEqual([
      expect.stringContaining("Yêu cầu bổ sung giấy tờ"),
      expect.stringContaining("Được tiếp nhận"),
      expect.stringContaining("Mới đăng ký"),
    ]);
    // The flagged field is marked among the answers, and the request is summed up at the top.
    await desk.getByText("Cần bổ sung", { exact: true }).waitFor();
    await desk.getByText(SUPPLEMENT_MESSAGE).first().waitFor();
    await shotBoth(desk, "officer-05-supplement-desk");

    // The phone sees the new state after a reload, its session kept in the tab.
    await page.reload();
    await page.getByRole("heading", { name: "Quá trình xử lý" }).waitFor();
    await expect.poll(() => statusLine(page).textContent()).toContain("Yêu cầu bổ sung giấy tờ");
    await expect.poll(() => timelineItems(page).count()).toBe(3);
    await shotBoth(page, "officer-06-supplement-phone");

    // Back in the inbox, the dossier sits under its new status tab.
    await desk.getByRole("link", { name: "Danh sách hồ sơ" }).click();
    await desk.getByRole("link", { name: /^Yêu cầu bổ sung giấy tờ/ }).click();
    await desk.getByRole("row", { name: new RegExp(code) }).waitFor();

    expect(phone.consoleErrors).toEqual([]);
    expect(deskErrors).toEqual([]);
  });
});
