import { join } from "node:path";
import { vnMinuteOfDay } from "@dvc/shared";
import { describe, expect, it } from "vitest";
import { announceMissingChromium, findChromium, SCREENSHOT_DIR } from "../support/browser";
import { chooseCommune, settle } from "./filing-flow";
import { assignGroupAsAdmin, BA_DINH_GROUP, noticeStage, sandboxSignIn } from "./notices-flow";
import { DESK_VIEWPORT, shotBoth, signInAtDesk } from "./officer-desk";
import { followAsLinkedResident } from "./sandbox-flow";

/**
 * Issue 13 end to end, against the real server in sandbox mode (its notice dispatcher, its delivery
 * worker, the sandbox's Zalo): a resident of Phường Ba Đình (00004) signs in to the Mini App, follows
 * the OA in /sandbox and switches on "Nhận thông báo qua Zalo"; the commune's officer (canbo.00004)
 * drafts a notice to the commune's Zalo group and its followers and sends it for approval; the leader
 * (lanhdao.00004) approves it; the sandbox's "Nhóm & ZNS" tab shows the group post and the resident's
 * chat shows the message; the lobby board /bang-tin/00004 and the Mini App's "Thông báo" show it.
 * The group is assigned to the commune by the province admin first (the registry's setup, over the API).
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const CODE = "00004";
const CITIZEN = "Lê Thị Thu";
const SENDER = "UBND Phường Ba Đình";
const TITLE = "Tạm ngừng cấp nước ngày 10/12";
const BODY =
  "Để sửa đường ống trên phố Đội Cấn, nước sẽ tạm ngừng từ 8:00 đến 12:00 ngày 10/12/2026. Bà con vui lòng chủ động trữ nước.";
/** Dispatcher poll + worker poll + the sandbox's answers + the progress view's poll, on a busy machine. */
const DELIVERY_TIMEOUT_MS = 45_000;

/**
 * Follower messages wait out the quiet hours, 22:00–06:00 Vietnam time (delivery/channel-ladder.ts);
 * group posts do not. Run then, the test checks that the follower's message is held, not that it came.
 */
const quietNow = () => {
  const minute = vnMinuteOfDay(new Date());
  return minute >= 22 * 60 || minute < 6 * 60;
};

describe.skipIf(!chromiumPath)(
  "a notice: drafted, approved, posted to the group, the chat, the board and the app",
  () => {
    const stage = noticeStage(chromiumPath);

    it("reaches the group, the follower, the board and the Mini App once the leader approves", async () => {
      const { server, phone, officer, leader, deskErrors } = stage;
      const baseUrl = server.baseUrl;
      await assignGroupAsAdmin(baseUrl, BA_DINH_GROUP.id, CODE);

      // 1. The resident: Ba Đình in the Mini App, signed in, following the OA, notices on Zalo switched on.
      const app = phone.page;
      await app.goto(baseUrl);
      await app.getByRole("heading", { name: "Dịch vụ công" }).waitFor();
      await app.getByRole("button", { name: "Chọn xã/phường của bạn" }).click();
      await chooseCommune(app, "ba dinh", /^Phường Ba Đình/);
      await app.getByTestId("chosen-commune").waitFor();
      await settle(app);
      await app.getByRole("button", { name: /^Thông báo/ }).click();
      await app.getByRole("heading", { name: "Thông báo", level: 1 }).waitFor();
      const zaloSwitch = app.getByRole("switch", { name: /Nhận thông báo qua Zalo/ });
      await zaloSwitch.click();
      await sandboxSignIn(app, CITIZEN);
      await zaloSwitch.waitFor();
      const chat = await phone.context.newPage();
      await followAsLinkedResident(chat, baseUrl, CITIZEN);
      await app.bringToFront();
      await app.reload();
      await settle(app);
      // The follow reaches the product through its webhook and event worker: until it has linked the
      // resident to the citizen, switching on answers "not following" and the switch stays off. Tried
      // again (as a person would) until it holds.
      await expect
        .poll(
          async () => {
            if (!(await zaloSwitch.isChecked()) && (await zaloSwitch.isEnabled())) await zaloSwitch.click();
            return zaloSwitch.isChecked();
          },
          { timeout: 20_000, interval: 1_000 },
        )
        .toBe(true);
      await app.getByText("Bạn nhận thông báo của UBND Phường Ba Đình qua tin nhắn Zalo.").waitFor();

      // 2. The officer drafts the notice to the group and the followers, and sends it for approval.
      await signInAtDesk(officer, baseUrl, `canbo.${CODE}`, "Hồ sơ của Phường Ba Đình");
      await officer.getByRole("link", { name: "Thông báo", exact: true }).click();
      await officer.getByRole("link", { name: /Soạn thông báo/ }).click();
      const form = officer.getByRole("form", { name: "Soạn thông báo" });
      await form.getByLabel("Loại thông báo").selectOption({ label: "Điện, nước" });
      await form.getByLabel("Tiêu đề").fill(TITLE);
      await form.getByLabel("Nội dung").fill(BODY);
      await form.getByRole("checkbox", { name: `Nhóm “${BA_DINH_GROUP.name}”` }).check();
      expect(await form.getByRole("checkbox", { name: "Người quan tâm OA của xã/phường" }).isChecked()).toBe(
        true,
      );
      // Before sending: the count per channel (the resident follows, inside the 7-day window).
      await expect.poll(() => form.getByRole("status").first().textContent()).toMatch(/1/);
      await shotBoth(officer, "notices-01-composer");
      await form.getByRole("button", { name: "Gửi duyệt" }).click();
      await officer.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      const noticeUrl = officer.url();
      expect(noticeUrl).toMatch(/\/can-bo\/thong-bao\/[0-9a-f-]{36}$/);
      await shotBoth(officer, "notices-02-pending");

      // Nothing leaves before the approval.
      await chat.bringToFront();
      await chat.getByRole("tab", { name: /Nhóm & ZNS/ }).click();
      const feed = chat.getByRole("tabpanel", { name: /Nhóm & ZNS/ });
      expect(await feed.getByTestId("feed-item").filter({ hasText: TITLE }).count()).toBe(0);

      // 3. The leader approves it.
      await signInAtDesk(leader, baseUrl, `lanhdao.${CODE}`, "Hồ sơ của Phường Ba Đình");
      await leader.goto(noticeUrl);
      await leader.getByRole("heading", { level: 1, name: TITLE }).waitFor();
      // The leader reviews the very messages Zalo will carry, signed by the commune.
      const previews = leader.getByRole("region", { name: "Xem trước" });
      await previews.getByText("Tin nhắn tới người dân").waitFor();
      expect(await previews.getByText(/UBND Phường Ba Đình/).count()).toBe(2);
      await leader.getByRole("button", { name: "Duyệt và cho gửi" }).click();
      await leader.getByText("Đã duyệt. Thông báo đang được gửi.").waitFor();

      // 4. The sandbox: the group post in "Nhóm & ZNS", the message in the resident's chat.
      const post = feed.getByTestId("feed-item").filter({ hasText: TITLE });
      await post.waitFor({ timeout: DELIVERY_TIMEOUT_MS });
      expect(await post.textContent()).toContain(`Nhóm: ${BA_DINH_GROUP.name}`);
      expect(await post.textContent()).toContain(BODY);
      // Signed by the commune's People's Committee, its type written once.
      expect(await post.textContent()).toContain(`Điện, nước · ${SENDER}`);
      expect(await post.textContent()).not.toContain("Phường Phường");
      await chat.screenshot({ path: join(SCREENSHOT_DIR, "notices-03-sandbox-group-post.png") });
      const quiet = quietNow();
      if (!quiet) {
        await chat.getByRole("tab", { name: "Trò chuyện" }).click();
        const message = chat.getByTestId("bubble-oa").filter({ hasText: TITLE }).last();
        await message.waitFor({ timeout: DELIVERY_TIMEOUT_MS });
        expect(await message.textContent()).toContain(BODY);
        expect(await message.textContent()).toContain(SENDER);
        expect(await message.textContent()).not.toContain("Phường Phường");
        await message.scrollIntoViewIfNeeded();
        expect(await message.getByTestId("oa-button").filter({ hasText: "Xem thông báo" }).count()).toBe(1);
        await chat.screenshot({ path: join(SCREENSHOT_DIR, "notices-04-sandbox-chat.png") });
      } else {
        console.log(
          "quiet hours (22:00–06:00 Vietnam time): the follower's message is held; checked as queued",
        );
      }

      // 5. The progress view, live: the group sent; the follower sent (or waiting, in quiet hours).
      await officer.bringToFront();
      await officer.reload();
      const progress = officer.getByRole("region", { name: /^(Đang gửi|Kết quả gửi)$/ });
      const number = (block: string, part: string) =>
        progress
          .locator(".dvc-notice-progress__block")
          .filter({ hasText: block })
          .locator(".dvc-notice-progress__number")
          .filter({ has: officer.locator("dt", { hasText: new RegExp(`^${part}$`) }) })
          .locator("dd");
      await expect
        .poll(() => number("Nhóm Zalo", "(Đã gửi|Đã nhận)").allTextContents(), {
          timeout: DELIVERY_TIMEOUT_MS,
        })
        .toContain("1");
      await expect
        .poll(() => number("Người quan tâm OA", quiet ? "Đang chờ" : "(Đã gửi|Đã nhận)").allTextContents(), {
          timeout: DELIVERY_TIMEOUT_MS,
        })
        .toContain("1");
      await shotBoth(officer, "notices-05-progress");

      // 6. The lobby board, on a large screen and a phone, and the Mini App's "Thông báo".
      const lobby = await phone.browser.newContext({ viewport: DESK_VIEWPORT, locale: "vi-VN" });
      const board = await lobby.newPage();
      await board.goto(`${baseUrl}/bang-tin/${CODE}`);
      await board.getByText(TITLE).first().waitFor();
      await board.getByText("Phường Ba Đình").first().waitFor();
      await board.screenshot({ path: join(SCREENSHOT_DIR, "notices-06-board.png") });
      await lobby.close();

      await app.bringToFront();
      await app.reload();
      await settle(app);
      const row = app.getByRole("listitem").filter({ hasText: TITLE });
      await row.waitFor();
      await phone.screenshot("notices-07-mini-app-list");
      await row.click();
      await app.getByRole("heading", { name: TITLE }).waitFor();
      expect(await app.getByTestId("notice-body").textContent()).toContain(BODY);
      await phone.screenshot("notices-08-mini-app-notice");

      expect(deskErrors).toEqual([]);
      expect(phone.consoleErrors).toEqual([]);
    }, 240_000);
  },
);
