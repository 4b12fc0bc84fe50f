import type { SentMessageView } from "@dvc/bot-server/zalo-sandbox/page-contract";
import type { ReactNode } from "react";
import { useMessageContext } from "./message-context";
import { inOrder, KeyValues, MessageRow, Picture, RawJson } from "./message-parts";
import { OaButtons } from "./oa-buttons";
import {
  attachmentPayload,
  isRecord,
  isTemplate,
  type JsonRecord,
  mediaImages,
  safeUrl,
  str,
  templateTitle,
} from "./payload";

function buttonsOf(body: JsonRecord): unknown[] {
  return Array.isArray(body.buttons) ? body.buttons : [];
}

/** One element of a template: a banner, a header, a table of key/values, or text. */
function templateElement(item: unknown): ReactNode {
  if (!isRecord(item)) return null;
  const banner = item.type === "banner" ? safeUrl(item.image_url) : null;
  if (banner) return <Picture url={banner} alt="Ảnh" />;
  if (item.type === "header") return <h3>{str(item.content)}</h3>;
  if (item.type === "table" && Array.isArray(item.content)) {
    const pairs: JsonRecord = {};
    for (const cell of item.content) if (isRecord(cell)) pairs[str(cell.key)] = cell.value;
    return <KeyValues record={pairs} />;
  }
  return str(item.content) ? <p>{str(item.content)}</p> : null;
}

/** Template messages (by UID, transaction/promotion) are cards, as Zalo draws them. */
function TemplateCard({
  message,
  payload,
  body,
}: {
  message: SentMessageView;
  payload: JsonRecord;
  body: JsonRecord;
}) {
  const { templates } = useMessageContext();
  const text = str(attachmentPayload(payload).message.text);
  const type = str(body.template_type);
  const buttons = buttonsOf(body);
  return (
    <MessageRow
      side="oa"
      testId="bubble-oa"
      at={Date.parse(message.createdAt)}
      look="card"
      delivery={message.delivery}
    >
      <div className="card-head">{type ? `Tin mẫu · ${type}` : "Tin mẫu"}</div>
      <div className="card-body">
        {Array.isArray(body.elements) && inOrder(body.elements, templateElement)}
        {text && <p>{text}</p>}
        {payload.template_id ? <p>{templateTitle(payload.template_id, templates)}</p> : null}
        {isRecord(payload.template_data) && <KeyValues record={payload.template_data} />}
        <RawJson value={payload} />
      </div>
      {buttons.length > 0 && <OaButtons buttons={buttons} />}
    </MessageRow>
  );
}

/** A message the product sent to this resident (a row of GET /sandbox/api/messages). */
export function OaMessage({ message }: { message: SentMessageView }) {
  const payload = isRecord(message.payload) ? message.payload : {};
  const parts = attachmentPayload(payload);
  if (isTemplate(message.channel, parts.body)) {
    return <TemplateCard message={message} payload={payload} body={parts.body} />;
  }
  const images = mediaImages(parts.body);
  const text = str(parts.message.text);
  const buttons = buttonsOf(parts.body);
  const shown = images.length > 0 || text !== "" || buttons.length > 0;
  return (
    <MessageRow side="oa" testId="bubble-oa" at={Date.parse(message.createdAt)} delivery={message.delivery}>
      {inOrder(images, (url) => (
        <Picture url={url} alt="Ảnh từ OA" />
      ))}
      {text && <span>{text}</span>}
      {buttons.length > 0 && <OaButtons buttons={buttons} />}
      {/* Nothing the page knows how to draw: the raw body, so nothing the product sent is hidden. */}
      {!shown && <RawJson value={payload} />}
    </MessageRow>
  );
}
