import type { SentMessageView } from "@dvc/bot-server/zalo-sandbox/page-contract";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FeedView } from "./feed-view";
import { clock, linkRuns } from "./payload";

const GROUP_ID = "8c2e41f07d9b35e6a421";

function groupPost(id: number, message: unknown): SentMessageView {
  return {
    id,
    channel: "oa_group",
    recipient: GROUP_ID,
    messageId: `g${id}`,
    payload: { recipient: { group_id: GROUP_ID }, message },
    createdAt: new Date(2026, 11, 7, 9, 5).toISOString(),
  };
}

const media = (element: Record<string, string>) => ({
  type: "template",
  payload: { template_type: "media", elements: [{ media_type: "image", ...element }] },
});

function draw(items: SentMessageView[]) {
  render(<FeedView items={items} groups={new Map([[GROUP_ID, "Tổ dân phố 5 — Phường Ba Đình"]])} />);
  return screen.getAllByTestId("feed-item");
}

describe("the Nhóm & ZNS tab's group posts", () => {
  it("shows an image post: the group, the time, a placeholder for an uploaded image, the caption with links", () => {
    const caption =
      "THÔNG BÁO cắt nước\nThời gian: 8:00–11:00.\nChi tiết: https://zalo.me/s/555/thong-bao/1.";
    const [item] = draw([groupPost(1, { text: caption, attachment: media({ attachment_id: "aXk9" }) })]);
    const card = item as HTMLElement;
    const at = clock(new Date(2026, 11, 7, 9, 5).getTime());
    expect(card.textContent?.startsWith(`Nhóm: Tổ dân phố 5 — Phường Ba Đình · ${at}`)).toBe(true);
    expect(within(card).getByTestId("picture-placeholder").textContent).toBe("[Ảnh]");
    expect(within(card).queryByRole("img")).toBeNull();
    const link = within(card).getByRole("link", { name: "https://zalo.me/s/555/thong-bao/1" });
    expect(link.getAttribute("href")).toBe("https://zalo.me/s/555/thong-bao/1");
    expect(link.getAttribute("rel")).toContain("noopener");
    // Line breaks are kept as typed (the paragraph's CSS is pre-wrap).
    expect(link.closest("p")?.textContent).toBe(caption);
  });

  it("shows an image sent by URL as a picture, never a javascript: link", () => {
    const [item] = draw([
      groupPost(2, { text: "Ảnh lịch tiêm", attachment: media({ url: "https://example.vn/lich.png" }) }),
      groupPost(3, { text: "Bấm javascript:alert(1) hoặc http://x" }),
    ]);
    expect(
      within(item as HTMLElement)
        .getByRole("img")
        .getAttribute("src"),
    ).toBe("https://example.vn/lich.png");
    expect(screen.queryByRole("link", { name: /javascript/ })).toBeNull();
  });
});

describe("links in running text", () => {
  it("cuts http(s) addresses out, leaving a sentence's closing mark outside", () => {
    expect(linkRuns("Xem https://a.vn/x, rồi gọi.")).toEqual([
      { text: "Xem ", url: null },
      { text: "https://a.vn/x", url: "https://a.vn/x" },
      { text: ", rồi gọi.", url: null },
    ]);
    expect(linkRuns("không có liên kết")).toEqual([{ text: "không có liên kết", url: null }]);
  });
});
