import type { NoticeAudience, OfficerNotice } from "@dvc/shared/api/notices";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetOfficerSessionForTests } from "../session/officer-session";
import { startTestOfficerSession } from "../session/test-session";
import { SUMMARY_REASON } from "./composer-form";
import { NoticeComposer } from "./notice-composer";
import { NIGHT_FOLLOWERS, NIGHT_WARNING } from "./schedule-field";

const NOTICE_ID = "7d0c8f8e-2b1a-4c3d-9e8f-0a1b2c3d4e5f";
const GROUP = {
  groupId: "a1b2c3d4e5",
  name: "Tổ dân phố 5",
  description: null,
  groupLink: "https://zalo.me/g/abc",
  communeCode: "00292",
  status: "active",
  syncedAt: null,
};
const AUDIENCE: NoticeAudience = {
  groups: 1,
  followers: { consultation: 120, template: 30, unreachable: 15 },
};

const server = setupServer();
let posted: unknown[] = [];
let audienceAsked: string[] = [];
let createAnswer: () => Response = () => HttpResponse.json({ id: NOTICE_ID }, { status: 201 });

function savedNotice(body: Record<string, unknown>): OfficerNotice {
  return {
    id: NOTICE_ID,
    communeCode: "00292",
    status: "draft",
    category: "utilities",
    title: String(body.title),
    body: String(body.body),
    summary: null,
    procedureCode: null,
    groupIds: [],
    toFollowers: true,
    scheduledAt: null,
    expiresAt: String(body.expiresAt),
    hasImage: false,
    author: "canbo.00292",
    createdAt: "2026-12-07T01:00:00.000Z",
    updatedAt: "2026-12-07T01:00:00.000Z",
    version: 1,
    returnComment: null,
    steps: [],
    can: { edit: true, submit: true, review: false, cancel: true, resendFailed: false },
  };
}

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  posted = [];
  audienceAsked = [];
  createAnswer = () => HttpResponse.json({ id: NOTICE_ID }, { status: 201 });
  startTestOfficerSession();
  server.use(
    http.get("*/api/officer/groups", () => HttpResponse.json({ groups: [GROUP], groupQuota: 3 })),
    http.get("*/api/officer/notices/audience", ({ request }) => {
      audienceAsked.push(new URL(request.url).search);
      return HttpResponse.json(AUDIENCE);
    }),
    http.get("*/api/units/communes/:code", () =>
      HttpResponse.json({
        code: "00292",
        name: "Phường Bạch Mai",
        type: "Phường",
        provinceCode: "01",
        provinceName: "Thành phố Hà Nội",
        predecessors: [],
      }),
    ),
    http.post("*/api/officer/notices", async ({ request }) => {
      posted.push(await request.json());
      return createAnswer();
    }),
    http.get("*/api/officer/notices/:id", () =>
      HttpResponse.json(savedNotice((posted.at(-1) ?? {}) as Record<string, unknown>)),
    ),
  );
});
afterEach(() => {
  server.resetHandlers();
  resetOfficerSessionForTests();
});
afterAll(() => server.close());

function renderComposer() {
  const onDone = vi.fn<(id: string) => void>();
  render(<NoticeComposer initial={null} officerCommune="00292" admin={false} onDone={onDone} />);
  return { onDone };
}

const field = (name: string) => screen.getByLabelText(name) as HTMLInputElement;

function fillIn(body = "Cắt nước từ 8:00 đến 11:00 ngày 9/12 để sửa đường ống trên phố Bạch Mai.") {
  fireEvent.change(field("Loại thông báo"), { target: { value: "utilities" } });
  fireEvent.change(field("Tiêu đề"), { target: { value: "Tạm ngừng cấp nước" } });
  fireEvent.change(field("Nội dung"), { target: { value: body } });
}

describe("the notice composer", () => {
  it("keeps everything typed when the save fails, then saves the same notice", async () => {
    createAnswer = () =>
      HttpResponse.json(
        { code: "INTERNAL", message: "Máy chủ đang bận. Vui lòng thử lại.", requestId: "r" },
        { status: 500 },
      );
    const { onDone } = renderComposer();
    fillIn();
    fireEvent.click(await screen.findByLabelText("Nhóm “Tổ dân phố 5”"));
    fireEvent.click(screen.getByRole("button", { name: "Lưu nháp" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Máy chủ đang bận");
    expect(alert.textContent).toContain("Nội dung bạn đã nhập vẫn được giữ.");
    expect(field("Tiêu đề").value).toBe("Tạm ngừng cấp nước");
    expect(field("Nội dung").value).toContain("Cắt nước");
    expect((screen.getByLabelText("Nhóm “Tổ dân phố 5”") as HTMLInputElement).checked).toBe(true);
    expect(onDone).not.toHaveBeenCalled();

    createAnswer = () => HttpResponse.json({ id: NOTICE_ID }, { status: 201 });
    fireEvent.click(screen.getByRole("button", { name: "Lưu nháp" }));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(NOTICE_ID));
    expect(posted).toHaveLength(2);
    expect(posted[1]).toMatchObject({
      communeCode: "00292",
      category: "utilities",
      title: "Tạm ngừng cấp nước",
      groupIds: ["a1b2c3d4e5"],
      toFollowers: true,
      summary: null,
      scheduledAt: null,
    });
  });

  it("asks for a summary, with the reason, when the text does not fit one Zalo message", async () => {
    renderComposer();
    fillIn("Nội dung rất dài. ".repeat(130));
    expect(screen.getByText(SUMMARY_REASON)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Lưu nháp" }));
    expect((await screen.findByRole("alert")).textContent).toContain("sửa các mục được đánh dấu");
    expect(screen.getByText(/Vui lòng viết tóm tắt ngắn/)).toBeTruthy();
    expect(posted).toEqual([]);
  });

  it("shows the audience per channel and asks again when the choice changes", async () => {
    renderComposer();
    expect(
      await screen.findByText(
        "1 nhóm · 120 nhận tin tư vấn · 30 nhận tin mẫu · 15 chưa liên lạc được qua Zalo (vẫn xem được trong Mini App và bảng tin)",
      ),
    ).toBeTruthy();
    fireEvent.click(await screen.findByLabelText("Nhóm “Tổ dân phố 5”"));
    await waitFor(() => expect(audienceAsked.at(-1)).toContain("groupIds=a1b2c3d4e5"));
  });

  it("refuses an image that Zalo would not take, before any upload", async () => {
    renderComposer();
    const input = field("Ảnh kèm theo (không bắt buộc)");
    const big = new File([new Uint8Array(1_000_001)], "anh.jpg", { type: "image/jpeg" });
    fireEvent.change(input, { target: { files: [big] } });
    expect(screen.getByText(/Ảnh lớn hơn 1 MB/)).toBeTruthy();
    const gif = new File([new Uint8Array(10)], "anh.gif", { type: "image/gif" });
    fireEvent.change(input, { target: { files: [gif] } });
    expect(screen.getByText(/chỉ nhận ảnh JPG hoặc PNG/)).toBeTruthy();
    const ok = new File([new Uint8Array(10)], "anh.png", { type: "image/png" });
    fireEvent.change(input, { target: { files: [ok] } });
    expect(screen.getByText("Đã chọn: anh.png")).toBeTruthy();
  });

  it("warns about a night post to groups, and says follower messages wait for 06:00", async () => {
    renderComposer();
    fillIn();
    fireEvent.click(await screen.findByLabelText("Nhóm “Tổ dân phố 5”"));
    fireEvent.click(screen.getByLabelText("Hẹn giờ gửi"));
    fireEvent.change(field("Ngày giờ gửi (giờ Việt Nam)"), { target: { value: "2099-12-09T23:30" } });
    const note = screen.getByRole("note");
    expect(note.textContent).toContain(NIGHT_WARNING);
    expect(note.textContent).toContain(NIGHT_FOLLOWERS);
    fireEvent.change(field("Ngày giờ gửi (giờ Việt Nam)"), { target: { value: "2099-12-09T07:30" } });
    expect(screen.queryByRole("note")).toBeNull();
  });

  it("previews the group post and the resident's message from the shared text", async () => {
    renderComposer();
    fillIn();
    const group = screen.getByText("Trong nhóm Zalo").closest("figure") as HTMLElement;
    await waitFor(() => expect(within(group).getByText(/UBND Phường Bạch Mai/)).toBeTruthy());
    expect(within(group).getByText(/📢 Tạm ngừng cấp nước/)).toBeTruthy();
    const chat = screen.getByText("Tin nhắn tới người dân").closest("figure") as HTMLElement;
    expect(within(chat).getByText("Xem thông báo")).toBeTruthy();
  });
});
