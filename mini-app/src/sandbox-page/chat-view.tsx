import { type FormEvent, useLayoutEffect, useRef, useState } from "react";
import type { ChatState, ChatStore } from "./chat-store";
import { OaMessage } from "./oa-message";
import { ResidentMessage } from "./resident-message";

/** Zalo's limit for one message, as the server checks it (MAX_CHAT_TEXT_LENGTH, zalo-sandbox/event-payloads.ts). */
const MAX_TEXT_LENGTH = 2_000;

/** How close to the end (px) still counts as "reading the latest": a new message then scrolls into view. */
const NEAR_END_PX = 80;

/** The sample media a resident can send, as the Zalo app's attachment buttons would. */
const TOOLS = [
  { kind: "image", label: "Ảnh mẫu", title: "Gửi một ảnh mẫu (giấy tờ)" },
  { kind: "sticker", label: "Sticker", title: "Gửi một sticker" },
  { kind: "location", label: "Vị trí", title: "Gửi vị trí mẫu (Quảng trường Ba Đình)" },
] as const;

/**
 * Keeps the latest message in sight: after each change the list scrolls to its end when the reader was
 * near it (or `pin` asks for it), and stays put when they had scrolled up to read something older.
 */
function useStickToEnd(deps: readonly unknown[], pin: number) {
  const box = useRef<HTMLDivElement>(null);
  const nearEnd = useRef(true);
  const lastPin = useRef(pin);
  const measure = () => {
    const node = box.current;
    if (node) nearEnd.current = node.scrollHeight - node.scrollTop - node.clientHeight < NEAR_END_PX;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after every change of what is drawn.
  useLayoutEffect(() => {
    const node = box.current;
    if (node && (nearEnd.current || pin !== lastPin.current)) node.scrollTop = node.scrollHeight;
    lastPin.current = pin;
    measure();
  }, [...deps, pin]);
  return { box, onScroll: measure };
}

function Conversation({ chat }: { chat: ChatState }) {
  const { current, phase, items, error, residents } = chat;
  // The error strip takes room from the conversation: its last message stays in sight.
  const { box, onScroll } = useStickToEnd([items, error, current?.following, phase], chat.pin);
  return (
    <div
      className="conversation"
      id="conversation"
      role="log"
      aria-live="polite"
      ref={box}
      onScroll={onScroll}
    >
      {current && !current.following && (
        <p className="hint" id="follow-hint">
          Bạn chưa quan tâm OA này. Bấm “Quan tâm” ở trên để nhận lời chào và thông báo của phường; bạn vẫn có
          thể nhắn tin hỏi.
        </p>
      )}
      {phase === "idle" && residents !== null && (
        <p className="hint">Chưa có cư dân nào. Bấm “Thêm cư dân” để bắt đầu trò chuyện với OA của phường.</p>
      )}
      {phase === "loading" && <p className="hint">Đang tải cuộc trò chuyện…</p>}
      {phase === "loaded" && items.length === 0 && (
        <p className="hint" id="empty-hint">
          Chưa có tin nhắn. Hãy hỏi OA, ví dụ “làm giấy khai sinh cần những gì?”
        </p>
      )}
      {items.map((item) =>
        item.kind === "resident" ? (
          <ResidentMessage key={item.key} view={item.view} />
        ) : (
          <OaMessage key={item.key} message={item.message} />
        ),
      )}
    </div>
  );
}

/** The resident's side of the chat: the conversation, why a send failed, sample media and the composer. */
export function ChatView({ chat, store }: { chat: ChatState; store: ChatStore }) {
  const [draft, setDraft] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const disabled = chat.busy || !chat.current;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = draft;
    if (text.trim() === "") {
      store.showError("Vui lòng nhập tin nhắn.");
      input.current?.focus();
      return;
    }
    const ok = await store.sendEvent("text", text);
    // A failed send keeps the text to try again; so does text typed since.
    if (ok) setDraft((now) => (now === text ? "" : now));
    input.current?.focus();
  }

  return (
    <>
      <Conversation chat={chat} />
      <p className="error" id="chat-error" data-testid="chat-error" role="alert" hidden={chat.error === null}>
        {chat.error}
      </p>
      <div className="tools">
        {TOOLS.map((tool) => (
          <button
            key={tool.kind}
            type="button"
            data-kind={tool.kind}
            title={tool.title}
            disabled={disabled}
            onClick={() => void store.sendEvent(tool.kind)}
          >
            {tool.label}
          </button>
        ))}
      </div>
      <form className="composer" id="composer" autoComplete="off" onSubmit={(event) => void submit(event)}>
        <input
          id="chat-input"
          ref={input}
          data-testid="chat-input"
          maxLength={MAX_TEXT_LENGTH}
          placeholder="Nhập tin nhắn"
          aria-label="Tin nhắn gửi OA"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="send" data-testid="chat-send" disabled={disabled}>
          Gửi
        </button>
      </form>
    </>
  );
}
