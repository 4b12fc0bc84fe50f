import { ChevronLeftIcon } from "../../ui/icons";
import { OfficerLink, officerPaths } from "../router";
import { useDocumentTitle } from "../ui/use-document-title";
import { useNow } from "../ui/use-now";
import { useWideScreen } from "../ui/use-wide-screen";
import { ConversationView } from "./conversation-view";
import { QueueList } from "./queue-list";
import type { ConversationQueue } from "./use-conversation-queue";

/**
 * /can-bo/tro-chuyen[/:id] — residents the chatbot handed to officers. On a desk the queue stays on
 * the left and the open conversation on the right, so the next one is a click away; on a phone the
 * queue and a conversation are two screens, with a way back.
 */
export function ConversationsPage({
  id,
  queue,
  province,
}: {
  id: string | null;
  queue: ConversationQueue;
  province: boolean;
}) {
  const wide = useWideScreen();
  const now = useNow(30_000);
  useDocumentTitle(id ? "Cuộc trò chuyện" : "Trò chuyện với người dân");
  const phoneConversation = !wide && id !== null;

  return (
    <div className="dvc-officer-page">
      {phoneConversation ? (
        <OfficerLink className="dvc-back-link" href={officerPaths.conversations}>
          <ChevronLeftIcon size={20} />
          <span>Danh sách trò chuyện</span>
        </OfficerLink>
      ) : null}
      <div className="dvc-conversations">
        {phoneConversation ? (
          <h1 className="dvc-visually-hidden">Trò chuyện với người dân</h1>
        ) : (
          // The title heads the queue's column, so on a desk the conversation beside it gets the
          // whole height of the screen.
          <div>
            <h1 className="dvc-page-title">Trò chuyện với người dân</h1>
            <QueueList queue={queue} currentId={id} province={province} now={now} />
          </div>
        )}
        {id !== null ? (
          <ConversationView key={id} id={id} onChanged={queue.reload} />
        ) : wide ? (
          <p className="dvc-conversations__pick">
            Chọn một cuộc trò chuyện trong danh sách để xem tin nhắn và trả lời người dân.
          </p>
        ) : null}
      </div>
    </div>
  );
}
