import type { Page } from "playwright-core";
import { solidPng } from "../support/test-png";

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

/** A point of the filing worth a screenshot. */
export type FilingMoment = "photo" | "review" | "receipt";

/**
 * From step 1 to the receipt: the mother files for her newborn (requester, child with the birth proof
 * photo, father, copies), checks the review, pledges and submits. Returns the dossier code as shown.
 */
export async function fileKhaiSinhFromStep1(
  page: Page,
  moment: (name: FilingMoment) => Promise<void> = async () => {},
  /** Called on arriving at steps 2, 3 and 4, before anything is typed (the accessibility test's checks). */
  arrived: (step: number) => Promise<void> = async () => {},
): Promise<string> {
  await fillRequester(page);
  await next(page, 2);
  await arrived(2);

  await page.getByLabel("Họ, chữ đệm và tên").first().fill("Nguyễn Minh Khôi");
  await page
    .getByLabel(/^Ngày sinh/)
    .first()
    .fill("20/11/2026");
  await page.getByLabel("Nam", { exact: true }).check();
  await page.getByLabel("Dân tộc").selectOption("Kinh");
  await page
    .getByRole("button", { name: /Xã\/phường/ })
    .first()
    .click();
  await page.getByRole("textbox", { name: "Tìm xã/phường" }).fill("bach mai");
  await page.getByRole("button", { name: /^Phường Bạch Mai/ }).click();
  await page.getByLabel("Tên cơ sở y tế hoặc địa chỉ nơi sinh").fill("Bệnh viện Bạch Mai, 78 Giải Phóng");
  await attachBirthCertificatePhoto(page, 1200, 1600);
  await moment("photo");
  await next(page, 3);
  await arrived(3);

  await page.getByLabel("Có", { exact: true }).check();
  await page.getByLabel("Họ, chữ đệm và tên").first().fill("Trần Văn Bình");
  await page.getByLabel("Số CCCD").first().fill("001090012345");
  await page.getByLabel("Quê quán của cha").check();
  await next(page, 4);
  await arrived(4);
  await page.getByLabel(/Số bản sao/).fill("2");

  await page.getByRole("button", { name: "Kiểm tra lại hồ sơ" }).click();
  await page.getByRole("heading", { name: "Kiểm tra lại hồ sơ" }).waitFor();
  await settle(page);
  await moment("review");
  await page.getByLabel("Tôi đã đọc và cam đoan như trên").check();
  await page.getByRole("button", { name: "Nộp hồ sơ" }).click();

  const codeElement = page.getByTestId("dossier-code");
  await codeElement.waitFor({ timeout: 30_000 });
  await settle(page);
  await moment("receipt");
  // The code as read on screen: its groups are spaced by layout, which only innerText reflects.
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point.
  return (await codeElement.innerText()).trim().replace(/\s+/g, "-");
}

/** Step 2's photo of the birth notice (giấy chứng sinh), through the app's file chooser, until uploaded. */
export async function attachBirthCertificatePhoto(page: Page, width: number, height: number): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: /Chọn ảnh/ }).click();
  await (await chooser).setFiles({
    name: "giay-chung-sinh.png",
    mimeType: "image/png",
    buffer: solidPng(width, height),
  });
  await page.getByText("Đã tải lên").waitFor({ timeout: 30_000 });
}
