import type { DeliveryState } from "@dvc/bot-server/zalo-sandbox/page-contract";
import { Fragment, type ReactNode } from "react";
import { clock, isRecord, type JsonRecord, linkRuns, str } from "./payload";

/** The pieces every message is drawn with. Text is always React text: a payload can never inject markup. */

/** The body as the product sent it, folded: what a developer checks when a card looks wrong. */
export function RawJson({ value }: { value: unknown }) {
  return (
    <details>
      <summary>Dữ liệu sản phẩm gửi Zalo</summary>
      <pre>{JSON.stringify(value, null, 2)}</pre>
    </details>
  );
}

export function KeyValues({ record }: { record: JsonRecord }) {
  return (
    <table className="kv">
      <tbody>
        {Object.entries(record).map(([key, value]) => (
          <tr key={key}>
            <th>{key}</th>
            <td>{isRecord(value) || Array.isArray(value) ? JSON.stringify(value) : str(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The parts of one sent message, in order: it never changes and they have no id, so their index is their key. */
export function inOrder<T>(items: readonly T[], draw: (item: T) => ReactNode): ReactNode[] {
  // biome-ignore lint/suspicious/noArrayIndexKey: see above.
  return items.map((item, index) => <Fragment key={index}>{draw(item)}</Fragment>);
}

export function Picture({ url, alt }: { url: string; alt: string }) {
  return <img src={url} alt={alt} loading="lazy" />;
}

/** A picture sent by `attachment_id`: the sandbox cannot show its bytes, so it says one was there. */
export function PicturePlaceholder() {
  return (
    <div className="picture-placeholder" data-testid="picture-placeholder">
      [Ảnh]
    </div>
  );
}

/** Running text with its http(s) addresses as links that open in a new tab; line breaks kept by CSS. */
export function LinkedText({ text }: { text: string }) {
  return (
    <p>
      {inOrder(linkRuns(text), (run) =>
        run.url === null ? (
          run.text
        ) : (
          <a href={run.url} target="_blank" rel="noopener noreferrer">
            {run.text}
          </a>
        ),
      )}
    </p>
  );
}

/** Zalo's small caption under a message the OA sent. */
export const DELIVERY_CAPTIONS: Readonly<Record<DeliveryState, string>> = {
  sent: "Đã gửi",
  delivered: "Đã nhận",
  seen: "Đã xem",
};

/** Nothing when the state is absent, or one this page does not know yet (a newer server). */
function DeliveryCaption({ state }: { state: DeliveryState | undefined }) {
  if (state === undefined || !Object.hasOwn(DELIVERY_CAPTIONS, state)) return null;
  return (
    <span className="delivery" data-testid="delivery-state">
      {DELIVERY_CAPTIONS[state]}
    </span>
  );
}

interface MessageRowProps {
  side: "mine" | "oa";
  testId: "bubble-resident" | "bubble-oa";
  /** Epoch milliseconds. */
  at: number;
  /** "bare" (a sticker, no bubble) or "card" (a template). */
  look?: "bare" | "card";
  delivery?: DeliveryState | undefined;
  children: ReactNode;
}

/** One message: the bubble on its side of the conversation, its time (and delivery) under it. */
export function MessageRow({ side, testId, at, look, delivery, children }: MessageRowProps) {
  return (
    <div className={`msg ${side}`}>
      <div
        className={look ? `bubble ${look}` : "bubble"}
        data-testid={testId}
        data-kind={look === "card" ? "template" : undefined}
      >
        {children}
      </div>
      <div className="time">
        {clock(at)}
        <DeliveryCaption state={delivery} />
      </div>
    </div>
  );
}

/** "Bạn đã quan tâm OA · 14:05", centred, as Zalo marks a follow. */
export function SystemLine({ text, at }: { text: string; at: number }) {
  return <div className="system">{`${text} · ${clock(at)}`}</div>;
}
