import type { OfficerDossier } from "@dvc/shared/api/officer";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetOfficerSessionForTests } from "../session/officer-session";
import { startTestOfficerSession } from "../session/test-session";
import { ApologyPanel } from "./apology-panel";

const CODE = "00292-K4LY-83RB";
const LETTER =
  "UBND phường xin lỗi ông/bà: hồ sơ cần xác minh thêm với bệnh viện nên chưa có kết quả đúng hẹn.";

const LATE: OfficerDossier = {
  code: CODE,
  procedureCode: "1.001193",
  procedureTitle: "Đăng ký khai sinh",
  status: "processing",
  statusLabel: "Đang xử lý",
  submittedAt: "2026-12-01T01:00:00.000Z",
  dueAt: "2026-12-04T10:00:00.000Z",
  overdue: true,
  acknowledgeBy: null,
  needsApology: true,
  communeCode: "00292",
  procedureVersion: 1,
  answers: {},
  timeline: [],
  supplement: null,
  allowedNext: ["result_ready"],
  resultFile: null,
};

const server = setupServer();
let sent: { key: string | null; body: unknown }[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  sent = [];
  // Monday 7 December 2026, 10:00 in Vietnam: only the clock is fake, timers run as usual.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-12-07T03:00:00.000Z"));
  startTestOfficerSession();
});
afterEach(() => {
  vi.useRealTimers();
  server.resetHandlers();
  resetOfficerSessionForTests();
});
afterAll(() => server.close());

function serverAnswers(...answers: (() => Response)[]): void {
  server.use(
    http.post("*/api/officer/dossiers/:code/apology", async ({ request }) => {
      sent.push({ key: request.headers.get("Idempotency-Key"), body: await request.json() });
      const answer = answers[Math.min(sent.length, answers.length) - 1];
      return answer ? answer() : HttpResponse.json({ ...LATE, needsApology: false });
    }),
  );
}

function renderPanel(onSent = vi.fn()) {
  render(<ApologyPanel dossier={LATE} onSent={onSent} onReload={() => {}} />);
  const date = screen.getByLabelText("Ngày hẹn trả kết quả mới") as HTMLInputElement;
  const letter = screen.getByRole("textbox", { name: "Thư xin lỗi gửi người dân" }) as HTMLTextAreaElement;
  const submit = () => fireEvent.click(screen.getByRole("button", { name: /Gửi thư xin lỗi|Gửi lại/ }));
  return { date, letter, submit, onSent };
}

describe("the apology for a late dossier", () => {
  it("says it is owed, and refuses a Sunday before sending", async () => {
    serverAnswers();
    const { date, letter, submit } = renderPanel();
    expect(screen.getByRole("heading", { name: /Hồ sơ đã trễ hẹn — cần gửi thư xin lỗi/ })).toBeTruthy();
    expect(date.min).toBe("2026-12-08");
    fireEvent.change(date, { target: { value: "2026-12-13" } });
    fireEvent.change(letter, { target: { value: LETTER } });
    submit();
    expect(
      await screen.findByText("Ngày 13/12/2026 là Chủ nhật. Vui lòng chọn một ngày làm việc."),
    ).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("shows the server's date refusal beside the date, and retries a lost answer with the same key", async () => {
    serverAnswers(
      () =>
        HttpResponse.json(
          {
            code: "VALIDATION_FAILED",
            message: "Thông tin chưa đúng.",
            requestId: "r1",
            fields: { newDueDate: "Ngày hẹn mới phải là một ngày làm việc sau hôm nay." },
          },
          { status: 400 },
        ),
      () => HttpResponse.error(),
      () => HttpResponse.json({ ...LATE, needsApology: false, dueAt: "2026-12-09T10:00:00.000Z" }),
    );
    const { date, letter, submit, onSent } = renderPanel();
    fireEvent.change(date, { target: { value: "2026-12-08" } });
    fireEvent.change(letter, { target: { value: LETTER } });
    submit();
    expect(await screen.findByText("Ngày hẹn mới phải là một ngày làm việc sau hôm nay.")).toBeTruthy();
    expect(date.getAttribute("aria-invalid")).toBe("true");
    expect(letter.value).toBe(LETTER);

    fireEvent.change(date, { target: { value: "2026-12-09" } });
    submit();
    expect((await screen.findByRole("alert")).textContent).toContain("Nội dung bạn đã nhập vẫn được giữ.");
    submit();
    await waitFor(() => expect(onSent).toHaveBeenCalled());
    // The refusal freed its key; the lost answer's key is sent again, so the letter goes once.
    expect(sent.map((request) => request.body)).toEqual([
      { newDueDate: "2026-12-08", letter: LETTER },
      { newDueDate: "2026-12-09", letter: LETTER },
      { newDueDate: "2026-12-09", letter: LETTER },
    ]);
    expect(sent[1]?.key).not.toBe(sent[0]?.key);
    expect(sent[2]?.key).toBe(sent[1]?.key);
    expect(sent[0]?.key).toMatch(/^officer-apology-/);
  });
});
