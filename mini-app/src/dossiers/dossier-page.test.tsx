import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppShell } from "../app";
import { DOSSIER, FakeServer, signedInCitizen } from "../test/filing-fixture";

const server = setupServer();
let fake: FakeServer;
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  fake = new FakeServer();
  fake.dossiers.set("key", {
    ...DOSSIER,
    status: "supplement_requested",
    statusLabel: "Cần bổ sung giấy tờ",
  });
  server.use(...fake.handlers());
  signedInCitizen();
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function detail(status: string, childName: string) {
  return {
    ...DOSSIER,
    status,
    statusLabel: status === "supplement_requested" ? "Cần bổ sung giấy tờ" : "Đang giải quyết",
    dueAt: "2099-01-05T10:00:00.000Z",
    procedureVersion: 1,
    answers: { relationship: "me", childName, birthDate: "2020-02-01" },
    timeline: [
      {
        status: "submitted",
        label: "Đã nộp, chờ tiếp nhận",
        at: "2026-11-27T02:00:00.000Z",
        note: null,
        notice: { state: "seen", label: "Đã gửi qua Zalo · đã nhận · đã xem" },
      },
      {
        status,
        label: "Cần bổ sung giấy tờ",
        at: "2026-11-27T03:00:00.000Z",
        note: "Sai họ tên",
        notice: { state: "in_app", label: "Chưa liên lạc được qua Zalo: thông báo chỉ có trong Mini App" },
      },
    ],
    supplement:
      status === "supplement_requested"
        ? {
            fieldIds: ["childName"],
            message: "Họ tên của cháu chưa khớp Giấy chứng sinh.",
            requestedAt: "2026-11-27T03:00:00.000Z",
          }
        : null,
  };
}

describe("tracking a dossier", () => {
  it("shows the officer's message and only the flagged field, and sends the supplement", async () => {
    let sent: unknown = null;
    server.use(
      http.get("*/api/dossiers/:code", () =>
        HttpResponse.json(
          sent
            ? detail("processing", "Nguyễn Minh Khôi")
            : detail("supplement_requested", "Nguyen Minh Khoi"),
        ),
      ),
      http.post("*/api/dossiers/:code/supplement", async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json(detail("processing", "Nguyễn Minh Khôi"));
      }),
    );
    render(<AppShell />);
    fireEvent.click(await screen.findByRole("button", { name: /Cần bổ sung giấy tờ/ }));

    expect(await screen.findByText("Họ tên của cháu chưa khớp Giấy chứng sinh.")).toBeTruthy();
    expect(screen.getByTestId("countdown").textContent).toMatch(/^Còn \d+ ngày/);
    expect(screen.getByText("Sai họ tên")).toBeTruthy();
    // How each Zalo message fared, under the step it announced.
    expect(screen.getByText("Đã gửi qua Zalo · đã nhận · đã xem")).toBeTruthy();
    expect(screen.getByText(/Chưa liên lạc được qua Zalo/)).toBeTruthy();
    const name = await screen.findByLabelText<HTMLInputElement>("Họ và tên của cháu");
    expect(name.value).toBe("Nguyen Minh Khoi");
    // Nothing else of the form is asked again.
    expect(screen.queryByLabelText("Bạn là gì của cháu?")).toBeNull();

    fireEvent.change(name, { target: { value: "Nguyễn Minh Khôi" } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi bổ sung" }));
    await waitFor(() => expect(sent).toEqual({ answers: { childName: "Nguyễn Minh Khôi" } }));
    await waitFor(() => expect(screen.queryByText("Họ tên của cháu chưa khớp Giấy chứng sinh.")).toBeNull());
  });
});
