import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeSandboxServer, MINI_APP_ID } from "../test/sandbox-server";
import { SandboxChatPage } from "./sandbox-chat-page";

/** Fast polls, so a test sees the page pick up what the "product" sent within a findBy's wait. */
const POLL_MS = 20;

let server: FakeSandboxServer;

beforeAll(() => {
  // jsdom has <dialog> but not its modal methods; these do what the page relies on (open, close event).
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.setAttribute("open", "");
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.removeAttribute("open");
    this.dispatchEvent(new Event("close"));
  };
});

beforeEach(() => {
  server = new FakeSandboxServer();
  vi.stubGlobal("fetch", server.fetch);
  window.history.replaceState(null, "", "/sandbox");
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function chosenResident(): string {
  const select = screen.getByTestId("resident-select") as HTMLSelectElement;
  return select.selectedOptions[0]?.textContent ?? "";
}

async function say(text: string) {
  fireEvent.change(screen.getByTestId("chat-input"), { target: { value: text } });
  fireEvent.click(screen.getByTestId("chat-send"));
  await screen.findByText(text, { selector: '[data-testid="bubble-resident"] span' });
}

describe("the sandbox chat page", () => {
  it("starts empty, adds a resident through the dialog and opens their conversation", async () => {
    server.miniAppUsers.push({ id: "7001", name: "Nguyễn Văn An" });
    render(<SandboxChatPage pollMs={POLL_MS} />);
    expect(screen.getByRole("heading", { name: "Zalo OA (sandbox)" })).toBeTruthy();
    await screen.findByText(/^Chưa có cư dân nào\./);
    expect(chosenResident()).toBe("Chưa có cư dân");
    expect(screen.getByTestId("chat-send").hasAttribute("disabled")).toBe(true);

    fireEvent.click(screen.getByTestId("add-resident"));
    const dialog = screen.getByRole("dialog", { name: "Thêm cư dân" });
    const link = within(dialog).getByLabelText("Người này đã dùng Mini App?");
    await within(dialog).findByRole("option", { name: "Nguyễn Văn An (đã dùng Mini App)" });
    // Choosing a Mini App user fills in an empty name.
    fireEvent.change(link, { target: { value: "7001" } });
    expect((within(dialog).getByLabelText("Tên hiển thị trên Zalo") as HTMLInputElement).value).toBe(
      "Nguyễn Văn An",
    );
    fireEvent.click(within(dialog).getByRole("button", { name: "Thêm" }));

    await waitFor(() => expect(chosenResident()).toBe("Nguyễn Văn An (đã dùng Mini App)"));
    expect(screen.queryByRole("dialog")).toBeNull();
    await screen.findByText(/^Chưa có tin nhắn\./);
    expect(screen.getByText(/^Bạn chưa quan tâm OA này\./)).toBeTruthy();
    expect(window.location.hash).toBe(`#${server.residents[0]?.id}`);
  });

  it("adds the demo followers of Phường Ba Đình's notices from the dialog and opens the first", async () => {
    render(<SandboxChatPage pollMs={POLL_MS} />);
    await screen.findByText(/^Chưa có cư dân nào\./);
    fireEvent.click(screen.getByTestId("add-resident"));
    const dialog = screen.getByRole("dialog", { name: "Thêm cư dân" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Thêm cư dân mẫu nhận thông báo" }));
    await waitFor(() => expect(chosenResident()).toBe("Phạm Thị Hoa (mẫu)"));
    expect(server.residents.map((resident) => resident.displayName)).toEqual([
      "Phạm Thị Hoa (mẫu)",
      "Lê Văn Nam (mẫu)",
    ]);
    expect(screen.getByTestId("follow-toggle").textContent).toBe("Bỏ quan tâm");
  });

  it("shows the server's reason in the dialog when it refuses a new resident", async () => {
    render(<SandboxChatPage pollMs={POLL_MS} />);
    fireEvent.click(screen.getByTestId("add-resident"));
    const dialog = screen.getByRole("dialog", { name: "Thêm cư dân" });
    fireEvent.change(within(dialog).getByLabelText("Tên hiển thị trên Zalo"), { target: { value: "   " } });
    fireEvent.submit(within(dialog).getByRole("button", { name: "Thêm" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("Vui lòng nhập tên cư dân");
  });

  it("draws the conversation in time order: the resident's text, OA text with buttons, a template card", async () => {
    const resident = server.addResident("Lê Thị Cúc", true);
    const start = Date.now() - 60_000;
    server.events.set(resident.id, [
      {
        eventName: "user_send_text",
        kind: "text",
        msgId: "e1",
        text: "làm giấy khai sinh",
        imageUrl: null,
        location: null,
        at: start,
      },
    ]);
    server.sendToResident(resident.id, {
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
            ],
          },
        },
      },
    });
    server.post({
      channel: "oa_template",
      recipient: resident.id,
      messageId: "m2",
      payload: { template_id: "300001", template_data: { ma_ho_so: "HS-2026-000123" } },
      at: start + 1_000,
    });
    window.history.replaceState(null, "", `/sandbox#${resident.id}`);
    render(<SandboxChatPage pollMs={POLL_MS} />);

    const card = await screen.findByText("Cập nhật trạng thái hồ sơ (mẫu 300001)");
    const bubbles = screen.getAllByTestId(/^bubble-/);
    expect(bubbles.map((b) => b.getAttribute("data-testid"))).toEqual([
      "bubble-resident",
      "bubble-oa",
      "bubble-oa",
    ]);
    expect(bubbles[0]?.textContent).toBe("làm giấy khai sinh");
    expect(bubbles[1]?.getAttribute("data-kind")).toBe("template");
    expect(bubbles[1]?.contains(card)).toBe(true);
    const reply = bubbles[2] as HTMLElement;
    expect(
      within(reply).getByRole("link", { name: "Mở trong Mini App (sandbox)" }).getAttribute("href"),
    ).toBe("/nop/moi/1.001193");
    expect(screen.queryByText(/^Bạn chưa quan tâm OA này\./)).toBeNull();

    // A query button answers with its payload, as the resident's own message.
    fireEvent.click(within(reply).getByRole("button", { name: "Gặp cán bộ" }));
    await screen.findByText("Gặp cán bộ", { selector: '[data-testid="bubble-resident"] span' });
    expect(server.events.get(resident.id)?.at(-1)?.text).toBe("Gặp cán bộ");
  });

  it("follows the OA: the button, the hint and the system line change", async () => {
    server.addResident("Trần Thị Bình");
    render(<SandboxChatPage pollMs={POLL_MS} />);
    const toggle = screen.getByTestId("follow-toggle");
    await waitFor(() => expect(toggle.hasAttribute("disabled")).toBe(false));
    expect(toggle.textContent).toBe("Quan tâm");
    expect(toggle.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(toggle);
    await screen.findByText(/^Bạn đã quan tâm OA · /);
    expect(toggle.textContent).toBe("Bỏ quan tâm");
    expect(toggle.getAttribute("aria-pressed")).toBe("true");
    expect(screen.queryByText(/^Bạn chưa quan tâm OA này\./)).toBeNull();
  });

  it("polls: a new reply appears; a group post raises the feed's badge until the tab is opened", async () => {
    const resident = server.addResident("Lê Thị Cúc", true);
    render(<SandboxChatPage pollMs={POLL_MS} />);
    await screen.findByText(/^Chưa có tin nhắn\./);
    await say("hồ sơ của tôi đến đâu rồi");

    server.sendToResident(resident.id, { message: { text: "Cán bộ sẽ trả lời bạn sớm." } });
    const reply = await screen.findByText("Cán bộ sẽ trả lời bạn sớm.");
    expect(reply.closest('[data-testid="bubble-oa"]')).toBeTruthy();

    const badge = document.getElementById("feed-badge") as HTMLElement;
    expect(badge.hidden).toBe(true);
    server.post({
      channel: "oa_group",
      recipient: "df7d5a31765c9f02c64d",
      messageId: "g1",
      payload: { message: { text: "Lịch tiêm chủng tháng 12." } },
    });
    server.post({
      channel: "zns",
      recipient: "0912 ••• 678",
      messageId: "z1",
      payload: { phone: "84912345678", template_id: "300001", template_data: { ma_ho_so: "HS-2026-000123" } },
    });
    await waitFor(() => expect(badge.textContent).toBe("2"));
    expect(badge.hidden).toBe(false);

    const feedTab = screen.getByRole("tab", { name: /Nhóm & ZNS/ });
    fireEvent.click(feedTab);
    expect(feedTab.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("tab", { name: "Trò chuyện" }).getAttribute("aria-selected")).toBe("false");
    expect(badge.hidden).toBe(true);
    const feed = screen.getByRole("tabpanel", { name: /Nhóm & ZNS/ });
    const items = within(feed).getAllByTestId("feed-item");
    // Newest first; the phone masked, in the raw data too.
    expect(items[0]?.textContent).toMatch(/^ZNS tới 0912 ••• 678 · /);
    expect(items[0]?.textContent).not.toContain("84912345678");
    expect(items[1]?.textContent).toMatch(/^Nhóm: Tổ dân phố 5 — Ba Đình · /);
    expect(within(items[1] as HTMLElement).getByText("Lịch tiêm chủng tháng 12.")).toBeTruthy();
    expect(document.getElementById("view-chat")?.hidden).toBe(true);

    fireEvent.click(screen.getByRole("tab", { name: "Trò chuyện" }));
    expect(document.getElementById("view-chat")?.hidden).toBe(false);
    expect(document.getElementById("view-feed")?.hidden).toBe(true);
  });

  it("a sent message's caption follows the sandbox's receipts: đã gửi, đã nhận, đã xem", async () => {
    const resident = server.addResident("Phạm Văn Dũng", true);
    render(<SandboxChatPage pollMs={POLL_MS} />);
    await screen.findByText(/^Chưa có tin nhắn\./);
    const sent = server.sendToResident(
      resident.id,
      { message: { text: "Hồ sơ đã được tiếp nhận." } },
      { delivery: "sent" },
    );
    const bubble = (await screen.findByText("Hồ sơ đã được tiếp nhận.")).closest('[data-testid="bubble-oa"]');
    const caption = () => bubble?.parentElement?.querySelector('[data-testid="delivery-state"]')?.textContent;
    await waitFor(() => expect(caption()).toBe("Đã gửi"));
    sent.delivery = "delivered";
    await waitFor(() => expect(caption()).toBe("Đã nhận"));
    sent.delivery = "seen";
    await waitFor(() => expect(caption()).toBe("Đã xem"));
  });

  it("a refused send shows the server's reason and keeps the typed text", async () => {
    server.addResident("Lê Thị Cúc", true);
    server.webhookDown = true;
    render(<SandboxChatPage pollMs={POLL_MS} />);
    await screen.findByText(/^Chưa có tin nhắn\./);
    const input = screen.getByTestId("chat-input") as HTMLInputElement;
    fireEvent.change(input, { target: { value: "hồ sơ HS-2026-000123 đến đâu rồi" } });
    fireEvent.click(screen.getByTestId("chat-send"));
    const error = screen.getByTestId("chat-error");
    await waitFor(() =>
      expect(error.textContent).toBe("Máy chủ không nhận sự kiện (HTTP 503): Hệ thống đang tạm gián đoạn."),
    );
    expect(error.hidden).toBe(false);
    expect(input.value).toBe("hồ sơ HS-2026-000123 đến đâu rồi");

    server.webhookDown = false;
    fireEvent.click(screen.getByTestId("chat-send"));
    await screen.findByText("hồ sơ HS-2026-000123 đến đâu rồi", {
      selector: '[data-testid="bubble-resident"] span',
    });
    await waitFor(() => expect(input.value).toBe(""));
    expect(error.hidden).toBe(true);
  });

  it("asks for a message instead of sending an empty one", async () => {
    server.addResident("Lê Thị Cúc", true);
    render(<SandboxChatPage pollMs={POLL_MS} />);
    await screen.findByText(/^Chưa có tin nhắn\./);
    fireEvent.click(screen.getByTestId("chat-send"));
    expect(screen.getByTestId("chat-error").textContent).toBe("Vui lòng nhập tin nhắn.");
    expect(server.events.get(server.residents[0]?.id ?? "")).toEqual([]);
  });
});
