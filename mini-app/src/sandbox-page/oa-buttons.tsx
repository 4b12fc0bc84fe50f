import { useMessageContext } from "./message-context";
import { inOrder } from "./message-parts";
import { isRecord, miniAppPath, safeUrl, str } from "./payload";

/** A link that leaves the page: a new tab, and the opened page gets no handle on this one. */
function OutLink({
  href,
  className,
  testId,
  text,
}: {
  href: string;
  className: string;
  testId?: string;
  text: string;
}) {
  return (
    <a className={className} href={href} target="_blank" rel="noopener noreferrer" data-testid={testId}>
      {text}
    </a>
  );
}

/** One OA button as Zalo shows it: a query button answers with its payload, a URL button opens it. */
function OaButton({ button }: { button: unknown }) {
  const { miniAppId, sendText } = useMessageContext();
  if (!isRecord(button)) return null;
  const title = str(button.title) || "(nút không tên)";
  const type = str(button.type);
  const payload = button.payload;
  const url = isRecord(payload) ? safeUrl(payload.url) : null;
  if ((type === "oa.query.show" || type === "oa.query.hide") && typeof payload === "string") {
    return (
      <button
        type="button"
        className="oa-btn"
        data-testid="oa-button"
        title={`Gửi “${payload}” như khi bấm nút trong Zalo`}
        onClick={() => sendText(payload)}
      >
        {title}
      </button>
    );
  }
  if (type === "oa.open.url" && url) {
    const path = miniAppPath(url, miniAppId);
    return (
      <>
        <OutLink href={url} className="oa-btn" testId="oa-button" text={title} />
        {path && <OutLink href={path} className="oa-btn mini" text="Mở trong Mini App (sandbox)" />}
      </>
    );
  }
  if (type === "oa.open.phone" && isRecord(payload) && str(payload.phone_code)) {
    const phone = str(payload.phone_code).replace(/[^\d+]/g, "");
    return <OutLink href={`tel:${phone}`} className="oa-btn" text={title} />;
  }
  // A kind the sandbox does not draw yet: shown, named, and inert.
  return (
    <button type="button" className="oa-btn" disabled>
      {`${title} (${type || "không rõ loại"})`}
    </button>
  );
}

export function OaButtons({ buttons }: { buttons: readonly unknown[] }) {
  return (
    <div className="buttons">
      {inOrder(buttons, (button) => (
        <OaButton button={button} />
      ))}
    </div>
  );
}
