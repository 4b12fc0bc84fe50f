import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SANDBOX_IDS } from "../../bot-server/src/config";
import { announceMissingChromium, findChromium, type PhoneBrowser, SCREENSHOT_DIR } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { fileKhaiSinhFromStep1, settle, startKhaiSinhAsNewCitizen } from "./filing-flow";
import { followAsLinkedResident } from "./sandbox-flow";

/**
 * The delivery engine end to end, in the web preview and the /sandbox page at a phone's size, against
 * the real server (its delivery worker and the sandbox's receipts): a citizen files; the resident who is
 * that citizen on Zalo follows the OA; the submit receipt ("Đã nộp") reaches their chat with a button to
 * the dossier, the sandbox sends its receipts back, and the dossier's timeline says it was delivered and
 * seen.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

/** Worker poll (500 ms) + send + the sandbox's two receipt delays (1.5 s each) + page polls. */
const DELIVERY_TIMEOUT_MS = 20_000;
const CITIZEN = "Hoàng Thị Mai";

async function untilSeenByProduct(database: ServerDatabase, code: string): Promise<void> {
  if (!database.url) return;
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await expect
      .poll(
        async () =>
          (await client.query("select status from deliveries where dossier_code = $1", [code])).rows[0]
            ?.status,
        { timeout: DELIVERY_TIMEOUT_MS, interval: 250 },
      )
      .toBe("seen");
  } finally {
    await client.end();
  }
}

describe.skipIf(!chromiumPath)("a status message reaches the resident on Zalo (phone, 390×844)", () => {
  let database: ServerDatabase;
  let server: ServerProcess;
  let phone: PhoneBrowser;

  beforeAll(async () => {
    ({ database, server, phone } = await startProductOnPhone(chromiumPath));
  });

  afterAll(async () => {
    await stopProduct({ phone, server, database });
  });

  it("files in the Mini App; the receipt arrives in the sandbox chat with its button; the timeline says seen", async () => {
    const app = phone.page;
    await startKhaiSinhAsNewCitizen(app, server.baseUrl, CITIZEN);

    const chat = await phone.context.newPage();
    await followAsLinkedResident(chat, server.baseUrl, CITIZEN);

    await app.bringToFront();
    const code = await fileKhaiSinhFromStep1(app);
    expect(code).toMatch(/^00292-/);

    await chat.bringToFront();
    const receipt = chat.getByTestId("bubble-oa").filter({ hasText: `Hồ sơ ${code}` });
    await receipt.waitFor({ timeout: DELIVERY_TIMEOUT_MS });
    await expect.poll(() => receipt.textContent()).toMatch(/Trạng thái: Đã nộp, chờ tiếp nhận/);
    expect(await receipt.textContent()).toMatch(/Hẹn trả kết quả: \d\d\/\d\d\/\d{4}/);
    const button = receipt.getByTestId("oa-button").filter({ hasText: "Xem hồ sơ trên Mini App" });
    expect(await button.getAttribute("href")).toBe(
      `https://zalo.me/s/${SANDBOX_IDS.miniAppId}/ho-so/${code}`,
    );
    const caption = receipt.locator("xpath=..").getByTestId("delivery-state");
    await expect.poll(() => caption.textContent(), { timeout: DELIVERY_TIMEOUT_MS }).toBe("Đã xem");
    await chat.screenshot({ path: join(SCREENSHOT_DIR, "delivery-01-sandbox-receipt.png") });

    // The chat shows the sandbox's own record of its receipts; the product applies them when its event
    // worker handles them. The tracking page reads once: open it when the product has the "seen".
    await untilSeenByProduct(database, code);
    await app.bringToFront();
    await app.getByRole("button", { name: "Theo dõi hồ sơ" }).click();
    await app.getByText("Quá trình giải quyết").waitFor();
    await settle(app);
    await app.getByText("Đã gửi qua Zalo · đã nhận · đã xem").waitFor({ timeout: DELIVERY_TIMEOUT_MS });
    await phone.screenshot("delivery-02-timeline-seen");
  }, 90_000);
});
