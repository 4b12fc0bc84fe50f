import type { OfficerConversation } from "@dvc/shared/api/officer";
import { ChevronRightIcon, ClockIcon } from "../../ui/icons";
import { Loading, Notice } from "../../ui/notice";
import { OfficerLink, officerPaths } from "../router";
import { clockOrDayText } from "../ui/time-text";
import { REASON_LABELS, returnsText, waitingText, windowText } from "./conversation-wording";
import type { ConversationQueue } from "./use-conversation-queue";

/**
 * The open conversations, oldest first (the server's order: whoever has waited longest comes first).
 * Each is a link to it; the one open beside the list on a desk is marked as the current page.
 */
export function QueueList({
  queue,
  currentId,
  province,
  now,
}: {
  queue: ConversationQueue;
  currentId: string | null;
  /** A province admin: the queue of residents whose commune is not known. */
  province: boolean;
  now: Date;
}) {
  const { conversations, error, reload } = queue;
  return (
    <section className="dvc-queue" aria-labelledby="queue-title">
      <h2 id="queue-title" className="dvc-section__title">
        {province ? "Hàng chờ cấp tỉnh" : "Đang chờ cán bộ"}
        {conversations ? <span className="dvc-tab__count">{conversations.length}</span> : null}
      </h2>
      {province ? (
        <p className="dvc-queue__hint">
          Người dân chưa rõ thuộc xã/phường nào (chưa có hồ sơ trên Mini App).
        </p>
      ) : null}
      {error ? (
        <Notice tone="error" title={error} action={{ label: "Tải lại", onClick: reload }}>
          {conversations ? "Danh sách dưới đây là lần tải trước." : null}
        </Notice>
      ) : null}
      {conversations === null && !error ? <Loading text="Đang tải danh sách trò chuyện…" /> : null}
      {conversations?.length === 0 ? (
        <p className="dvc-queue__empty">
          Không có cuộc trò chuyện nào đang chờ. Khi trợ lý tự động chuyển người dân sang cán bộ, cuộc trò
          chuyện hiện ở đây.
        </p>
      ) : null}
      {conversations && conversations.length > 0 ? (
        <ul className="dvc-queue__list">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <QueueItem conversation={conversation} current={conversation.id === currentId} now={now} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function QueueItem({
  conversation,
  current,
  now,
}: {
  conversation: OfficerConversation;
  current: boolean;
  now: Date;
}) {
  const returns = returnsText(conversation, now);
  const windowNote = windowText(conversation);
  const waiting = conversation.pickedUpAt === null;
  return (
    <OfficerLink
      href={officerPaths.conversation(conversation.id)}
      className={`dvc-queue-item${current ? " dvc-queue-item--current" : ""}${waiting ? " dvc-queue-item--waiting" : ""}`}
      aria-current={current ? "page" : undefined}
    >
      <span className="dvc-queue-item__reason">{REASON_LABELS[conversation.reason]}</span>
      <span className="dvc-queue-item__meta">
        Mở lúc {clockOrDayText(conversation.openedAt, now)} · {waitingText(conversation, now)}
      </span>
      {returns ? (
        <span className="dvc-queue-item__returns">
          <ClockIcon size={16} />
          <span>{returns}</span>
        </span>
      ) : null}
      {windowNote ? <span className="dvc-queue-item__closed">{windowNote}</span> : null}
      <ChevronRightIcon className="dvc-queue-item__chevron" />
    </OfficerLink>
  );
}
