import type { Page } from "playwright-core";

/** Steps a citizen takes in the web preview, shared by the filing end-to-end tests. */

/** Every route transition animates; wait until only one page is on screen. */
export const settle = (page: Page) =>
  page.waitForFunction(() => document.querySelectorAll(".zaui-routes-item").length === 1);

export async function chooseCommune(page: Page, oldName: string, newName: RegExp): Promise<void> {
  await page.getByRole("textbox", { name: "Tìm xã/phường" }).fill(oldName);
  await page.getByRole("button", { name: newName }).first().click();
}

/** From the home screen: pick the commune, search "khai sinh", open it, sign in as a new sandbox citizen, consent. */
export async function startKhaiSinhAsNewCitizen(
  page: Page,
  baseUrl: string,
  citizenName: string,
): Promise<void> {
  await page.goto(baseUrl);
  await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
  await page.getByRole("button", { name: "Chọn xã/phường của bạn" }).click();
  await chooseCommune(page, "bach mai", /^Phường Bạch Mai/);
  await page.getByTestId("chosen-commune").waitFor();
  await settle(page);

  await page.getByRole("searchbox").fill("khai sinh");
  await page
    .getByRole("button", { name: /^Đăng ký khai sinh/ })
    .first()
    .click();
  await page.getByRole("heading", { name: "Đăng ký khai sinh", level: 1 }).waitFor();
  await settle(page);
  await page.getByRole("button", { name: "Bắt đầu" }).click();

  await page.getByRole("heading", { name: "Đăng nhập thử (sandbox)" }).waitFor();
  await settle(page);
  await page.getByLabel("Họ và tên").fill(citizenName);
  await page.getByRole("button", { name: "Tạo và đăng nhập" }).click();
  await page.getByRole("heading", { name: "Trước khi bắt đầu" }).waitFor();
  for (const label of [
    "Nộp hồ sơ thủ tục hành chính",
    "Lưu thông tin để điền sẵn lần sau",
    "Nhận thông báo về hồ sơ qua Zalo",
  ]) {
    await page.getByRole("checkbox", { name: new RegExp(`^${label}`) }).check();
  }
  await page.getByRole("button", { name: "Đồng ý" }).click();
  await page.getByText("Bước 1/").waitFor();
  await settle(page);
}

/** Step 1, the requester: the mother, with her CCCD, address and phone. */
export async function fillRequester(page: Page): Promise<void> {
  await page.getByLabel("Họ, chữ đệm và tên").first().fill("Nguyễn Thị Lan");
  await page
    .getByLabel(/^Ngày sinh/)
    .first()
    .pressSequentially("05041992");
  await page.getByLabel("Số CCCD").first().fill("001192012345");
  await page
    .getByRole("button", { name: /Xã\/phường/ })
    .first()
    .click();
  await chooseCommune(page, "bach mai", /^Phường Bạch Mai/);
  await page.getByLabel("Số nhà, đường, thôn/tổ dân phố").first().fill("Số 5 ngõ 12 Bạch Mai");
  await page.getByLabel("Số điện thoại").first().fill("0912345678");
  await page.getByLabel("Mẹ", { exact: true }).check();
}

export async function next(page: Page, expectedStep: number): Promise<void> {
  await page.getByRole("button", { name: "Tiếp tục" }).click();
  await page.getByText(`Bước ${expectedStep}/`).waitFor();
  await settle(page);
}
