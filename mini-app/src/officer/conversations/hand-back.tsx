import { useRef, useState } from "react";
import { ApiError } from "../../api";
import { Dialog } from "../../ui/dialog";
import { AlertIcon } from "../../ui/icons";
import { handConversationBack } from "../api/conversation-api";
import { keptDraft } from "./reply-drafts";

/**
 * "Trả lại cho trợ lý tự động", asked twice: the resident is told at once and the bot answers them
 * again, which cannot be taken back. A 404 means it went back already (another officer, the timer):
 * the screen then says so.
 */
export function HandBack({
  conversationId,
  onHandedBack,
  onGone,
}: {
  conversationId: string;
  onHandedBack: () => void;
  /** It had gone back already: the screen asks again and says so. */
  onGone: () => void;
}) {
  const [asking, setAsking] = useState(false);
  /** The reply box held text not yet sent when the dialog opened: say it will not go. */
  const [unsentReply, setUnsentReply] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  const close = () => {
    setAsking(false);
    // Back to where the keyboard was before the dialog.
    requestAnimationFrame(() => trigger.current?.focus());
  };

  const confirm = async () => {
    if (sending) return;
    setSending(true);
    setProblem(null);
    try {
      await handConversationBack(conversationId);
      setAsking(false);
      onHandedBack();
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        setAsking(false);
        onGone();
      } else {
        setProblem(error instanceof Error ? error.message : "Chưa trả lại được. Vui lòng thử lại.");
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      <button
        ref={trigger}
        type="button"
        className="dvc-officer-button dvc-officer-button--secondary"
        onClick={() => {
          setProblem(null);
          setUnsentReply(keptDraft(conversationId).trim() !== "");
          setAsking(true);
        }}
      >
        Trả lại cho trợ lý tự động
      </button>
      {asking ? (
        <Dialog
          title="Trả lại cuộc trò chuyện cho trợ lý tự động?"
          onDismiss={sending ? undefined : close}
          actions={
            <>
              <button
                type="button"
                className="dvc-officer-button dvc-officer-button--primary"
                aria-disabled={sending}
                onClick={() => void confirm()}
              >
                {sending ? "Đang trả lại…" : "Trả lại cho trợ lý"}
              </button>
              <button
                type="button"
                className="dvc-officer-button dvc-officer-button--secondary"
                onClick={close}
              >
                Tiếp tục trò chuyện
              </button>
            </>
          }
        >
          <p className="dvc-text">
            Người dân được báo rằng cán bộ đã trả lời xong; trợ lý tự động trả lời các tin nhắn sau. Người dân
            có thể nhắn “gặp cán bộ” để trao đổi tiếp.
          </p>
          {unsentReply ? (
            <p className="dvc-callout dvc-callout--warn">
              <AlertIcon size={20} className="dvc-callout__icon" />
              <span>Nội dung trả lời bạn đang soạn chưa được gửi và sẽ không được gửi.</span>
            </p>
          ) : null}
          {problem ? (
            <p className="dvc-officer-error" role="alert">
              <AlertIcon size={20} />
              <span>{problem}</span>
            </p>
          ) : null}
        </Dialog>
      ) : null}
    </>
  );
}
