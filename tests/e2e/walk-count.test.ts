import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceMissingChromium, findChromium, type PhoneBrowser } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { attachBirthCertificatePhoto, chooseCommune, settle, startKhaiSinhAsNewCitizen } from "./filing-flow";

/**
 * Issue 12, item 2: the walk of khai sinh (a new citizen, then the same citizen with the profile the
 * first filing saved) and of kết hôn (returning), re-counted as a person does it: the form screens seen
 * (question pages and the review) and the fields actually filled by typing or choosing. Uploads and the
 * pledge tick are counted apart, as forms/engine/counts.ts does against the national eForm.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

/** 40 % of the national eForm's 31 fields (shared/src/procedures/catalog/khai-sinh.ts). */
const KHAI_SINH_TYPED_BOUND = 12;
const FORM_SCREEN_BOUND = 6;

interface Tally {
  walk: string;
  screens: number;
  typed: number;
  prefilled: number;
  uploads: number;
  ticks: number;
}

function tally(walk: string): Tally {
  return { walk, screens: 1, typed: 0, prefilled: 0, uploads: 0, ticks: 0 };
}

async function next(page: Page, count: Tally, expectedStep: number): Promise<void> {
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByText(`Bước ${expectedStep}/`).waitFor();
  await settle(page);
  count.screens += 1;
}

async function toReview(page: Page, count: Tally): Promise<void> {
  await page.getByRole("button", { name: "Kiểm tra lại hồ sơ" }).click();
  await page.getByRole("heading", { name: "Kiểm tra lại hồ sơ" }).waitFor();
  await settle(page);
  count.screens += 1;
}

/** Home → search → the procedure → "Bắt đầu", already signed in (consent asked again only if needed). */
async function startAgain(page: Page, baseUrl: string, search: string, title: RegExp): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
  await settle(page);
  await page.getByRole("searchbox").fill(search);
  // In the results (Home also lists the citizen's own dossiers, titled the same).
  await page
    .getByRole("list", { name: "Kết quả tìm kiếm" })
    .getByRole("button", { name: title })
    .first()
    .click();
  await page.getByRole("button", { name: "Bắt đầu" }).waitFor();
  await settle(page);
  await page.getByRole("button", { name: "Bắt đầu" }).click();
  const consent = page.getByRole("heading", { name: "Trước khi bắt đầu" });
  await Promise.race([page.getByText("Bước 1/").waitFor(), consent.waitFor()]);
  if (await consent.isVisible()) {
    await page.getByRole("checkbox", { name: /^Nộp hồ sơ thủ tục hành chính/ }).check();
    await page.getByRole("button", { name: "Đồng ý" }).click();
  }
  await page.getByText("Bước 1/").waitFor();
  await settle(page);
}

/** Step 2 of khai sinh: the child, the place of birth (facility in the chosen province) and the photo. */
async function fillChild(page: Page, count: Tally): Promise<void> {
  await page.getByLabel("Họ, chữ đệm và tên").first().fill("Nguyễn Minh Khôi");
  await page
    .getByLabel(/^Ngày sinh/)
    .first()
    .fill("20/11/2026");
  await page.getByLabel("Nam", { exact: true }).check();
  await page.getByLabel("Dân tộc").selectOption("Kinh");
  count.typed += 4;
  // The province starts at Hà Nội and stays choosable; the commune search looks in the chosen one.
  await expect.poll(() => page.getByLabel("Tỉnh/thành phố").inputValue()).toBe("01");
  count.prefilled += 1;
  await page.getByRole("button", { name: /Xã\/phường/ }).click();
  await chooseCommune(page, "bach mai", /^Phường Bạch Mai/);
  await page.getByLabel("Tên cơ sở y tế hoặc địa chỉ nơi sinh").fill("Bệnh viện Bạch Mai");
  count.typed += 2;
  await attachBirthCertificatePhoto(page, 600, 800);
  count.uploads += 1;
}

/** Step 3 with the requester as the mother: the father (known), his CCCD, the hometown. */
async function fillFather(page: Page, count: Tally): Promise<void> {
  await page.getByLabel("Có", { exact: true }).check();
  await page.getByLabel("Họ, chữ đệm và tên").first().fill("Trần Văn Bình");
  await page.getByLabel("Số CCCD").first().fill("001090012345");
  await page.getByLabel("Quê quán của cha").check();
  count.typed += 4;
}

function print(rows: Tally[]): void {
  const head = "walk                          | screens | typed | prefilled | uploads | ticks";
  const lines = rows.map(
    (row) =>
      `${row.walk.padEnd(30)}| ${String(row.screens).padStart(7)} | ${String(row.typed).padStart(5)} | ${String(row.prefilled).padStart(9)} | ${String(row.uploads).padStart(7)} | ${String(row.ticks).padStart(5)}`,
  );
  console.log(["", head, "-".repeat(head.length), ...lines, ""].join("\n"));
}

describe.skipIf(!chromiumPath)("the khai sinh and kết hôn walks, counted (phone, 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;
  const rows: Tally[] = [];

  beforeAll(async () => {
    ({ database, server, phone } = await startProductOnPhone(chromiumPath));
  });
  afterAll(async () => {
    if (rows.length > 0) print(rows);
    await stopProduct({ phone, server, database });
  });

  it("khai sinh, new citizen: name from Zalo and commune from Home prefilled; CCCD, sex and roles checked", async () => {
    const { page } = phone;
    const count = tally("khai sinh, new citizen");
    await startKhaiSinhAsNewCitizen(page, server.baseUrl, "Nguyễn Thị Lan");

    // Prefilled on first use: the sign-in name and the commune chosen on Home.
    await expect
      .poll(() => page.getByLabel("Họ, chữ đệm và tên").first().inputValue())
      .toBe("Nguyễn Thị Lan");
    await page
      .getByRole("button", { name: /Phường Bạch Mai/ })
      .first()
      .waitFor();
    count.prefilled += 2;
    await phone.screenshot("walk-01-step1-prefilled");

    await page
      .getByLabel(/^Ngày sinh/)
      .first()
      .pressSequentially("05041992");
    // A man's number (digit 4 = 0) typed by mistake, and "Mẹ" chosen.
    await page.getByLabel("Số CCCD").first().fill("001092012345");
    await page.getByLabel("Số nhà, đường, thôn/tổ dân phố").first().fill("Số 5 ngõ 12 Bạch Mai");
    await page.getByLabel("Số điện thoại").first().fill("0912345678");
    await page.getByLabel("Mẹ", { exact: true }).check();
    count.typed += 5;
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    const beside = page.locator("#w-relationship .dvc-field__error");
    await beside.waitFor();
    expect(await beside.textContent()).toContain("không chọn được “Mẹ”");
    await beside.scrollIntoViewIfNeeded();
    await phone.screenshot("walk-02-mother-with-a-mans-cccd");

    await page.getByLabel("Số CCCD").first().fill("001192012345");
    await next(page, count, 2);

    // A name too long is said as it is typed, never cut.
    const longName = `Nguyễn ${"Minh ".repeat(20)}Khôi`;
    await page.getByLabel("Họ, chữ đệm và tên").first().fill(longName);
    await expect.poll(() => page.getByLabel("Họ, chữ đệm và tên").first().inputValue()).toBe(longName);
    await page.getByText(/Đã nhập \d+ ký tự, tối đa 100/).waitFor();
    await page.getByLabel("Họ, chữ đệm và tên").first().scrollIntoViewIfNeeded();
    await phone.screenshot("walk-03-long-name-said");
    // Then "Tiếp tục": the length beside the name, and a list left blank says "chọn".
    await page.getByRole("button", { name: "Tiếp tục" }).click();
    await page.getByText("Dân tộc (Cháu được khai sinh): vui lòng chọn").first().waitFor();
    await page.getByText("Họ, chữ đệm và tên (Cháu được khai sinh): tối đa 100 ký tự").first().waitFor();
    await page.getByLabel("Dân tộc").scrollIntoViewIfNeeded();
    await phone.screenshot("walk-03b-child-errors");
    await page.getByLabel("Tên cơ sở y tế hoặc địa chỉ nơi sinh").scrollIntoViewIfNeeded();
    await phone.screenshot("walk-04-place-of-birth");
    await fillChild(page, count);
    await page.getByLabel("Tên cơ sở y tế hoặc địa chỉ nơi sinh").scrollIntoViewIfNeeded();
    await phone.screenshot("walk-05-place-of-birth-filled");
    await next(page, count, 3);

    // The mother files: her block is not asked; a man's CCCD for the father is fine.
    await fillFather(page, count);
    await next(page, count, 4);
    await page.getByRole("heading", { name: "Bản sao Giấy khai sinh" }).waitFor();
    await phone.screenshot("walk-06-copies");
    // No copies wanted: left blank.
    await toReview(page, count);

    await page.getByLabel("Tôi đã đọc và cam đoan như trên").check();
    count.ticks += 1;
    // Offline at the button: the reason shows beside it, announced, and every answer is kept.
    await phone.context.setOffline(true);
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click();
    const failure = page.locator(".dvc-actions [role=alert]");
    await failure.waitFor();
    expect(await failure.textContent()).toContain("Chưa nộp được");
    await page.getByRole("button", { name: "Nộp lại" }).scrollIntoViewIfNeeded();
    await phone.screenshot("walk-07-offline-beside-submit");
    await phone.context.setOffline(false);
    await page.getByRole("button", { name: "Nộp lại" }).click();
    await page.getByTestId("dossier-code").waitFor({ timeout: 30_000 });
    rows.push(count);
  });

  it("khai sinh again, with the profile the first filing saved: ≤ 12 typed fields on ≤ 6 form screens", async () => {
    const { page } = phone;
    const count = tally("khai sinh, saved profile");
    await startAgain(page, server.baseUrl, "khai sinh", /^Đăng ký khai sinh/);
    await expect
      .poll(() => page.getByLabel("Họ, chữ đệm và tên").first().inputValue())
      .toBe("Nguyễn Thị Lan");
    await expect.poll(() => page.getByLabel("Số CCCD").first().inputValue()).toBe("001192012345");
    // The profile keeps the phone the app's way ("84…"); the field shows it as typed locally.
    await expect.poll(() => page.getByLabel("Số điện thoại").first().inputValue()).toMatch(/912345678$/);
    // Name, date of birth, CCCD, residence, phone.
    count.prefilled += 5;
    await page.getByLabel("Mẹ", { exact: true }).check();
    count.typed += 1;
    await phone.screenshot("walk-08-step1-saved-profile");
    await next(page, count, 2);
    await fillChild(page, count);
    await next(page, count, 3);
    await fillFather(page, count);
    await next(page, count, 4);
    await toReview(page, count);
    rows.push(count);
    expect(count.typed).toBeLessThanOrEqual(KHAI_SINH_TYPED_BOUND);
    expect(count.screens).toBeLessThanOrEqual(FORM_SCREEN_BOUND);
  });

  it("kết hôn, returning citizen: the requester's sex comes from the CCCD, not asked", async () => {
    const { page } = phone;
    const count = tally("kết hôn, returning citizen");
    await startAgain(page, server.baseUrl, "kết hôn", /^Đăng ký kết hôn/);
    await expect
      .poll(() => page.getByLabel("Họ, chữ đệm và tên").first().inputValue())
      .toBe("Nguyễn Thị Lan");
    // Digit 4 of 001192012345 is 1: a woman born in the 1900s.
    await expect.poll(() => page.getByLabel("Nữ", { exact: true }).isChecked()).toBe(true);
    await page.getByText("Theo chữ số thứ 4 của số CCCD").waitFor();
    // Name, date of birth, CCCD, sex, residence, phone.
    count.prefilled += 6;
    await page.getByLabel("Chưa từng đăng ký kết hôn với ai").check();
    count.typed += 1;
    await page.getByText("Theo chữ số thứ 4 của số CCCD").scrollIntoViewIfNeeded();
    await phone.screenshot("walk-09-ket-hon-sex-from-cccd");
    await next(page, count, 2);
    await page.getByLabel("Họ, chữ đệm và tên").first().fill("Trần Văn Bình");
    await page
      .getByLabel(/^Ngày sinh/)
      .first()
      .fill("01/02/1990");
    await page.getByLabel("Số CCCD").first().fill("001090012345");
    await page.getByLabel("Chưa từng đăng ký kết hôn với ai").check();
    count.typed += 4;
    await next(page, count, 3);
    await page.getByRole("heading", { name: "Bản sao trích lục kết hôn" }).waitFor();
    await toReview(page, count);
    rows.push(count);
    expect(phone.consoleErrors).toEqual([]);
  });
});
