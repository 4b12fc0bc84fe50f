import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/** Steps a resident takes on the /sandbox page (Zalo's chat with the OA), shared by the end-to-end tests. */

/**
 * Opens /sandbox, adds the resident who is `citizenName` on Zalo (linked to the sandbox Mini App user of
 * that name, so the product can reach them and give them their own dossiers' detail) and follows the OA.
 */
export async function followAsLinkedResident(
  page: Page,
  baseUrl: string,
  citizenName: string,
): Promise<void> {
  await page.goto(`${baseUrl}/sandbox`);
  await page.getByRole("heading", { name: /\(sandbox\)$/ }).waitFor();
  await page.getByTestId("add-resident").click();
  const dialog = page.getByRole("dialog", { name: "Thêm cư dân" });
  await dialog.getByLabel("Tên hiển thị trên Zalo").fill(`${citizenName} (Zalo)`);
  await dialog
    .getByLabel("Người này đã dùng Mini App?")
    .selectOption({ label: `${citizenName} (đã dùng Mini App)` });
  await dialog.getByRole("button", { name: "Thêm", exact: true }).click();
  await dialog.waitFor({ state: "hidden" });
  const toggle = page.getByTestId("follow-toggle");
  await expect.poll(() => toggle.textContent()).toBe("Quan tâm");
  await toggle.click();
  await expect.poll(() => toggle.textContent()).toBe("Bỏ quan tâm");
}

/** The OA's message about this dossier that holds `text` (the newest one when several do). */
export const oaMessageAbout = (page: Page, code: string, text: string | RegExp): Locator =>
  page
    .getByTestId("bubble-oa")
    .filter({ hasText: `Hồ sơ ${code}` })
    .filter({ hasText: text })
    .last();

/** Zalo's caption under an OA message: "Đã gửi", "Đã nhận", "Đã xem". */
export const deliveryCaption = (bubble: Locator): Locator =>
  bubble.locator("xpath=..").getByTestId("delivery-state");

/** The message's "Xem hồ sơ trên Mini App" button (a link to the Mini App on Zalo). */
export const openDossierButton = (bubble: Locator): Locator =>
  bubble.getByTestId("oa-button").filter({ hasText: "Xem hồ sơ trên Mini App" });

/** The sandbox's own link beside that button: the same Mini App path, opened in the web preview. */
export const openInPreviewLink = (bubble: Locator): Locator =>
  bubble.getByRole("link", { name: "Mở trong Mini App (sandbox)" });
