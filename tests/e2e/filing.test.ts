import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../../bot-server/src/http/rate-limit";
import { watchCitizenApi } from "../support/api-burst";
import { announceMissingChromium, findChromium, openPhone, type PhoneBrowser } from "../support/browser";
import { databaseForServer, type ServerDatabase } from "../support/database";
import { type ServerProcess, startServerProcess } from "../support/server-process";
import { solidPng } from "../support/test-png";
import { fillRequester, next, settle, startKhaiSinhAsNewCitizen } from "./filing-flow";

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

describe.skipIf(!chromiumPath)("a citizen files khai sinh from the web preview (phone, 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser | undefined;

  beforeAll(async () => {
    database = await databaseForServer();
    server = await startServerProcess({ env: database.env, dataDir: database.dataDir });
  });
  afterEach(async () => {
    await phone?.close();
    phone = undefined;
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("sandbox sign-in → search → steps → photo → review → submit → code shown → dossier listed", async () => {
    phone = await openPhone(chromiumPath ?? "");
    const { page } = phone;
    const citizenApi = watchCitizenApi(page);
    await startKhaiSinhAsNewCitizen(page, server.baseUrl, "Nguyễn Thị Lan");
    await phone.screenshot("filing-01-step1");
    await fillRequester(page);
    await next(page, 2);

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
    await page.getByLabel("Số nhà, đường, thôn/tổ dân phố").first().fill("Bệnh viện Bạch Mai, 78 Giải Phóng");
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: /Chọn ảnh/ }).click();
    await (await chooser).setFiles({
      name: "giay-chung-sinh.png",
      mimeType: "image/png",
      buffer: solidPng(1200, 1600),
    });
    await page.getByText("Đã tải lên").waitFor({ timeout: 30_000 });
    await phone.screenshot("filing-02-photo");
    await next(page, 3);

    await page.getByLabel("Có", { exact: true }).check();
    await page.getByLabel("Họ, chữ đệm và tên").first().fill("Trần Văn Bình");
    await page.getByLabel("Số CCCD").first().fill("001090012345");
    await page.getByLabel("Quê quán của cha").check();
    await next(page, 4);
    await page.getByLabel(/Số bản sao/).fill("2");

    await page.getByRole("button", { name: "Kiểm tra lại hồ sơ" }).click();
    await page.getByRole("heading", { name: "Kiểm tra lại hồ sơ" }).waitFor();
    await settle(page);
    await phone.screenshot("filing-03-review");
    await page.getByLabel("Tôi đã đọc và cam đoan như trên").check();
    await page.getByRole("button", { name: "Nộp hồ sơ" }).click();

    const codeElement = page.getByTestId("dossier-code");
    await codeElement.waitFor({ timeout: 30_000 });
    await settle(page);
    await phone.screenshot("filing-04-receipt");
    const code = (await codeElement.innerText()).replace(/\s+/g, "-");
    expect(code).toMatch(/^00292-/);

    await page.getByRole("button", { name: "Theo dõi hồ sơ" }).click();
    await page.getByText("Quá trình giải quyết").waitFor();
    await settle(page);
    await phone.screenshot("filing-05-tracking");
    await page.goto(server.baseUrl);
    await page.getByText("Hồ sơ của tôi").first().waitFor();
    await page.getByText(`Mã hồ sơ: ${code}`).waitFor();
    await phone.screenshot("filing-06-home-listed");
    expect(phone.consoleErrors).toEqual([]);
    // The general per-citizen limit is sized from this measure (a robot faster than any person): it
    // must never refuse a real screen's requests.
    const limits = RATE_LIMITS.general.rules.map((rule) => `${rule.limit}/${rule.windowMs / 1000} s`);
    console.info(
      `citizen API burst of a filing: ${JSON.stringify(citizenApi.burst())}; limits ${limits.join(", ")}`,
    );
    expect(citizenApi.refused).toEqual([]);
  });

  it("the network cut mid-form and the page reloaded: nothing typed is lost, and it syncs when back", async () => {
    phone = await openPhone(chromiumPath ?? "");
    const { page, context } = phone;
    await startKhaiSinhAsNewCitizen(page, server.baseUrl, "Lê Văn Nam");
    await fillRequester(page);
    await next(page, 2);
    await page.getByText("Đã lưu").waitFor({ timeout: 15_000 });

    // The connection drops while the citizen types the child's name.
    await context.setOffline(true);
    await page.getByLabel("Họ, chữ đệm và tên").first().fill("Lê Gia Bảo");
    await page.getByText("Chưa đồng bộ — sẽ gửi khi có mạng").waitFor({ timeout: 15_000 });
    await phone.screenshot("offline-01-typed");

    // The phone reconnects but the server still cannot be reached; the citizen reloads the page.
    await context.route("**/api/**", (route) => route.abort("internetdisconnected"));
    await context.setOffline(false);
    await page.reload();
    await page.getByText("Bước 2/").waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByLabel("Họ, chữ đệm và tên").first().inputValue()).toBe("Lê Gia Bảo");
    await phone.screenshot("offline-02-reloaded");

    // The server is reachable again: the draft syncs by itself.
    await context.unroute("**/api/**");
    await page.getByLabel("Họ, chữ đệm và tên").first().press("End");
    await page.getByText("Đã lưu").waitFor({ timeout: 30_000 });
    await page.reload();
    await page.getByText("Bước 2/").waitFor({ timeout: 30_000 });
    expect(await page.getByLabel("Họ, chữ đệm và tên").first().inputValue()).toBe("Lê Gia Bảo");
  });
});
