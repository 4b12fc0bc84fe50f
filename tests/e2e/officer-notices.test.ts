import { describe, expect, it } from "vitest";
import { announceMissingChromium, findChromium } from "../support/browser";
import { assignGroupAsAdmin, BA_DINH_GROUP, noticeStage } from "./notices-flow";
import { shotBoth, signInAtDesk } from "./officer-desk";

/**
 * Screenshots of the officer area's notice screens (issue 13), to be looked at: the composer (long text
 * → summary, a group at night → the warning, both previews), the notice page with its steps and live
 * progress after the leader's approval, and the Zalo groups page. At a desk and at a phone's width.
 * The full journey (sandbox, board, Mini App) is tests/e2e/notices.test.ts.
 */

const chromiumPath = findChromium();
if (!chromiumPath) announceMissingChromium();

const CODE = "00004";
const TITLE = "Lịch tiêm chủng mở rộng tháng 12";
const BODY = `${"Trạm y tế phường tổ chức tiêm chủng mở rộng cho trẻ dưới 5 tuổi vào sáng thứ Bảy. ".repeat(26)}Mang theo sổ tiêm chủng.`;
const SUMMARY =
  "Sáng thứ Bảy 13/12, trạm y tế phường tiêm chủng cho trẻ dưới 5 tuổi. Mang theo sổ tiêm chủng.";

describe.skipIf(!chromiumPath)("the officer's notice screens", () => {
  const stage = noticeStage(chromiumPath);

  it("composes, is approved, shows its progress; lists the groups", async () => {
    const { server, officer, leader, deskErrors } = stage;
    const baseUrl = server.baseUrl;
    await assignGroupAsAdmin(baseUrl, BA_DINH_GROUP.id, CODE);

    await signInAtDesk(officer, baseUrl, "canbo.00004", "Hồ sơ của Phường Ba Đình");
    await officer.getByRole("link", { name: "Thông báo", exact: true }).click();
    await officer.getByRole("link", { name: /Soạn thông báo/ }).click();
    const form = officer.getByRole("form", { name: "Soạn thông báo" });
    await form.getByLabel("Loại thông báo").selectOption({ label: "Y tế, tiêm chủng" });
    await form.getByLabel("Tiêu đề").fill(TITLE);
    await form.getByLabel("Nội dung").fill(BODY);
    await form.getByLabel("Tóm tắt gửi qua Zalo").fill(SUMMARY);
    await form.getByRole("checkbox", { name: `Nhóm “${BA_DINH_GROUP.name}”` }).check();
    await form.getByLabel("Hẹn giờ gửi").check();
    await form.getByLabel("Ngày giờ gửi (giờ Việt Nam)").fill("2099-12-12T22:30");
    await form.getByText(/Tin vào nhóm lúc đêm sẽ làm phiền cư dân/).waitFor();
    await form.getByText(/nhóm · .* nhận tin tư vấn/).waitFor();
    await shotBoth(officer, "officer-notices-01-composer");
    await officer.setViewportSize({ width: 390, height: 844 });
    await shotBoth(officer, "officer-notices-01-composer-phone");
    await officer.setViewportSize({ width: 1280, height: 800 });

    // Sent now instead, so the leader's approval starts it at once.
    await form.getByLabel("Gửi ngay khi được duyệt").check();
    await form.getByRole("button", { name: "Gửi duyệt" }).click();
    await officer.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await officer.getByText("Chờ duyệt", { exact: true }).first().waitFor();
    const noticeUrl = officer.url();

    await signInAtDesk(leader, baseUrl, "lanhdao.00004", "Hồ sơ của Phường Ba Đình");
    await leader.goto(noticeUrl);
    await leader.getByRole("heading", { level: 1, name: TITLE }).waitFor();
    await shotBoth(leader, "officer-notices-02-review");
    await leader.getByRole("button", { name: "Duyệt và cho gửi" }).click();
    await leader.getByText("Đã duyệt. Thông báo đang được gửi.").waitFor();

    // The author's page follows the notice from "Chờ duyệt" to its progress without a reload.
    await officer.getByRole("region", { name: /^(Đang gửi|Kết quả gửi)$/ }).waitFor({ timeout: 45_000 });
    await expect
      .poll(
        () =>
          officer
            .locator(".dvc-notice-progress__block")
            .filter({ hasText: "Nhóm Zalo" })
            .locator(".dvc-notice-progress__number")
            .filter({ has: officer.locator("dt", { hasText: /^(Đã gửi|Đã nhận)$/ }) })
            .locator("dd")
            .allTextContents(),
        { timeout: 45_000 },
      )
      .toContain("1");
    await shotBoth(officer, "officer-notices-03-progress");
    await officer.setViewportSize({ width: 390, height: 844 });
    await shotBoth(officer, "officer-notices-03-progress-phone");
    await officer.setViewportSize({ width: 1280, height: 800 });

    await officer.getByRole("link", { name: "Nhóm Zalo" }).click();
    await officer.getByRole("heading", { level: 1, name: "Nhóm Zalo" }).waitFor();
    await officer.getByText(BA_DINH_GROUP.name).first().waitFor();
    await officer.getByText(/lượt tạo nhóm/).waitFor();
    await shotBoth(officer, "officer-notices-04-groups");

    expect(deskErrors).toEqual([]);
  });
});
