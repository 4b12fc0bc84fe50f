import { useEffect, useLayoutEffect, useRef } from "react";
import { clockOrDayText } from "../ui/time-text";
import { AUTHOR_LABELS, type ChatLine, lineText } from "./conversation-wording";

/** Within this many pixels of the end counts as "reading the latest": new lines scroll into view. */
const NEAR_END_PX = 80;

const windowAtEnd = () =>
  document.documentElement.scrollHeight - window.scrollY - window.innerHeight < NEAR_END_PX;

/**
 * The conversation as chat bubbles, oldest first: the resident on the left, the bot and officers on
 * the right, each labelled (colour is not the only cue). A log region, so a screen reader announces a
 * new message as it arrives. On a desk the log scrolls in its own box; on a phone the page scrolls
 * under a reply box pinned at the bottom. Either way new lines scroll into view only if the officer
 * was already at the end: someone reading back up the history is not yanked down by every poll.
 */
export function ChatLog({ messages, now }: { messages: ChatLine[]; now: Date }) {
  const box = useRef<HTMLOListElement>(null);
  const atEnd = useRef(true);
  const pageAtEnd = useRef(true);
  // The server sends the last 200 lines: the newest line's time, not the count, says something came.
  const newest = messages.length === 0 ? "" : `${messages.length}:${messages[messages.length - 1]?.at}`;

  useEffect(() => {
    const onScroll = () => {
      pageAtEnd.current = windowAtEnd();
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `newest` is the trigger; positions are read from the DOM.
  useLayoutEffect(() => {
    const list = box.current;
    if (!list) return;
    // The stylesheet decides which scrolls: the log's own box (a desk) or the page (a phone).
    const ownScroll = getComputedStyle(list).overflowY !== "visible";
    if (ownScroll && atEnd.current) list.scrollTop = list.scrollHeight;
    if (!ownScroll && pageAtEnd.current) window.scrollTo(0, document.documentElement.scrollHeight);
  }, [newest]);

  const onScroll = () => {
    const list = box.current;
    if (list) atEnd.current = list.scrollHeight - list.scrollTop - list.clientHeight < NEAR_END_PX;
  };

  if (messages.length === 0) return <p className="dvc-muted">Chưa có tin nhắn nào.</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the log scrolls on its own; keyboard users need to reach it to scroll.
    <ol className="dvc-chat-log" ref={box} onScroll={onScroll} role="log" aria-label="Tin nhắn" tabIndex={0}>
      {messages.map((line, index) => (
        <li
          // The transcript only grows at its end: the position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id in the API.
          key={index}
          className={`dvc-chat-line dvc-chat-line--${line.author}`}
          data-testid={`chat-line-${line.author}`}
        >
          <span className="dvc-chat-line__who">
            {AUTHOR_LABELS[line.author]} · <time dateTime={line.at}>{clockOrDayText(line.at, now)}</time>
          </span>
          <span className="dvc-chat-line__bubble">{lineText(line)}</span>
        </li>
      ))}
    </ol>
  );
}
