import { fireEvent, render, screen, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppShell } from "../app";
import { communesHandler } from "../test/communes-fixture";
import { CHOSEN_COMMUNE_KEY } from "./use-chosen-commune";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// jsdom has no layout: an accessible name joins the row's lines without the spaces a browser puts
// between blocks, hence `\s*` in the names below.

/** Opens the app on Home and taps the call to action; returns the search box. */
async function openPicker() {
  const view = render(<AppShell />);
  fireEvent.click(await screen.findByRole("button", { name: "Chọn xã/phường của bạn" }));
  const box = await screen.findByRole<HTMLInputElement>("textbox", { name: "Tìm xã/phường" });
  return { view, box };
}

function type(box: HTMLInputElement, text: string) {
  fireEvent.change(box, { target: { value: text } });
}

describe("commune picker", () => {
  it("lists every commune for an empty box and finds one by its old name typed without diacritics", async () => {
    const asked: (string | null)[] = [];
    server.use(communesHandler(asked));
    const { box } = await openPicker();

    expect(await screen.findByRole("button", { name: /^Phường\s*Ba Đình/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: /^Xã\s*Sóc Sơn/ })).toBeTruthy();
    expect(screen.getByText("4 xã/phường")).toBeTruthy();

    type(box, "hang bai");
    // The previous list stays on screen (dimmed) until the answer comes, so wait for the new line.
    const oldName = await screen.findByText("Trước đây: Phường Hàng Bài (Quận Hoàn Kiếm)");
    const row = oldName.closest("button");
    // Seen: the name once, then its type and province; heard: the full name first.
    expect(row?.querySelector(".dvc-commune-row__name")?.textContent).toBe("Cửa Nam");
    expect(row?.querySelector(".dvc-commune-row__meta")?.textContent).toBe("Phường · Hà Nội");
    expect(
      screen.getByRole("button", { name: /^Phường\s*Cửa Nam\s*· Hà Nội\s*Trước đây: Phường Hàng Bài/ }),
    ).toBe(row);
    expect(screen.queryByRole("button", { name: /^Phường\s*Ba Đình/ })).toBeNull();
    // Debounced: one request for the pause, not one per keystroke.
    expect(asked).toEqual([null, "hang bai"]);
  });

  it("remembers the tapped commune; Home shows it, also when the app is opened again", async () => {
    server.use(communesHandler());
    const { view, box } = await openPicker();
    type(box, "bach mai");
    fireEvent.click(await screen.findByRole("button", { name: /^Phường\s*Bạch Mai/ }));

    expect((await screen.findByTestId("chosen-commune")).textContent).toBe("Phường Bạch Mai");
    expect(await screen.findByText("Đã lưu: Phường Bạch Mai")).toBeTruthy();
    expect(JSON.parse(window.localStorage.getItem(CHOSEN_COMMUNE_KEY) ?? "null")).toEqual({
      code: "00292",
      name: "Phường Bạch Mai",
      provinceCode: "01",
    });
    expect(screen.getByText("Hà Nội")).toBeTruthy();

    view.unmount();
    render(<AppShell />);
    expect((await screen.findByTestId("chosen-commune")).textContent).toBe("Phường Bạch Mai");
    expect(screen.queryByRole("button", { name: "Chọn xã/phường của bạn" })).toBeNull();

    // "Đổi" reopens the picker with the current choice marked.
    fireEvent.click(screen.getByRole("button", { name: "Đổi" }));
    const current = await screen.findByRole("button", { name: /^Phường\s*Bạch Mai/ });
    expect(current.getAttribute("aria-current")).toBe("true");
  });

  it("says so, with a hint, when nothing matches", async () => {
    server.use(communesHandler());
    const { box } = await openPicker();
    type(box, "khong co xa nao");
    expect(await screen.findByText("Không tìm thấy xã/phường nào phù hợp.")).toBeTruthy();
    expect(screen.getByText(/thử gõ tên cũ trước khi sáp nhập/)).toBeTruthy();
  });

  it("shows the server's message on an error, keeps the typed query, and fetches again on Thử lại", async () => {
    let failures = 1;
    const asked: (string | null)[] = [];
    server.use(
      http.get("*/api/units/communes", ({ request }) => {
        const q = new URL(request.url).searchParams.get("q");
        asked.push(q);
        if (q !== null && failures-- > 0) {
          return HttpResponse.json(
            {
              code: "DB_UNAVAILABLE",
              message: "Hệ thống đang bận. Vui lòng thử lại sau ít phút.",
              requestId: "r1",
            },
            { status: 503 },
          );
        }
        return HttpResponse.json({
          communes: [
            {
              code: "00292",
              name: "Phường Bạch Mai",
              type: "Phường",
              provinceCode: "01",
              matchedOldNames: [],
            },
          ],
        });
      }),
    );
    const { box } = await openPicker();
    type(box, "bach mai");

    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Hệ thống đang bận. Vui lòng thử lại sau ít phút.")).toBeTruthy();
    expect(box.value).toBe("bach mai");

    fireEvent.click(within(alert).getByRole("button", { name: "Thử lại" }));
    expect(await screen.findByRole("button", { name: /^Phường\s*Bạch Mai/ })).toBeTruthy();
    expect(box.value).toBe("bach mai");
    expect(asked).toEqual([null, "bach mai", "bach mai"]);
  });
});
