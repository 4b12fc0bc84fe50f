import type { SentMessageView } from "@dvc/bot-server/zalo-sandbox/page-contract";
import { useMessageContext } from "./message-context";
import { inOrder, KeyValues, LinkedText, Picture, PicturePlaceholder, RawJson } from "./message-parts";
import { attachmentPayload, clock, isRecord, maskPhone, mediaPictures, str, templateTitle } from "./payload";

/** A ZNS message: to a phone number, masked on screen and in the raw data too (house rule). */
function ZnsItem({ message }: { message: SentMessageView }) {
  const { templates } = useMessageContext();
  const payload = isRecord(message.payload) ? message.payload : {};
  const shown = payload.phone ? { ...payload, phone: maskPhone(payload.phone) } : payload;
  return (
    <div className="bubble card" data-testid="feed-item">
      <div className="card-head zns">
        {`ZNS tới ${maskPhone(payload.phone || message.recipient)} · ${clock(Date.parse(message.createdAt))}`}
      </div>
      <div className="card-body">
        <p>{templateTitle(payload.template_id || "?", templates)}</p>
        {isRecord(payload.template_data) && <KeyValues record={payload.template_data} />}
        <RawJson value={shown} />
      </div>
    </div>
  );
}

/** A post to one of the commune's Zalo groups (or a channel the page does not know, named). */
function GroupItem({ message, groupName }: { message: SentMessageView; groupName: string | undefined }) {
  const payload = isRecord(message.payload) ? message.payload : {};
  const parts = attachmentPayload(payload);
  const text = str(parts.message.text);
  const head =
    message.channel === "oa_group" ? `Nhóm: ${groupName || message.recipient}` : `Kênh ${message.channel}`;
  return (
    <div className="bubble card" data-testid="feed-item">
      <div className="card-head group">{`${head} · ${clock(Date.parse(message.createdAt))}`}</div>
      <div className="card-body">
        {inOrder(mediaPictures(parts.body), (url) =>
          url === null ? <PicturePlaceholder /> : <Picture url={url} alt="Ảnh đăng nhóm" />,
        )}
        {text && <LinkedText text={text} />}
        <RawJson value={payload} />
      </div>
    </div>
  );
}

interface FeedViewProps {
  items: readonly SentMessageView[];
  groups: ReadonlyMap<string, string>;
}

/** The "Nhóm & ZNS" tab's list, newest first. */
export function FeedView({ items, groups }: FeedViewProps) {
  return (
    <div className="feed" id="feed">
      {items.length === 0 && (
        <p className="hint" id="feed-empty">
          Chưa có bài đăng nhóm hay tin ZNS nào. Khi phường đăng thông báo vào nhóm Zalo hoặc gửi ZNS theo số
          điện thoại, chúng hiện ở đây.
        </p>
      )}
      {items.map((message) =>
        message.channel === "zns" ? (
          <ZnsItem key={message.id} message={message} />
        ) : (
          <GroupItem key={message.id} message={message} groupName={groups.get(message.recipient)} />
        ),
      )}
    </div>
  );
}
