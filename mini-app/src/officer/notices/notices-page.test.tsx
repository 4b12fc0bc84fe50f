import { render, screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { NoticeListItem } from "../api/notice-api";
import { parseOfficerRoute } from "../router";
import { resetOfficerSessionForTests } from "../session/officer-session";
import { startTestOfficerSession } from "../session/test-session";
import { NoticesPage } from "./notices-page";

const item = (
  id: string,
  status: NoticeListItem["status"],
  title: string,
  updatedAt: string,
): NoticeListItem => ({
  id,
  communeCode: "00292",
  status,
  category: "general",
  title,
  scheduledAt: null,
  expiresAt: "2026-12-31T16:59:00.000Z",
  author: "canbo.00292",
  updatedAt,
});

const server = setupServer(
  http.get("*/api/officer/notices", () =>
    HttpResponse.json({
      notices: [
        item("n1", "sent", "Họp dân tổ 5", "2026-12-05T01:00:00.000Z"),
        item("n2", "pending", "Tiêm chủng", "2026-12-06T01:00:00.000Z"),
        item("n3", "pending", "Cắt điện", "2026-12-07T01:00:00.000Z"),
      ],
    }),
  ),
);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => startTestOfficerSession());
afterEach(() => resetOfficerSessionForTests());
afterAll(() => server.close());

describe("the notices list", () => {
  it("opens on “Chờ duyệt” for a leader, newest first", async () => {
    render(<NoticesPage search={new URLSearchParams()} leader />);
    const tabs = screen.getByRole("navigation", { name: "Lọc theo trạng thái" });
    const first = within(tabs).getAllByRole("link")[0] as HTMLElement;
    expect(first.textContent).toContain("Chờ duyệt");
    expect(first.getAttribute("aria-current")).toBe("page");
    await screen.findByText("Cắt điện");
    const titles = screen
      .getAllByRole("listitem")
      .map((li) => li.querySelector(".dvc-notices__title")?.textContent);
    expect(titles.filter(Boolean)).toEqual(["Cắt điện", "Tiêm chủng"]);
  });

  it("shows every notice for an officer, and a status by its tab", async () => {
    render(<NoticesPage search={new URLSearchParams("trang-thai=sent")} leader={false} />);
    await screen.findByText("Họp dân tổ 5");
    expect(screen.queryByText("Cắt điện")).toBeNull();
    expect(screen.getByRole("link", { name: /Soạn thông báo/ }).getAttribute("href")).toBe(
      "/can-bo/thong-bao/moi",
    );
  });

  it("routes the new-notice address apart from a notice's", () => {
    expect(parseOfficerRoute("/can-bo/thong-bao/moi", "")).toEqual({ page: "newNotice" });
    expect(parseOfficerRoute("/can-bo/thong-bao/abc-1", "")).toEqual({ page: "notice", id: "abc-1" });
    expect(parseOfficerRoute("/can-bo/nhom-zalo", "")).toEqual({ page: "groups" });
  });
});
