import type { NoticeSubscription, PublicNotice } from "@dvc/shared/api/notices";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppShell } from "../app";
import { CHOSEN_COMMUNE_KEY } from "../citizen/use-chosen-commune";
import { signedInCitizen } from "../test/filing-fixture";

/** The "Thông báo" tab (issue 13 §7): the chosen commune's notices, a notice whole, offline, Zalo switch. */

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const WATER: PublicNotice = {
  id: "0b6f6c4e-9a55-4a8e-9d2a-1f0a7a0c0001",
  communeCode: "00292",
  category: "utilities",
  categoryLabel: "Điện, nước",
  title: "Tạm ngừng cấp nước ngõ 12",
  body: "Từ 8:00 đến 17:00 ngày 10/12, Công ty nước sạch sửa đường ống.\n\nBà con chủ động trữ nước.",
  procedureCode: null,
  hasImage: false,
  publishedAt: "2026-12-05T02:00:00.000Z",
  expiresAt: "2026-12-12T02:00:00.000Z",
};
const SUBSIDY: PublicNotice = {
  id: "0b6f6c4e-9a55-4a8e-9d2a-1f0a7a0c0002",
  communeCode: "00292",
  category: "social_support",
  categoryLabel: "An sinh, trợ cấp",
  title: "Nhận hồ sơ trợ cấp khai sinh đến 20/12",
  body: "Gia đình có con sinh năm 2026 nộp hồ sơ trước ngày 20/12.",
  procedureCode: "1.001193",
  hasImage: true,
  publishedAt: "2026-12-06T03:30:00.000Z",
  expiresAt: "2026-12-20T10:00:00.000Z",
};

function chooseBachMai(): void {
  window.localStorage.setItem(CHOSEN_COMMUNE_KEY, JSON.stringify({ code: "00292", name: "Phường Bạch Mai" }));
}

function openAt(path: string): void {
  window.history.replaceState(null, "", path);
  render(<AppShell />);
}

function noticeApi(notices: () => PublicNotice[] | "down") {
  const asked: string[] = [];
  server.use(
    http.get("*/api/notices", ({ request }) => {
      asked.push(new URL(request.url).searchParams.get("communeCode") ?? "");
      const list = notices();
      return list === "down"
        ? HttpResponse.error()
        : HttpResponse.json({ communeCode: "00292", notices: list });
    }),
    http.get("*/api/notices/:id", ({ params }) => {
      const list = notices();
      if (list === "down") return HttpResponse.error();
      const found = list.find((notice) => notice.id === params.id);
      return found
        ? HttpResponse.json(found)
        : HttpResponse.json({ code: "NOT_FOUND", message: "Không tìm thấy thông báo." }, { status: 404 });
    }),
    http.get("*/api/notices/:id/image", () => new HttpResponse(null, { status: 404 })),
  );
  return asked;
}

describe("the notices tab", () => {
  it("asks for the commune first when none is chosen, and opens the picker", async () => {
    noticeApi(() => []);
    server.use(http.get("*/api/units/communes", () => HttpResponse.json({ communes: [] })));
    openAt("/thong-bao");
    expect(await screen.findByRole("heading", { level: 1, name: "Thông báo" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Chọn xã/phường của bạn" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: /Chọn xã\/phường/ }, { timeout: 5000 }),
    ).toBeTruthy();
  });

  it("lists the commune's notices newest first, and opens one whole with its procedure button", {
    timeout: 20_000,
  }, async () => {
    chooseBachMai();
    const asked = noticeApi(() => [WATER, SUBSIDY]);
    openAt("/thong-bao");
    const rows = await screen.findAllByTestId("notice-row", {}, { timeout: 5000 });
    expect(asked).toEqual(["00292"]);
    expect(screen.getAllByRole("heading", { level: 1 })).toHaveLength(1);
    expect(screen.getByText(/Phường Bạch Mai/)).toBeTruthy();
    expect(rows.map((row) => within(row).getByText(/ngõ 12|trợ cấp khai sinh/).textContent)).toEqual([
      SUBSIDY.title,
      WATER.title,
    ]);
    const first = rows[0];
    if (!first) throw new Error("no row");
    expect(within(first).getByText("An sinh, trợ cấp")).toBeTruthy();
    expect(within(first).getByText("06/12/2026")).toBeTruthy();
    expect(within(first).getByText(/Gia đình có con sinh năm 2026/)).toBeTruthy();

    fireEvent.click(first);
    expect(await screen.findByRole("heading", { level: 1, name: SUBSIDY.title })).toBeTruthy();
    expect(screen.getByText(/Hiệu lực đến 20\/12\/2026/)).toBeTruthy();
    expect(screen.getByRole("img", { name: "Ảnh kèm thông báo" }).getAttribute("src")).toMatch(
      new RegExp(`/api/notices/${SUBSIDY.id}/image$`),
    );
    fireEvent.click(screen.getByRole("button", { name: "Nộp hồ sơ" }));
    await waitFor(() => expect(window.location.pathname).toBe("/nop/moi/1.001193"));
  });

  it("keeps showing the last list, saying when it was loaded, when the server cannot be reached", {
    timeout: 20_000,
  }, async () => {
    chooseBachMai();
    let answer: PublicNotice[] | "down" = [WATER];
    noticeApi(() => answer);
    openAt("/thong-bao");
    await screen.findByText(WATER.title, {}, { timeout: 5000 });
    expect(screen.queryByTestId("saved-copy")).toBeNull();

    // The app opened again with no connection.
    answer = "down";
    cleanup();
    openAt("/thong-bao");
    const saved = await screen.findByTestId("saved-copy", {}, { timeout: 5000 });
    expect(saved.textContent).toMatch(/Đang xem bản đã lưu lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
    expect(screen.getByText(WATER.title)).toBeTruthy();

    answer = [WATER, SUBSIDY];
    fireEvent.click(within(saved).getByRole("button", { name: "Thử lại" }));
    await screen.findByText(SUBSIDY.title);
    expect(screen.queryByTestId("saved-copy")).toBeNull();

    // Offline, a chat link to a notice of the kept list still opens it.
    answer = "down";
    cleanup();
    openAt(`/thong-bao/${WATER.id}`);
    expect(await screen.findByRole("heading", { level: 1, name: WATER.title })).toBeTruthy();
    await screen.findByTestId("saved-copy");
    expect(screen.getByTestId("notice-body").textContent).toContain("Bà con chủ động trữ nước.");
  });

  it("says there is nothing new yet, naming the commune", async () => {
    chooseBachMai();
    noticeApi(() => []);
    openAt("/thong-bao");
    expect(await screen.findByText("Chưa có thông báo mới", {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/Thông báo của UBND Phường Bạch Mai sẽ hiện ở đây/)).toBeTruthy();
  });

  it("opens a notice from a chat link, and says so when it is gone", async () => {
    noticeApi(() => [WATER]);
    openAt(`/thong-bao/${WATER.id}`);
    expect(
      await screen.findByRole("heading", { level: 1, name: WATER.title }, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Nộp hồ sơ" })).toBeNull();
  });

  it("says a notice that is no longer published is gone", async () => {
    noticeApi(() => []);
    openAt(`/thong-bao/${WATER.id}`);
    expect(
      await screen.findByText("Thông báo này không còn hiệu lực hoặc không tồn tại.", {}, { timeout: 5000 }),
    ).toBeTruthy();
  });

  it("is reachable from Home", async () => {
    chooseBachMai();
    openAt("/");
    const entry = await screen.findByRole("button", { name: /Thông báo/ });
    expect(entry.textContent).toContain("Tin mới từ UBND Phường Bạch Mai");
  });
});

describe("Nhận thông báo qua Zalo", () => {
  function subscriptionApi(
    initial: NoticeSubscription,
    afterPut: (communeCode: string | null) => NoticeSubscription,
  ) {
    const puts: unknown[] = [];
    let current = initial;
    server.use(
      http.get("*/api/notices/subscription", () => HttpResponse.json(current)),
      http.put("*/api/notices/subscription", async ({ request }) => {
        const body = (await request.json()) as { communeCode: string | null };
        puts.push(body);
        current = afterPut(body.communeCode);
        return HttpResponse.json(current);
      }),
    );
    return puts;
  }

  it("subscribes the signed-in citizen to the chosen commune and explains how to follow the OA", {
    timeout: 20_000,
  }, async () => {
    signedInCitizen();
    // msw tries the handlers added last first: /subscription must come before /:id.
    noticeApi(() => [WATER]);
    // As the server answers: a citizen who does not follow the OA has nothing stored.
    let following = false;
    const puts = subscriptionApi({ communeCode: null, zalo: "not_subscribed" }, (communeCode) =>
      following
        ? { communeCode, zalo: communeCode ? "subscribed" : "not_subscribed" }
        : { communeCode: null, zalo: "not_following" },
    );
    openAt("/thong-bao");
    const toggle = await screen.findByRole<HTMLInputElement>(
      "switch",
      { name: /Nhận thông báo qua Zalo/ },
      {
        timeout: 5000,
      },
    );
    await screen.findByText("Đang tắt: bạn vẫn xem được thông báo ở đây.");
    expect(toggle.checked).toBe(false);

    fireEvent.click(toggle);
    await screen.findByText(/chưa quan tâm Official Account/);
    expect(toggle.checked).toBe(false);
    expect(screen.getByText("Chưa bật được: cần quan tâm Official Account trước.")).toBeTruthy();
    expect(screen.getByText(/tìm Official Account “Dịch vụ công” và bấm “Quan tâm”/)).toBeTruthy();
    expect(puts).toEqual([{ communeCode: "00292" }]);

    // After following the OA (outside this screen), switching on works and off again.
    following = true;
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(true));
    expect(screen.queryByText(/chưa quan tâm Official Account/)).toBeNull();
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.checked).toBe(false));
    expect(puts).toEqual([{ communeCode: "00292" }, { communeCode: "00292" }, { communeCode: null }]);
  });

  it("keeps the switch as it was and says why when saving fails", { timeout: 20_000 }, async () => {
    signedInCitizen();
    noticeApi(() => [WATER]);
    server.use(
      http.get("*/api/notices/subscription", () =>
        HttpResponse.json({ communeCode: null, zalo: "not_subscribed" }),
      ),
      http.put("*/api/notices/subscription", () =>
        HttpResponse.json(
          { code: "DB_UNAVAILABLE", message: "Hệ thống đang bận. Vui lòng thử lại sau ít phút." },
          { status: 503 },
        ),
      ),
    );
    openAt("/thong-bao");
    const toggle = await screen.findByRole<HTMLInputElement>("switch", {}, { timeout: 5000 });
    await screen.findByText("Đang tắt: bạn vẫn xem được thông báo ở đây.");
    fireEvent.click(toggle);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Hệ thống đang bận. Vui lòng thử lại sau ít phút.",
    );
    expect(toggle.checked).toBe(false);
  });
});
