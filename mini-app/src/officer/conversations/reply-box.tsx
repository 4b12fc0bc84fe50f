import { type OfficerConversationDetail, officerReplySchema } from "@dvc/shared/api/officer";
import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import { ApiError } from "../../api";
import { AlertIcon, CheckIcon } from "../../ui/icons";
import { replyToConversation } from "../api/conversation-api";
import { fieldErrors } from "../api/officer-http";
import { type ChatLine, type ReplyChannel, WINDOW_CLOSED, WINDOW_TEMPLATE } from "./conversation-wording";
import { keepDraft, keptDraft } from "./reply-drafts";

const EXPIRED =
  "Tin nhắn chưa được gửi vì phiên làm việc đã hết hạn. Sau khi đăng nhập lại, bấm “Gửi lại” để gửi.";
const UNCERTAIN =
  "Không nhận được trả lời của máy chủ nên chưa rõ tin đã gửi chưa. Nếu sau vài giây tin không hiện trong cuộc trò chuyện, bấm “Gửi lại”.";

type Problem = { message: string; retry: boolean };
/** A reply whose answer was lost: it went through if the transcript gains one more officer line with it. */
type Uncertain = { text: string; before: number };

const officerLinesWith = (messages: ChatLine[], text: string) =>
  messages.filter((line) => line.author === "officer" && line.text === text).length;

const countText = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** Characters as the server counts them: the template's limit is in code points (an emoji is one). */
const lengthOf = (text: string, channel: ReplyChannel) =>
  channel.kind === "template" ? [...text.trim()].length : text.trim().length;

/**
 * The officer's reply. Whatever happens to the request (Zalo's 7-day window closed, 409; too long,
 * 400; no connection; the session expired) the typed text stays and the reason shows above the
 * button. Outside the window the box says so before anything is typed: replies must be short (the
 * approved template) or, with no template, sending is off.
 */
export function ReplyBox({
  conversationId,
  channel,
  messages,
  closed,
  onSent,
  onStale,
}: {
  conversationId: string;
  channel: ReplyChannel;
  messages: ChatLine[];
  /** Gone back to the bot: the text stays readable (and copyable), nothing can be sent. */
  closed: boolean;
  onSent: (detail: OfficerConversationDetail) => void;
  /** What is on screen may be out of date (a 409 or a lost answer): load it again. */
  onStale: () => void;
}) {
  const [text, setText] = useState(() => keptDraft(conversationId));
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sent, setSent] = useState(false);
  const [uncertain, setUncertain] = useState<Uncertain | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  const blocked = channel.kind === "none" || closed;
  const maxLength = channel.kind === "none" ? 0 : channel.maxLength;

  useEffect(() => keepDraft(conversationId, text), [conversationId, text]);
  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  // The reply whose answer was lost shows up in the transcript: it did go, do not send it twice.
  useEffect(() => {
    if (!uncertain || officerLinesWith(messages, uncertain.text) <= uncertain.before) return;
    setUncertain(null);
    setProblem(null);
    setSent(true);
    setText((now) => (now.trim() === uncertain.text ? "" : now));
  }, [messages, uncertain]);

  const send = async () => {
    if (sending || blocked) return;
    setSent(false);
    const checked = officerReplySchema.safeParse({ text });
    if (!checked.success) {
      setProblem({
        message: checked.error.issues[0]?.message ?? "Vui lòng kiểm tra nội dung.",
        retry: false,
      });
      return;
    }
    if (lengthOf(text, channel) > maxLength) {
      const message = `Tin trả lời dài tối đa ${countText(maxLength)} ký tự. Vui lòng rút gọn.`;
      setProblem({ message, retry: false });
      return;
    }
    const reply = checked.data.text;
    const before = officerLinesWith(messages, reply);
    setSending(true);
    setProblem(null);
    try {
      const detail = await replyToConversation(conversationId, reply);
      setText("");
      setUncertain(null);
      setSent(true);
      onSent(detail);
    } catch (error) {
      // The server's status when it surely answered; null when the answer was lost or unreadable.
      const status = error instanceof ApiError && error.code !== "BAD_RESPONSE" ? error.status : null;
      if (status === 401) setProblem({ message: EXPIRED, retry: true });
      else if (status === null || status >= 500) {
        setUncertain({ text: reply, before });
        setProblem({ message: UNCERTAIN, retry: true });
        onStale();
      } else {
        const message = error instanceof Error ? error.message : "Chưa gửi được. Vui lòng thử lại.";
        setProblem({ message: fieldErrors(error).text ?? message, retry: false });
        if (status === 409) onStale();
      }
    } finally {
      setSending(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void send();
  };
  // Enter writes a new line (replies are often several); Ctrl+Enter or ⌘+Enter sends.
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void send();
    }
  };

  const length = lengthOf(text, channel);
  const over = !blocked && length > maxLength;
  return (
    <form className="dvc-reply" noValidate onSubmit={submit} aria-label="Trả lời người dân">
      <div className="dvc-field">
        <div className="dvc-reply__label-row">
          <label className="dvc-field__label" htmlFor="reply-text">
            Trả lời người dân
          </label>
          <span id="reply-count" className={`dvc-reply__count${over ? " dvc-reply__count--over" : ""}`}>
            {blocked ? `${countText(length)} ký tự` : `${countText(length)}/${countText(maxLength)} ký tự`}
          </span>
        </div>
        {closed ? (
          <p className="dvc-field__hint" id="reply-hint">
            Cuộc trò chuyện đã được trả lại cho trợ lý tự động nên không gửi thêm được. Nội dung đã soạn vẫn
            được giữ để bạn sao chép.
          </p>
        ) : channel.kind !== "message" ? (
          // Said before anything is typed: the officer knows at once to write short, or to call.
          <p
            className={`dvc-reply__window${channel.kind === "none" ? " dvc-officer-error" : " dvc-officer-note"}`}
            id="reply-hint"
          >
            <AlertIcon size={20} />
            <span>{channel.kind === "none" ? WINDOW_CLOSED : WINDOW_TEMPLATE}</span>
          </p>
        ) : (
          <p className="dvc-field__hint" id="reply-hint">
            Tin được gửi qua Zalo từ Official Account của xã.
            <span className="dvc-reply__keys"> Ctrl + Enter để gửi.</span>
          </p>
        )}
        <textarea
          id="reply-text"
          className={`dvc-input${over ? " dvc-input--error" : ""}`}
          rows={3}
          value={text}
          readOnly={blocked}
          onChange={(event) => {
            setText(event.target.value);
            setSent(false);
          }}
          onKeyDown={onKeyDown}
          aria-invalid={over || undefined}
          aria-describedby="reply-hint reply-count"
        />
      </div>
      {problem ? (
        <div className="dvc-officer-error" role="alert" tabIndex={-1} ref={alertRef}>
          <AlertIcon size={20} />
          <div>
            <p>{problem.message}</p>
            <p>Nội dung bạn đã nhập vẫn được giữ.</p>
          </div>
        </div>
      ) : null}
      <div className="dvc-reply__actions">
        <button
          type="submit"
          className="dvc-officer-button dvc-officer-button--primary"
          aria-disabled={sending || blocked}
          disabled={blocked}
        >
          {sending ? "Đang gửi…" : problem?.retry ? "Gửi lại" : "Gửi trả lời"}
        </button>
        {/* Always in the page, so screen readers announce what appears in it. */}
        <p className="dvc-reply__sent" role="status">
          {sent && !problem ? (
            <>
              <CheckIcon size={18} />
              <span>Đã gửi. Người dân nhận tin qua Zalo.</span>
            </>
          ) : null}
        </p>
      </div>
    </form>
  );
}
