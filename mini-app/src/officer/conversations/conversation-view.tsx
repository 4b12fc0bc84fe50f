import { useEffect, useRef } from "react";
import { CheckIcon, InfoIcon } from "../../ui/icons";
import { Loading, Notice } from "../../ui/notice";
import { OfficerLink, officerPaths } from "../router";
import { clockOrDayText } from "../ui/time-text";
import { useNow } from "../ui/use-now";
import { ChatLog } from "./chat-log";
import { REASON_LABELS, replyChannel, returnsText, waitingText } from "./conversation-wording";
import { HandBack } from "./hand-back";
import { ReplyBox } from "./reply-box";
import { keptDraft } from "./reply-drafts";
import { type ConversationEnd, useConversation } from "./use-conversation";

const ENDED: Record<ConversationEnd, string> = {
  handed_back:
    "Đã trả lại cho trợ lý tự động. Người dân đã được báo; trợ lý trả lời các tin nhắn tiếp theo của họ.",
  gone: "Cuộc trò chuyện đã được trả lại cho trợ lý tự động: một cán bộ khác đã trả lại, hoặc quá hạn mà chưa ai trả lời.",
};

/**
 * One handed-over conversation: who asked and why, the messages (new ones every 5 s), the reply box
 * and the hand-back. When it ends the transcript and any unsent text stay on screen, read-only.
 */
export function ConversationView({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { detail, error, ended, reload, replace, markHandedBack } = useConversation(id);
  const now = useNow(30_000);
  const heading = useRef<HTMLHeadingElement>(null);
  const endRef = useRef<HTMLParagraphElement>(null);

  // A newly opened conversation: the keyboard starts at its title, as on a new page, while the view
  // stays where the chat log put it (its newest messages).
  const ready = detail !== null;
  useEffect(() => {
    if (ready) heading.current?.focus({ preventScroll: true });
  }, [ready]);
  useEffect(() => {
    if (ended) endRef.current?.focus();
  }, [ended]);

  if (detail === null) {
    if (ended) {
      return (
        <Notice tone="empty" title="Không tìm thấy cuộc trò chuyện này.">
          <p>Có thể cuộc trò chuyện đã được trả lại cho trợ lý tự động.</p>
          <OfficerLink className="dvc-link" href={officerPaths.conversations}>
            Về danh sách trò chuyện
          </OfficerLink>
        </Notice>
      );
    }
    if (error) return <Notice tone="error" title={error} action={{ label: "Tải lại", onClick: reload }} />;
    return <Loading text="Đang mở cuộc trò chuyện…" />;
  }

  const returns = ended ? null : returnsText(detail, now);
  return (
    <section className="dvc-officer-card dvc-conversation" aria-labelledby="conversation-title">
      <header className="dvc-conversation__head">
        <div>
          <h2 id="conversation-title" className="dvc-conversation__title" tabIndex={-1} ref={heading}>
            {REASON_LABELS[detail.reason]}
          </h2>
          <p className="dvc-conversation__facts">
            <span>Mở lúc {clockOrDayText(detail.openedAt, now)}</span>
            <span>{waitingText(detail, now)}</span>
            {returns ? <span className="dvc-conversation__returns">{returns}</span> : null}
          </p>
        </div>
        {ended ? (
          <OfficerLink
            className="dvc-officer-button dvc-officer-button--secondary"
            href={officerPaths.conversations}
          >
            Về danh sách trò chuyện
          </OfficerLink>
        ) : (
          <HandBack
            conversationId={id}
            onHandedBack={() => {
              markHandedBack();
              onChanged();
            }}
            onGone={() => {
              reload();
              onChanged();
            }}
          />
        )}
      </header>
      {error && !ended ? (
        <p className="dvc-conversation__stale" role="status">
          <InfoIcon size={18} />
          <span>Chưa cập nhật được tin nhắn mới ({error}). Đang thử lại…</span>
        </p>
      ) : null}
      <ChatLog messages={detail.messages} now={now} />
      {ended ? (
        <p className="dvc-officer-done" role="status" tabIndex={-1} ref={endRef}>
          <CheckIcon size={20} />
          <span>{ENDED[ended]}</span>
        </p>
      ) : null}
      {/* Once it has ended the box stays only to give back what was typed and not sent. */}
      {ended && keptDraft(id) === "" ? null : (
        <ReplyBox
          conversationId={id}
          channel={replyChannel(detail)}
          messages={detail.messages}
          closed={ended !== null}
          onSent={(next) => {
            replace(next);
            onChanged();
          }}
          onStale={reload}
        />
      )}
    </section>
  );
}
