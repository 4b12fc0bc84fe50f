import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppShell } from "../app";
import { DOSSIER, FakeServer, PROCEDURE, signedInCitizen } from "../test/filing-fixture";

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
  it("shows the officer's message and only the flagged field, and sends the supplement", {
    timeout: 20_000,
  }, async () => {
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
    // Home's list loads after the first paint (a lazy chunk): slow on a busy machine, so a wider wait.
    fireEvent.click(await screen.findByRole("button", { name: /Cần bổ sung giấy tờ/ }, { timeout: 5000 }));

    expect(
      await screen.findByText("Họ tên của cháu chưa khớp Giấy chứng sinh.", {}, { timeout: 5000 }),
    ).toBeTruthy();
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

  it("shows what was filed, labelled and read only, with the attachments' names, folded under the timeline", {
    timeout: 20_000,
  }, async () => {
    // Its own version: the app keeps each version's definition once fetched (the first test's has no photo).
    const withPhoto = {
      ...PROCEDURE,
      version: 2,
      form: {
        steps: (PROCEDURE.online ? PROCEDURE.form.steps : []).map((step) =>
          step.id === "tre"
            ? {
                ...step,
                fields: [
                  ...step.fields,
                  { id: "birthProof", type: "attachment", label: "Ảnh Giấy chứng sinh" },
                ],
              }
            : step,
        ),
      },
    };
    const filed = {
      ...detail("processing", "Nguyễn Minh Khôi"),
      subjectName: "Nguyễn Minh Khôi",
      procedureVersion: 2,
      answers: {
        requester: { fullName: "Nguyễn Thị Lan", dateOfBirth: "1992-04-05" },
        relationship: "me",
        childName: "Nguyễn Minh Khôi",
        birthDate: "2026-11-01",
        birthProof: [
          { fileId: "f1", name: "giay-chung-sinh.jpg", sizeBytes: 120_000, mimeType: "image/jpeg" },
          { fileId: "f2", name: "mat-sau.jpg", sizeBytes: 90_000, mimeType: "image/jpeg" },
        ],
        declaration: true,
      },
      supplement: null,
    };
    server.use(
      http.get("*/api/procedures/:code", () => HttpResponse.json(withPhoto)),
      http.get("*/api/dossiers/:code", () => HttpResponse.json(filed)),
    );
    window.history.replaceState(null, "", "/ho-so/00292-K7M4-RX26");
    render(<AppShell />);

    expect(await screen.findByText("Quá trình giải quyết", {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText("Mã hồ sơ: 00292-K7M4-RX26")).toBeTruthy();
    expect(screen.getByTestId("dossier-subject").textContent).toBe("Nguyễn Minh Khôi");

    const filedAnswers = screen.getByTestId("filed-answers");
    expect(filedAnswers.tagName).toBe("DETAILS");
    expect(filedAnswers.hasAttribute("open")).toBe(false);
    fireEvent.click(within(filedAnswers).getByText("Thông tin đã nộp"));
    const row = async (label: string) =>
      (await within(filedAnswers).findByText(label, { selector: "dt" })).nextElementSibling?.textContent;
    expect(await row("Bạn là gì của cháu?")).toBe("Mẹ");
    expect(await row("Họ và tên của cháu")).toBe("Nguyễn Minh Khôi");
    expect(await row("Ngày sinh của cháu")).toBe("01/11/2026");
    expect(await row("Ảnh Giấy chứng sinh")).toBe("2 tệp: giay-chung-sinh.jpg, mat-sau.jpg");
    // Read only: nothing to type or tick in what was filed.
    expect(within(filedAnswers).queryAllByRole("textbox")).toEqual([]);
    expect(within(filedAnswers).queryAllByRole("checkbox")).toEqual([]);
  });
});
