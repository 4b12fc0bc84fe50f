import type { OfficerConversationDetail } from "@dvc/shared/api/officer";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetOfficerSessionForTests } from "../session/officer-session";
import { startTestOfficerSession } from "../session/test-session";
import { type ChatLine, type ReplyChannel, replyChannel } from "./conversation-wording";
import { ReplyBox } from "./reply-box";
import { keepDraft } from "./reply-drafts";

const ID = "6f1c2d1e-1111-4c2b-9a55-0c7d8e9f0a1b";
const REPLY = "Chào anh, giấy chứng sinh bản gốc là đủ; anh mang thêm CCCD khi đến nhận kết quả nhé.";
const WINDOW_CLOSED_MESSAGE =
  "Người dân nhắn lần cuối đã hơn 7 ngày nên Zalo không cho gửi tin tư vấn. Vui lòng liên hệ qua hồ sơ hoặc số điện thoại người dân đã cung cấp.";
const ASKED: ChatLine = {
  author: "resident",
  kind: "text",
  text: "gặp cán bộ",
  at: "2026-12-07T02:00:00.000Z",
};

const server = setupServer();
let sent: unknown[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  sent = [];
  keepDraft(ID, "");
  startTestOfficerSession({ id: "o1", username: "admin.hanoi", role: "admin", communeCode: null });
});
afterEach(() => {
  server.resetHandlers();
  resetOfficerSessionForTests();
});
afterAll(() => server.close());

function serverAnswers(answer: () => Response): void {
  server.use(
    http.post("*/api/officer/conversations/:id/messages", async ({ request }) => {
      sent.push(await request.json());
      return answer();
    }),
  );
}

const OPEN = replyChannel({ windowOpen: true, templateAvailable: false });

function renderBox(props: { channel?: ReplyChannel; messages?: ChatLine[] } = {}) {
  const onSent = vi.fn<(detail: OfficerConversationDetail) => void>();
  const onStale = vi.fn();
  const view = render(
    <ReplyBox
      conversationId={ID}
      channel={props.channel ?? OPEN}
      messages={props.messages ?? [ASKED]}
      closed={false}
      onSent={onSent}
      onStale={onStale}
    />,
  );
  const box = screen.getByRole("textbox", { name: "Trả lời người dân" }) as HTMLTextAreaElement;
  return { box, onSent, onStale, view };
}

describe("the reply box", () => {
  it("keeps the typed reply and shows the server's message when Zalo's window has closed (409)", async () => {
    serverAnswers(() =>
      HttpResponse.json(
        { code: "CONFLICT", message: WINDOW_CLOSED_MESSAGE, requestId: "req-1" },
        { status: 409 },
      ),
    );
    const { box, onSent, onStale } = renderBox();
    fireEvent.change(box, { target: { value: REPLY } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi trả lời" }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(WINDOW_CLOSED_MESSAGE);
    expect(alert.textContent).toContain("Nội dung bạn đã nhập vẫn được giữ.");
    expect(box.value).toBe(REPLY);
    expect(onSent).not.toHaveBeenCalled();
    // What is on screen says the window is open: load it again, so the box can say why it is closed.
    expect(onStale).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([{ text: REPLY }]);
  });

  it("outside the 7-day window says so before anything is typed, and sends nothing", () => {
    serverAnswers(() => HttpResponse.json({}, { status: 500 }));
    const { box } = renderBox({ channel: replyChannel({ windowOpen: false, templateAvailable: false }) });
    expect(box.readOnly).toBe(true);
    expect(screen.getByText(/Không gửi được trả lời/)).toBeTruthy();
    const button = screen.getByRole("button", { name: "Gửi trả lời" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.submit(box.closest("form") as HTMLFormElement);
    expect(sent).toEqual([]);
  });

  it("after a lost answer, finds the reply in the transcript instead of sending it twice", async () => {
    serverAnswers(() => HttpResponse.error());
    const { box, onStale, view } = renderBox();
    fireEvent.change(box, { target: { value: REPLY } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi trả lời" }));
    expect((await screen.findByRole("alert")).textContent).toContain("chưa rõ tin đã gửi chưa");
    expect(box.value).toBe(REPLY);
    expect(onStale).toHaveBeenCalled();

    const landed: ChatLine = { author: "officer", kind: "text", text: REPLY, at: "2026-12-07T02:01:00.000Z" };
    view.rerender(
      <ReplyBox
        conversationId={ID}
        channel={OPEN}
        messages={[ASKED, landed]}
        closed={false}
        onSent={() => {}}
        onStale={() => {}}
      />,
    );
    await waitFor(() => expect(box.value).toBe(""));
    expect(screen.getByRole("status").textContent).toContain("Đã gửi");
    expect(sent).toHaveLength(1);
  });

  it("outside the window with a reply template, says replies must be short and keeps them to 200", async () => {
    const tooLong = "Thư trả lời ".repeat(20);
    serverAnswers(() =>
      HttpResponse.json(
        {
          code: "VALIDATION_FAILED",
          message: "Thông tin chưa đúng.",
          requestId: "req-2",
          fields: { text: "Tin trả lời đi bằng mẫu tin của Zalo, tối đa 200 ký tự. Vui lòng rút gọn." },
        },
        { status: 400 },
      ),
    );
    const { box } = renderBox({ channel: replyChannel({ windowOpen: false, templateAvailable: true }) });
    expect(screen.getByText(/chỉ cho gửi trả lời bằng mẫu tin đã duyệt: tối đa 200 ký tự/)).toBeTruthy();
    fireEvent.change(box, { target: { value: tooLong } });
    expect(screen.getByText(`${tooLong.trim().length}/200 ký tự`)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Gửi trả lời" }));
    expect((await screen.findByRole("alert")).textContent).toContain("tối đa 200 ký tự");
    expect(sent).toEqual([]);

    // What the server still refuses is shown by its field message, the text kept.
    fireEvent.change(box, { target: { value: "Mời anh đến UBND phường sáng mai." } });
    fireEvent.click(screen.getByRole("button", { name: "Gửi trả lời" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("mẫu tin của Zalo"));
    expect(box.value).toBe("Mời anh đến UBND phường sáng mai.");
  });

  it("checks the length before sending", async () => {
    serverAnswers(() => HttpResponse.json({}, { status: 500 }));
    const { box } = renderBox();
    fireEvent.change(box, { target: { value: "a".repeat(2_001) } });
    expect(screen.getByText("2.001/2.000 ký tự")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Gửi trả lời" }));
    expect((await screen.findByRole("alert")).textContent).toContain("dài tối đa 2.000 ký tự");
    expect(sent).toEqual([]);
  });
});
