import { render, screen, waitFor, within } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { writeStoredSession } from "../api/session-token";
import { AppShell } from "../app";
import { reloadSessionForTests } from "../session/session";
import { DOSSIER, FakeServer, signedInCitizen } from "../test/filing-fixture";

const server = setupServer();
let fake: FakeServer;
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  fake = new FakeServer();
  server.use(...fake.handlers());
  signedInCitizen();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe("Home's dossiers", () => {
  it("come first on Home, newest first, each saying whose it is and its code with dashes", {
    timeout: 20_000,
  }, async () => {
    // The server's order is not trusted: the one filed last is listed first whatever comes.
    fake.dossiers.set("older", {
      ...DOSSIER,
      code: "00292-AB23-CD4E",
      procedureTitle: "Đăng ký kết hôn",
      subjectName: "Nguyễn Thị Lan và Trần Văn Bình",
      submittedAt: "2026-10-01T02:00:00.000Z",
    });
    fake.dossiers.set("newest", { ...DOSSIER, subjectName: "Nguyễn Minh Khôi" });
    fake.dossiers.set("no-name", {
      ...DOSSIER,
      code: "00292-EF56-GH7K",
      procedureTitle: "Xác nhận cư trú",
      subjectName: null,
      submittedAt: "2026-11-01T02:00:00.000Z",
    });
    render(<AppShell />);

    const card = await screen.findByTestId("home-dossiers", {}, { timeout: 5000 });
    const rows = await within(card).findAllByTestId("dossier-row");
    expect(rows.map((row) => row.querySelector(".dvc-row__title")?.textContent)).toEqual([
      "Đăng ký khai sinh",
      "Xác nhận cư trú",
      "Đăng ký kết hôn",
    ]);
    expect(within(rows[0] as HTMLElement).getByTestId("dossier-subject").textContent).toBe(
      "Nguyễn Minh Khôi",
    );
    expect(within(rows[0] as HTMLElement).getByText("Mã hồ sơ: 00292-K7M4-RX26")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByTestId("dossier-subject")).toBeNull();
    expect(within(rows[2] as HTMLElement).getByTestId("dossier-subject").textContent).toBe(
      "Nguyễn Thị Lan và Trần Văn Bình",
    );

    // Above the search: in view on coming back from the receipt, without scrolling.
    const search = screen.getByRole("searchbox");
    expect(card.compareDocumentPosition(search) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it("take no room when none was filed yet: the search comes first", async () => {
    render(<AppShell />);
    await waitFor(() => expect(fake.calls("GET", "/api/dossiers")).toHaveLength(1));
    // Listed as loading until the answer comes, then gone.
    await waitFor(() => expect(screen.queryByText("Đang tải…")).toBeNull());
    expect(screen.queryByTestId("home-dossiers")).toBeNull();
    expect(screen.queryByRole("button", { name: "Đăng nhập để xem hồ sơ" })).toBeNull();
  });

  it("signed out, Home offers to sign in where the dossiers would be", async () => {
    writeStoredSession(null);
    reloadSessionForTests();
    render(<AppShell />);
    expect(await screen.findByRole("button", { name: "Đăng nhập để xem hồ sơ" })).toBeTruthy();
    expect(screen.queryByTestId("home-dossiers")).toBeNull();
    expect(fake.calls("GET", "/api/dossiers")).toEqual([]);
  });
});
