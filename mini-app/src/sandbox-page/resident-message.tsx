import type { ChatEventView } from "@dvc/bot-server/zalo-sandbox/page-contract";
import { MessageRow, Picture, SystemLine } from "./message-parts";
import { safeUrl } from "./payload";

/** What the resident did, on their side of the conversation; a follow or unfollow is a centred line. */
export function ResidentMessage({ view }: { view: ChatEventView }) {
  if (view.kind === "follow") return <SystemLine text="Bạn đã quan tâm OA" at={view.at} />;
  if (view.kind === "unfollow") return <SystemLine text="Bạn đã bỏ quan tâm OA" at={view.at} />;
  const url = safeUrl(view.imageUrl);
  const sticker = view.kind === "sticker";
  const { location, text } = view;
  return (
    <MessageRow side="mine" testId="bubble-resident" at={view.at} look={url && sticker ? "bare" : undefined}>
      {url && <Picture url={url} alt={sticker ? "Sticker" : "Ảnh"} />}
      {location && <span>{`Vị trí: ${location.latitude}, ${location.longitude}`}</span>}
      {text && <span>{text}</span>}
      {/* An event with nothing to draw still shows that it happened. */}
      {!url && !location && !text && `(${view.eventName || "sự kiện"})`}
    </MessageRow>
  );
}
