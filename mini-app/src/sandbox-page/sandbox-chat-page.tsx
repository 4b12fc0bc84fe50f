import type { SandboxResident } from "@dvc/bot-server/zalo-sandbox/page-contract";
import { useMemo, useState } from "react";
import { AddResidentDialog } from "./add-resident-dialog";
import type { ChatState, ChatStore } from "./chat-store";
import { ChatView } from "./chat-view";
import { FeedView } from "./feed-view";
import { MessageContextProvider, type MessageContextValue } from "./message-context";
import { useStore } from "./store";
import { POLL_MS, useSandbox } from "./use-sandbox";

function residentLabel(resident: SandboxResident): string {
  return resident.displayName + (resident.miniAppUser ? " (đã dùng Mini App)" : "");
}

/**
 * The OA's name as the header shows it. The server's configuration names no OA or commune (only the OA's
 * id, in /sandbox/api/info), so the header says what it is rather than naming a commune it may not be.
 */
export const SANDBOX_OA_NAME = "Zalo OA (sandbox)";

/** The OA's header, as Zalo's chat shows it, with the resident's follow button. */
function OaHeader({ chat, store }: { chat: ChatState; store: ChatStore }) {
  const following = chat.current?.following ?? false;
  return (
    <header className="oa-head">
      <div className="oa-avatar" aria-hidden="true">
        OA
      </div>
      <div className="oa-title">
        <h1 id="oa-name">{SANDBOX_OA_NAME}</h1>
        <p>Official Account</p>
      </div>
      <button
        type="button"
        className="follow"
        id="follow"
        data-testid="follow-toggle"
        aria-pressed={following}
        disabled={!chat.current || chat.busy}
        onClick={() => void store.sendEvent(following ? "unfollow" : "follow")}
      >
        {following ? "Bỏ quan tâm" : "Quan tâm"}
      </button>
    </header>
  );
}

/** Who you are in this chat: one of the sandbox's residents, or a new one. */
function ResidentBar({ chat, store, onAdd }: { chat: ChatState; store: ChatStore; onAdd(): void }) {
  const { residents, current } = chat;
  return (
    <div className="who">
      <label htmlFor="resident">Bạn là</label>
      <select
        id="resident"
        data-testid="resident-select"
        disabled={!residents || residents.length === 0}
        value={current?.id ?? ""}
        onChange={(event) => void store.selectById(event.target.value)}
      >
        {residents === null && <option value="">Đang tải…</option>}
        {residents?.length === 0 && <option value="">Chưa có cư dân</option>}
        {residents?.map((resident) => (
          <option key={resident.id} value={resident.id}>
            {residentLabel(resident)}
          </option>
        ))}
      </select>
      <button type="button" className="link-btn" id="add" data-testid="add-resident" onClick={onAdd}>
        + Thêm cư dân
      </button>
    </div>
  );
}

/**
 * The /sandbox page: a phone-like Zalo chat in which you are a resident of the commune talking to its
 * Official Account. What you do goes to the product as a signed webhook event; the OA's replies, template
 * messages, group posts and ZNS messages are what the product sent to the sandbox.
 */
export function SandboxChatPage({ pollMs = POLL_MS }: { pollMs?: number }) {
  const stores = useSandbox(pollMs);
  const chat = useStore(stores.chat);
  const feed = useStore(stores.feed);
  const [adding, setAdding] = useState(false);
  const messageContext = useMemo<MessageContextValue>(
    () => ({
      miniAppId: chat.info?.miniAppId ?? "",
      templates: chat.templates,
      sendText: (text) => void stores.chat.sendEvent("text", text),
    }),
    [chat.info, chat.templates, stores.chat],
  );

  return (
    <MessageContextProvider value={messageContext}>
      <div className="phone">
        <OaHeader chat={chat} store={stores.chat} />
        <ResidentBar chat={chat} store={stores.chat} onAdd={() => setAdding(true)} />
        <div className="tabs" role="tablist">
          <button
            type="button"
            role="tab"
            id="tab-chat"
            aria-controls="view-chat"
            aria-selected={feed.tab === "chat"}
            onClick={() => stores.feed.showTab("chat")}
          >
            Trò chuyện
          </button>
          <button
            type="button"
            role="tab"
            id="tab-feed"
            aria-controls="view-feed"
            aria-selected={feed.tab === "feed"}
            onClick={() => stores.feed.showTab("feed")}
          >
            Nhóm &amp; ZNS
            <span className="badge" id="feed-badge" hidden={feed.unseen === 0}>
              {feed.unseen === 0 ? "" : String(feed.unseen)}
            </span>
          </button>
        </div>
        <section
          className="view"
          id="view-chat"
          role="tabpanel"
          aria-labelledby="tab-chat"
          hidden={feed.tab !== "chat"}
        >
          <ChatView chat={chat} store={stores.chat} />
        </section>
        <section
          className="view"
          id="view-feed"
          role="tabpanel"
          aria-labelledby="tab-feed"
          hidden={feed.tab !== "feed"}
        >
          <FeedView items={feed.items} groups={feed.groups} />
        </section>
        <AddResidentDialog
          open={adding}
          onClose={() => setAdding(false)}
          onAdded={(id) => void stores.chat.openResidents(id)}
        />
      </div>
    </MessageContextProvider>
  );
}
