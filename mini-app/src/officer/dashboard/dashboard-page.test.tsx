import type { Officer } from "@dvc/shared/api/officer";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetOfficerSessionForTests } from "../session/officer-session";
import { startTestOfficerSession } from "../session/test-session";
import { dashboardFixture } from "./dashboard-fixture";
import { DashboardPage } from "./dashboard-page";
import { presetRange } from "./range";

const LEADER: Officer = { id: "o2", username: "lanhdao.00292", role: "leader", communeCode: "00292" };
const ADMIN: Officer = { id: "o3", username: "admin.hanoi", role: "admin", communeCode: null };

let asked: URL[] = [];
let csvAuth: string | null = null;
let answer = dashboardFixture();

const server = setupServer(
  http.get("*/api/officer/dashboard", ({ request }) => {
    asked.push(new URL(request.url));
    return HttpResponse.json(answer);
  }),
  http.get("*/api/officer/dashboard/export/:table", ({ request }) => {
    asked.push(new URL(request.url));
    csvAuth = request.headers.get("Authorization");
    return new HttpResponse("Mã hồ sơ,Thủ tục\n00292-AAAA-BBBB,Đăng ký khai sinh\n", {
      headers: { "Content-Type": "text/csv; charset=utf-8" },
    });
  }),
  http.get("*/api/units/communes", () =>
    HttpResponse.json({
      communes: [
        { code: "00292", name: "Phường Bạch Mai", type: "Phường", provinceCode: "01", matchedOldNames: [] },
      ],
    }),
  ),
  http.get("*/api/units/communes/:code", ({ params }) =>
    HttpResponse.json({ code: params.code, name: "Phường Bạch Mai", type: "Phường", provinceCode: "01" }),
  ),
);

beforeAll(() => {
  server.listen({ onUnhandledRequest: "error" });
  // jsdom draws nothing: no 2D context, as in a browser without canvas; the charts step aside and
  // their tables remain.
  HTMLCanvasElement.prototype.getContext = () => null;
});
beforeEach(() => {
  asked = [];
  answer = dashboardFixture();
});
afterEach(() => {
  resetOfficerSessionForTests();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

const figure = (id: string) => document.querySelector(`[data-figure="${id}"]`)?.textContent ?? "";

describe("the leaders' dashboard", () => {
  it("asks for the range in the address and shows every figure in words, with its legal name", async () => {
    startTestOfficerSession(LEADER);
    render(
      <DashboardPage search={new URLSearchParams("from=2026-12-01&to=2026-12-07")} officerRole="leader" />,
    );
    await screen.findByText("Xong đúng hẹn");
    expect(asked.map((url) => url.search)).toEqual(["?from=2026-12-01&to=2026-12-07"]);
    expect(figure("received")).toContain("8");
    expect(figure("on-time")).toContain("87,5%");
    expect(figure("on-time")).toContain("7 trên 8 hồ sơ đã có kết quả");
    expect(figure("on-time")).toContain("Quyết định 766/QĐ-TTg");
    expect(figure("online")).toContain("75%");
    expect(figure("self-submitted")).toContain("83,3%");
    expect(figure("overdue")).toContain("1");
    expect(figure("unreachable")).toContain("Tin nhắn chưa đến người dân");
    expect(screen.getByText(/01\/12\/2026 – 07\/12\/2026/)).toBeTruthy();
  });

  it("lists overdue dossiers with links to them, and gives each table a CSV", async () => {
    startTestOfficerSession(LEADER);
    render(
      <DashboardPage search={new URLSearchParams("from=2026-12-01&to=2026-12-07")} officerRole="leader" />,
    );
    const overdue = await screen.findByRole("region", { name: "Hồ sơ đang quá hẹn" });
    expect(within(overdue).getByRole("link", { name: "00292-AAAA-BBBB" }).getAttribute("href")).toBe(
      "/can-bo/ho-so/00292-AAAA-BBBB",
    );
    expect(within(overdue).getByText("2 ngày làm việc")).toBeTruthy();
    const unreachable = screen.getByRole("region", { name: "Tin nhắn chưa đến người dân" });
    expect(within(unreachable).getByText("Zalo từ chối gửi")).toBeTruthy();
    expect(within(unreachable).getByText("Đăng ký khai sinh")).toBeTruthy();
    for (const what of [
      "số liệu tổng hợp",
      "số liệu theo thủ tục",
      "hồ sơ đang quá hẹn",
      "tin nhắn chưa đến người dân",
    ]) {
      expect(screen.getByRole("button", { name: `Tải CSV: ${what}` })).toBeTruthy();
    }
    // The daily chart's numbers, for whoever cannot see it.
    const daily = screen.getByRole("table", { name: "Số hồ sơ nhận mới và có kết quả theo ngày" });
    expect(
      within(daily)
        .getAllByRole("row")
        .map((row) => row.textContent),
    ).toEqual(["NgàyNhận mớiCó kết quả", "01/12/202631", "02/12/202657"]);
  });

  it("downloads a table as CSV with the officer's token, named by table and range", async () => {
    startTestOfficerSession(LEADER);
    URL.createObjectURL = vi.fn(() => "blob:csv");
    URL.revokeObjectURL = vi.fn();
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.href}`);
    });
    render(
      <DashboardPage search={new URLSearchParams("from=2026-12-01&to=2026-12-07")} officerRole="leader" />,
    );
    fireEvent.click(await screen.findByRole("button", { name: "Tải CSV: hồ sơ đang quá hẹn" }));
    await waitFor(() => expect(saved).toEqual(["ho-so-qua-han_2026-12-01_2026-12-07.csv blob:csv"]));
    const exported = asked.find((url) => url.pathname.includes("/export/"));
    expect(`${exported?.pathname}${exported?.search}`).toBe(
      "/api/officer/dashboard/export/overdue.csv?from=2026-12-01&to=2026-12-07",
    );
    expect(csvAuth).toBe("Bearer officer-token");
  });

  it("says so when the range is empty", async () => {
    startTestOfficerSession(LEADER);
    answer = dashboardFixture({
      summary: {
        ...dashboardFixture().summary,
        received: 0,
        resolved: 0,
        overdueNow: 0,
        unreachableMessages: 0,
      },
      procedures: [],
      overdue: [],
      unreachable: [],
    });
    render(
      <DashboardPage search={new URLSearchParams("from=2026-12-01&to=2026-12-07")} officerRole="leader" />,
    );
    await screen.findByText("Không có hồ sơ nào từ 01/12/2026 – 07/12/2026.");
    expect(screen.queryByText("Xong đúng hẹn")).toBeNull();
  });

  it("refuses a custom range that ends before it starts, keeping what was typed", async () => {
    startTestOfficerSession(LEADER);
    window.history.replaceState(null, "", "/can-bo/bao-cao");
    render(<DashboardPage search={new URLSearchParams("")} officerRole="leader" />);
    await screen.findByText("Xong đúng hẹn");
    const thisMonth = presetRange("this-month", new Date());
    expect(asked[0]?.search).toBe(`?from=${thisMonth.from}&to=${thisMonth.to}`);
    fireEvent.change(screen.getByLabelText("Từ ngày"), { target: { value: "2026-11-20" } });
    fireEvent.change(screen.getByLabelText("Đến ngày"), { target: { value: "2026-11-10" } });
    fireEvent.click(screen.getByRole("button", { name: "Xem" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(/Ngày bắt đầu phải trước/);
    expect((screen.getByLabelText("Từ ngày") as HTMLInputElement).value).toBe("2026-11-20");
    expect(window.location.search).toBe("");

    fireEvent.change(screen.getByLabelText("Đến ngày"), { target: { value: "2026-11-30" } });
    fireEvent.click(screen.getByRole("button", { name: "Xem" }));
    expect(window.location.search).toBe("?from=2026-11-20&to=2026-11-30");
  });

  it("lets a province admin pick a commune, the whole province by default", async () => {
    startTestOfficerSession(ADMIN);
    answer = dashboardFixture({ communeCode: null });
    window.history.replaceState(null, "", "/can-bo/bao-cao?from=2026-12-01&to=2026-12-07");
    render(
      <DashboardPage search={new URLSearchParams("from=2026-12-01&to=2026-12-07")} officerRole="admin" />,
    );
    await screen.findByText("Toàn tỉnh", { selector: "strong" });
    const select = screen.getByLabelText("Xã/phường") as HTMLSelectElement;
    expect(select.value).toBe("");
    expect(within(select).getByRole("option", { name: "Toàn tỉnh" })).toBeTruthy();
    // Province-wide, the overdue list says each dossier's commune.
    expect(screen.getByRole("columnheader", { name: "Mã xã" })).toBeTruthy();
    await within(select).findByRole("option", { name: "Phường Bạch Mai" });
    fireEvent.change(select, { target: { value: "00292" } });
    expect(window.location.search).toBe("?from=2026-12-01&to=2026-12-07&commune=00292");
  });

  it("tells a commune officer the dashboard is not theirs, asking nothing", () => {
    startTestOfficerSession();
    render(<DashboardPage search={new URLSearchParams("")} officerRole="officer" />);
    expect(screen.getByText("Chỉ lãnh đạo xã/phường và cán bộ tỉnh xem được báo cáo.")).toBeTruthy();
    expect(asked).toEqual([]);
  });
});
