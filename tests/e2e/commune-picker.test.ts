import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceMissingChromium, findChromium, type PhoneBrowser } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import { REPO_ROOT, type ServerProcess } from "../support/server-process";

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const BUILD_INDEX = join(REPO_ROOT, "mini-app", "www", "index.html");

describe.skipIf(!chromiumPath)("citizen picks their commune by its old name (phone, 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;

  beforeAll(async () => {
    if (!existsSync(BUILD_INDEX))
      throw new Error("mini-app/www is missing: run `npm test` (it builds the Mini App first)");
    ({ database, server, phone } = await startProductOnPhone(chromiumPath));
  });

  afterAll(async () => {
    await stopProduct({ phone, server, database });
  });

  it("finds the ward that absorbed Bạch Mai from 'bach mai', remembers it across a reload", async () => {
    const { page } = phone;
    await page.goto(server.baseUrl);
    await page.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
    await phone.screenshot("01-home-first-visit");

    await page.getByRole("button", { name: "Chọn xã/phường của bạn" }).click();
    await page.getByText("126 xã/phường").waitFor();
    const search = page.getByRole("textbox", { name: "Tìm xã/phường" });
    await search.fill("bach mai");
    const row = page.getByRole("button", { name: /^Phường Bạch Mai/ });
    await page.getByText("Trước đây: Phường Bạch Mai (Quận Hai Bà Trưng)").waitFor();
    await phone.screenshot("02-picker-bach-mai");

    await row.click();
    const chosen = page.getByTestId("chosen-commune");
    await expect.poll(() => chosen.textContent()).toBe("Phường Bạch Mai");
    await phone.screenshot("03-home-chosen");

    await page.reload();
    await expect.poll(() => page.getByTestId("chosen-commune").textContent()).toBe("Phường Bạch Mai");
    await phone.screenshot("04-home-after-reload");
  });

  it("finds a ward by a pre-2025 name that no longer exists ('hang bai' → Phường Cửa Nam)", async () => {
    const { page } = phone;
    await page.getByRole("button", { name: "Đổi" }).click();
    await page.getByRole("textbox", { name: "Tìm xã/phường" }).fill("hang bai");
    await page.getByText("Trước đây: Phường Hàng Bài (Quận Hoàn Kiếm)").waitFor();
    await phone.screenshot("05-picker-hang-bai");
    await page.getByRole("button", { name: /^Phường Cửa Nam/ }).click();
    await expect.poll(() => page.getByTestId("chosen-commune").textContent()).toBe("Phường Cửa Nam");
  });

  it("loaded without a CSP violation or a script error", () => {
    expect(phone.consoleErrors).toEqual([]);
  });
});
