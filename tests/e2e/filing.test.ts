import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RATE_LIMITS } from "../../bot-server/src/http/rate-limit";
import { watchCitizenApi } from "../support/api-burst";
import { announceMissingChromium, findChromium, openPhone, type PhoneBrowser } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProduct, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { fileKhaiSinhFromStep1, fillRequester, next, settle, startKhaiSinhAsNewCitizen } from "./filing-flow";

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

describe.skipIf(!chromiumPath)("a citizen files khai sinh from the web preview (phone, 390×844)", () => {
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

  it("sandbox sign-in → search → steps → photo → review → submit → code shown → dossier listed", async () => {
    phone = await openPhone(chromiumPath ?? "");
    const { page } = phone;
    const citizenApi = watchCitizenApi(page);
    await startKhaiSinhAsNewCitizen(page, server.baseUrl, "Nguyễn Thị Lan");
    await phone.screenshot("filing-01-step1");
    const shots = {
      photo: "filing-02-photo",
      review: "filing-03-review",
      receipt: "filing-04-receipt",
    } as const;
    const code = await fileKhaiSinhFromStep1(page, async (moment) => {
      await phone?.screenshot(shots[moment]);
    });
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
