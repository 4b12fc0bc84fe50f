import type { NoticeProgress, NoticeReport, OfficerNotice } from "@dvc/shared/api/notices";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetOfficerSessionForTests } from "../session/officer-session";
import { startTestOfficerSession } from "../session/test-session";
import { NoticeActions } from "./notice-actions";
import { NoticeProgressView } from "./notice-progress";

const ID = "7d0c8f8e-2b1a-4c3d-9e8f-0a1b2c3d4e5f";
const counts = (queued: number, sent: number, delivered: number, failed: number, unreachable: number) => ({
  queued,
  sent,
  delivered,
  failed,
  unreachable,
});
const SENDING: NoticeProgress = {
  status: "sending",
  enqueuing: true,
  groups: counts(1, 1, 0, 0, 0),
  followers: counts(900, 80, 20, 0, 15),
  updatedAt: "2026-12-07T02:00:00.000Z",
};
const REPORT: NoticeReport = {
  status: "sent",
  enqueuing: false,
  groups: counts(0, 2, 0, 0, 0),
  followers: counts(0, 500, 480, 3, 15),
  updatedAt: "2026-12-07T02:10:00.000Z",
  failures: [
    {
      target: "follower",
      label: "Người theo dõi …4821",
      reason: "user_blocked",
      reasonText: "Người dân đã chặn OA",
      at: null,
    },
  ],
  moreFailures: 2,
};

const server = setupServer();
let progress: NoticeProgress = SENDING;
let resent = 0;
const stepBodies: Array<{ path: string; body: unknown }> = [];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  progress = SENDING;
  resent = 0;
  stepBodies.length = 0;
  startTestOfficerSession({ id: "l1", username: "lanhdao.00292", role: "leader", communeCode: "00292" });
  server.use(
    http.get("*/api/officer/notices/:id/progress", () => HttpResponse.json(progress)),
    http.get("*/api/officer/notices/:id/report", () => HttpResponse.json(REPORT)),
    http.post("*/api/officer/notices/:id/resend-failed", () => {
      resent += 1;
      return HttpResponse.json({ requeued: 3 });
    }),
    http.post("*/api/officer/notices/:id/:step", async ({ request, params }) => {
      stepBodies.push({ path: String(params.step), body: await request.json() });
      return HttpResponse.json({});
    }),
  );
});
afterEach(() => {
  server.resetHandlers();
  resetOfficerSessionForTests();
});
afterAll(() => server.close());

const number = (block: string, label: string) => {
  const heading = screen.getByRole("heading", { name: new RegExp(`^${block}`) });
  const list = heading.parentElement as HTMLElement;
  return within(list).getByText(label).nextElementSibling?.textContent;
};

describe("the sending progress", () => {
  it("shows each audience's numbers while sending", async () => {
    render(<NoticeProgressView noticeId={ID} canResend onFinished={() => {}} />);
    await screen.findByRole("heading", { name: /^Người quan tâm OA/ });
    expect(number("Người quan tâm OA", "Đang chờ")).toBe("900");
    expect(number("Người quan tâm OA", "Chưa liên lạc được")).toBe("15");
    expect(number("Nhóm Zalo", "Đã gửi")).toBe("1");
    expect(screen.getByText(/tổng số còn tăng/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Gửi lại cho những người chưa nhận" })).toBeNull();
  });

  it("once sent, reports the failures with their reasons and sends again to the failed", async () => {
    progress = { ...REPORT, enqueuing: false };
    const onFinished = vi.fn();
    render(<NoticeProgressView noticeId={ID} canResend onFinished={onFinished} />);
    expect(await screen.findByText("Người dân đã chặn OA")).toBeTruthy();
    expect(screen.getByText("Người theo dõi …4821")).toBeTruthy();
    expect(screen.getByText("và 2 tin lỗi khác.")).toBeTruthy();
    expect(onFinished).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole("button", { name: "Gửi lại cho những người chưa nhận" }));
    await waitFor(() => expect(resent).toBe(1));
  });
});

const PENDING: OfficerNotice = {
  id: ID,
  communeCode: "00292",
  status: "pending",
  category: "health",
  title: "Tiêm chủng mở rộng",
  body: "Sáng thứ Bảy tại trạm y tế phường.",
  summary: null,
  procedureCode: null,
  groupIds: [],
  toFollowers: true,
  scheduledAt: null,
  expiresAt: "2026-12-20T16:59:00.000Z",
  hasImage: false,
  author: "canbo.00292",
  createdAt: "2026-12-07T01:00:00.000Z",
  updatedAt: "2026-12-07T01:00:00.000Z",
  version: 3,
  returnComment: null,
  steps: [],
  can: { edit: false, submit: false, review: true, cancel: true, resendFailed: false },
};

describe("a leader's review", () => {
  it("returns only with a comment, and approves against the version seen", async () => {
    const onChanged = vi.fn();
    render(<NoticeActions notice={PENDING} onEdit={() => {}} onChanged={onChanged} onReload={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Trả lại" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Vui lòng ghi điều cần sửa");
    expect(stepBodies).toEqual([]);

    fireEvent.change(screen.getByLabelText("Trả lại để sửa: điều cần sửa"), {
      target: { value: "Ghi rõ giờ bắt đầu." },
    });
    fireEvent.click(screen.getByRole("button", { name: "Trả lại" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(stepBodies).toEqual([{ path: "return", body: { version: 3, comment: "Ghi rõ giờ bắt đầu." } }]);

    fireEvent.click(screen.getByRole("button", { name: "Duyệt và cho gửi" }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(2));
    expect(stepBodies[1]).toEqual({ path: "approve", body: { version: 3 } });
  });

  it("cancels only after a confirmation", async () => {
    render(<NoticeActions notice={PENDING} onEdit={() => {}} onChanged={() => {}} onReload={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Huỷ thông báo…" }));
    expect(stepBodies).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Huỷ thông báo" }));
    await waitFor(() => expect(stepBodies).toEqual([{ path: "cancel", body: { version: 3 } }]));
  });
});
