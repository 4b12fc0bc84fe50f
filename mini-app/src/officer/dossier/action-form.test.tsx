import type { OfficerDossier } from "@dvc/shared/api/officer";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  getOfficerSessionState,
  resetOfficerSessionForTests,
  SESSION_EXPIRED_MESSAGE,
} from "../session/officer-session";
import { startTestOfficerSession } from "../session/test-session";
import { dossierActions } from "./action-catalog";
import { ActionForm } from "./action-form";

const CODE = "00292-K4LY-83RB";
const CONFLICT_MESSAGE = "Không thể chuyển hồ sơ từ “Đã xử lý xong” sang “Không được tiếp nhận”.";
const REASON = "Hồ sơ thuộc thẩm quyền UBND phường nơi cư trú của người mẹ. Vui lòng nộp lại ở đó.";

const DOSSIER: OfficerDossier = {
  code: CODE,
  procedureCode: "1.001193",
  procedureTitle: "Đăng ký khai sinh",
  status: "submitted",
  statusLabel: "Mới đăng ký",
  submittedAt: "2026-12-07T01:00:00.000Z",
  dueAt: "2026-12-07T10:00:00.000Z",
  overdue: false,
  acknowledgeBy: "2026-12-07T09:00:00.000Z",
  needsApology: false,
  communeCode: "00292",
  procedureVersion: 1,
  answers: {},
  timeline: [],
  supplement: null,
  allowedNext: ["received", "refused", "supplement_requested"],
  resultFile: null,
};

const MOVED: OfficerDossier = {
  ...DOSSIER,
  status: "refused",
  statusLabel: "Không được tiếp nhận",
  allowedNext: [],
};

const server = setupServer();
/** Every status change the form sent: its Idempotency-Key and body. */
let sent: { key: string | null; body: unknown }[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  sent = [];
  startTestOfficerSession();
});
afterEach(() => {
  server.resetHandlers();
  resetOfficerSessionForTests();
});
afterAll(() => server.close());

/** The server answers each status change with the next of `answers`. */
function serverAnswers(...answers: (() => Response)[]): void {
  server.use(
    http.post("*/api/officer/dossiers/:code/status", async ({ request }) => {
      sent.push({ key: request.headers.get("Idempotency-Key"), body: await request.json() });
      const answer = answers[Math.min(sent.length, answers.length) - 1];
      return answer ? answer() : HttpResponse.json(MOVED);
    }),
  );
}

const errorBody = (code: string, message: string, status: number, fields?: Record<string, string>) =>
  HttpResponse.json({ code, message, requestId: "req-1", ...(fields ? { fields } : {}) }, { status });

function renderRefusal(onMoved = vi.fn()) {
  const [refuse] = dossierActions("submitted", ["refused"]);
  if (!refuse) throw new Error("no refusal action");
  render(<ActionForm dossier={DOSSIER} action={refuse} form={null} onMoved={onMoved} onReload={() => {}} />);
  const reason = screen.getByRole("textbox", { name: "Lý do (gửi cho người dân)" });
  fireEvent.change(reason, { target: { value: REASON } });
  const submit = () => fireEvent.click(screen.getByRole("button", { name: /Từ chối tiếp nhận|Gửi lại/ }));
  return { reason, submit, onMoved };
}

describe("the action form", () => {
  it("keeps the typed reason and shows the server's message when the status machine says no (409)", async () => {
    serverAnswers(() => errorBody("CONFLICT", CONFLICT_MESSAGE, 409));
    const { reason, submit, onMoved } = renderRefusal();
    submit();

    expect((await screen.findByRole("alert")).textContent).toContain(CONFLICT_MESSAGE);
    expect((reason as HTMLTextAreaElement).value).toBe(REASON);
    expect(screen.getByRole("button", { name: "Tải lại hồ sơ để xem trạng thái mới" })).toBeTruthy();
    expect(onMoved).not.toHaveBeenCalled();
    expect(sent).toEqual([
      { key: expect.stringMatching(/^officer-status-/), body: { to: "refused", reason: REASON } },
    ]);
  });

  it("asks for a reason before sending anything", async () => {
    serverAnswers();
    const { reason, submit } = renderRefusal();
    fireEvent.change(reason, { target: { value: "   " } });
    submit();
    expect(await screen.findByText("Vui lòng ghi lý do.")).toBeTruthy();
    expect(sent).toEqual([]);
  });

  it("shows a field refused by the server (400) beside it, the text still there", async () => {
    serverAnswers(() =>
      errorBody(
        "VALIDATION_FAILED",
        "Thông tin chưa đúng. Vui lòng sửa các mục được đánh dấu rồi gửi lại.",
        400,
        {
          reason: "Vui lòng ghi lý do để gửi cho người dân.",
        },
      ),
    );
    const { reason, submit } = renderRefusal();
    submit();
    expect(await screen.findByText("Vui lòng ghi lý do để gửi cho người dân.")).toBeTruthy();
    expect(reason.getAttribute("aria-invalid")).toBe("true");
    expect((reason as HTMLTextAreaElement).value).toBe(REASON);
  });

  it("retries a lost answer with the same Idempotency-Key, so the move is made once", async () => {
    serverAnswers(
      () => HttpResponse.error(),
      () => HttpResponse.json(MOVED, { headers: { "Idempotent-Replayed": "true" } }),
    );
    const { reason, submit, onMoved } = renderRefusal();
    submit();
    expect((await screen.findByRole("alert")).textContent).toContain("Không kết nối được máy chủ");
    expect((reason as HTMLTextAreaElement).value).toBe(REASON);

    submit();
    await waitFor(() => expect(onMoved).toHaveBeenCalledWith(MOVED));
    expect(sent).toHaveLength(2);
    expect(sent[1]?.key).toBe(sent[0]?.key);
  });

  it("a 401 ends the officer's session with the expiry notice, the typed reason kept", async () => {
    serverAnswers(() =>
      errorBody("UNAUTHENTICATED", "Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.", 401),
    );
    const { reason, submit } = renderRefusal();
    submit();
    await waitFor(() => expect(getOfficerSessionState().session).toBeNull());
    expect(getOfficerSessionState().notice).toBe(SESSION_EXPIRED_MESSAGE);
    expect((reason as HTMLTextAreaElement).value).toBe(REASON);
    expect((await screen.findByRole("alert")).textContent).toContain("bấm “Gửi lại” để gửi");
    expect(screen.getByRole("button", { name: "Gửi lại" })).toBeTruthy();
  });

  it("uploads the chosen result file first, then moves the dossier with its id; the place may stay empty", async () => {
    const fileId = "0b6f9a4e-2c1d-4e8f-9a7b-3c5d6e7f8a9b";
    let uploads = 0;
    server.use(
      http.post("*/api/officer/dossiers/:code/result-file", () => {
        uploads += 1;
        return HttpResponse.json(
          { fileId, name: "ket-qua.pdf", sizeBytes: 9, mimeType: "application/pdf" },
          { status: 201 },
        );
      }),
    );
    serverAnswers(() => HttpResponse.json({ ...DOSSIER, status: "result_ready", allowedNext: [] }));
    const [ready] = dossierActions("processing", ["result_ready"]);
    if (!ready) throw new Error("no result_ready action");
    const onMoved = vi.fn();
    render(<ActionForm dossier={DOSSIER} action={ready} form={null} onMoved={onMoved} onReload={() => {}} />);
    const input = screen.getByLabelText("Tệp kết quả (PDF hoặc ảnh, tối đa 5 MB)");
    const file = new File(["%PDF-1.4\n"], "ket-qua.pdf", { type: "application/pdf" });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.click(screen.getByRole("button", { name: "Báo đã có kết quả" }));

    await waitFor(() => expect(onMoved).toHaveBeenCalled());
    expect(uploads).toBe(1);
    expect(sent).toEqual([
      { key: expect.stringMatching(/^officer-status-/), body: { to: "result_ready", result: { fileId } } },
    ]);
  });

  it("asks for the place and time, or a file, before sending anything; refuses a file over 5 MB", async () => {
    serverAnswers();
    const [ready] = dossierActions("processing", ["result_ready"]);
    if (!ready) throw new Error("no result_ready action");
    render(<ActionForm dossier={DOSSIER} action={ready} form={null} onMoved={vi.fn()} onReload={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Báo đã có kết quả" }));
    expect(await screen.findByText(/hoặc chọn tệp kết quả/)).toBeTruthy();

    const big = new File([new Uint8Array(5 * 1024 * 1024 + 1)], "ket-qua.pdf", { type: "application/pdf" });
    fireEvent.change(screen.getByLabelText("Tệp kết quả (PDF hoặc ảnh, tối đa 5 MB)"), {
      target: { files: [big] },
    });
    fireEvent.click(screen.getByRole("button", { name: "Báo đã có kết quả" }));
    expect(await screen.findByText(/lớn hơn 5 MB/)).toBeTruthy();
    expect(sent).toEqual([]);
  });
});
