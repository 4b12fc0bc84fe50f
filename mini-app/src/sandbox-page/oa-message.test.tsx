import type { DeliveryState, SentMessageView } from "@dvc/bot-server/zalo-sandbox/page-contract";
import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { MessageContextProvider } from "./message-context";
import { OaMessage } from "./oa-message";

const MINI_APP_ID = "5555555555";

function sent(payload: unknown, extra: Partial<SentMessageView> = {}): SentMessageView {
  return {
    id: 1,
    channel: "oa_cs",
    recipient: "4000001",
    messageId: "m1",
    payload,
    createdAt: new Date().toISOString(),
    ...extra,
  };
}

function draw(message: SentMessageView, sendText: (text: string) => void = () => {}) {
  render(
    <MessageContextProvider
      value={{
        miniAppId: MINI_APP_ID,
        templates: new Map([["300001", "Cập nhật trạng thái hồ sơ"]]),
        sendText,
      }}
    >
      <OaMessage message={message} />
    </MessageContextProvider>,
  );
  return screen.getByTestId("bubble-oa");
}

const withButtons = {
  message: {
    text: "Đăng ký khai sinh: cần tờ khai và giấy chứng sinh.",
    attachment: {
      type: "template",
      payload: {
        buttons: [
          {
            title: "Nộp hồ sơ",
            type: "oa.open.url",
            payload: { url: `https://zalo.me/s/${MINI_APP_ID}/nop/moi/1.001193` },
          },
          { title: "Gặp cán bộ", type: "oa.query.show", payload: "Gặp cán bộ" },
          { title: "Gọi tổng đài", type: "oa.open.phone", payload: { phone_code: "1900 1234" } },
          { title: "Lạ", type: "oa.open.url", payload: { url: "javascript:alert(1)" } },
        ],
      },
    },
  },
};

describe("an OA message", () => {
  it("shows its text and its buttons as Zalo does, with a link into the sandbox's Mini App", () => {
    const sendText = vi.fn();
    const bubble = draw(sent(withButtons), sendText);
    expect(within(bubble).getByText("Đăng ký khai sinh: cần tờ khai và giấy chứng sinh.")).toBeTruthy();
    const open = within(bubble).getByRole("link", { name: "Nộp hồ sơ" });
    expect(open.getAttribute("href")).toBe(`https://zalo.me/s/${MINI_APP_ID}/nop/moi/1.001193`);
    expect(open.getAttribute("rel")).toBe("noopener noreferrer");
    const local = within(bubble).getByRole("link", { name: "Mở trong Mini App (sandbox)" });
    expect(local.getAttribute("href")).toBe("/nop/moi/1.001193");
    expect(within(bubble).getByRole("link", { name: "Gọi tổng đài" }).getAttribute("href")).toBe(
      "tel:19001234",
    );

    fireEvent.click(within(bubble).getByRole("button", { name: "Gặp cán bộ" }));
    expect(sendText).toHaveBeenCalledWith("Gặp cán bộ");
    expect(within(bubble).getAllByTestId("oa-button")).toHaveLength(2);
  });

  it("never makes a link of a URL that is not http(s): the button shows, inert", () => {
    const bubble = draw(sent(withButtons));
    const strange = within(bubble).getByRole("button", { name: "Lạ (oa.open.url)" });
    expect(strange.hasAttribute("disabled")).toBe(true);
    expect(within(bubble).queryByRole("link", { name: /Lạ/ })).toBeNull();
  });

  it("draws a template message as a card: the template's name and its data", () => {
    const bubble = draw(
      sent(
        {
          template_id: "300001",
          template_data: { ma_ho_so: "HS-2026-000123", trang_thai: "Đã tiếp nhận" },
        },
        { channel: "oa_template" },
      ),
    );
    expect(bubble.getAttribute("data-kind")).toBe("template");
    expect(within(bubble).getByText("Tin mẫu")).toBeTruthy();
    expect(within(bubble).getByText("Cập nhật trạng thái hồ sơ (mẫu 300001)")).toBeTruthy();
    const row = within(bubble).getByRole("row", { name: /ma_ho_so/ });
    expect(within(row).getByText("HS-2026-000123")).toBeTruthy();
  });

  it("draws a transaction template's header, table and buttons", () => {
    const bubble = draw(
      sent({
        message: {
          attachment: {
            payload: {
              template_type: "transaction_order",
              elements: [
                { type: "header", content: "Hồ sơ đã được tiếp nhận" },
                { type: "table", content: [{ key: "Mã hồ sơ", value: "HS-2026-000777" }] },
                { type: "text", content: "Cảm ơn bạn." },
              ],
              buttons: [{ title: "Xem hồ sơ", type: "oa.query.hide", payload: "#hs" }],
            },
          },
        },
      }),
    );
    expect(within(bubble).getByText("Tin mẫu · transaction_order")).toBeTruthy();
    expect(within(bubble).getByRole("heading", { name: "Hồ sơ đã được tiếp nhận" })).toBeTruthy();
    expect(within(bubble).getByRole("row", { name: "Mã hồ sơ HS-2026-000777" })).toBeTruthy();
    expect(within(bubble).getByText("Cảm ơn bạn.")).toBeTruthy();
    expect(within(bubble).getByRole("button", { name: "Xem hồ sơ" })).toBeTruthy();
  });

  it("shows the raw body of a message it cannot draw, rather than nothing", () => {
    const bubble = draw(sent({ message: { attachment: { type: "file" } } }));
    expect(within(bubble).getByText("Dữ liệu sản phẩm gửi Zalo")).toBeTruthy();
    expect(bubble.querySelector("pre")?.textContent).toContain('"file"');
  });
});

describe("an OA message's delivery state", () => {
  it.each([
    ["sent", "Đã gửi"],
    ["delivered", "Đã nhận"],
    ["seen", "Đã xem"],
  ] as const)("%s shows “%s” under the message", (delivery: DeliveryState, caption: string) => {
    draw(sent({ message: { text: "Hồ sơ của bạn đã được tiếp nhận." } }, { delivery }));
    expect(screen.getByTestId("delivery-state").textContent).toBe(caption);
  });

  it("shows on a template card too", () => {
    draw(sent({ template_id: "300001" }, { channel: "oa_template", delivery: "seen" }));
    expect(screen.getByTestId("delivery-state").textContent).toBe("Đã xem");
  });

  it("absent shows nothing", () => {
    draw(sent({ message: { text: "Xin chào" } }));
    expect(screen.queryByTestId("delivery-state")).toBeNull();
    expect(screen.queryByText(/^Đã (gửi|nhận|xem)$/)).toBeNull();
  });
});
