import type { ChatEventView, SentMessageView } from "@dvc/bot-server/zalo-sandbox/page-contract";

/** One row of a resident's conversation: something they did, or a message the OA sent them. */
export type ConversationItem =
  | { kind: "resident"; key: string; at: number; view: ChatEventView }
  | { kind: "oa"; key: string; at: number; message: SentMessageView };

let residentKeys = 0;

/** A resident's events carry no id the page could rely on (a follow has no msg_id): each gets its own. */
export function residentItem(view: ChatEventView): ConversationItem {
  residentKeys += 1;
  return { kind: "resident", key: `r${residentKeys}`, at: view.at, view };
}

export function oaItem(message: SentMessageView): ConversationItem {
  return { kind: "oa", key: `oa${message.id}`, at: Date.parse(message.createdAt), message };
}

/** An unreadable time sorts first instead of scrambling the order. */
function orderOf(item: ConversationItem): number {
  return Number.isNaN(item.at) ? 0 : item.at;
}

/**
 * Inserts `item` in time order, after everything at the same time or earlier: a reply may be polled
 * before the POST that caused it returns, and must still come after the resident's message.
 */
export function placeItem(items: readonly ConversationItem[], item: ConversationItem): ConversationItem[] {
  let index = items.length;
  for (; index > 0; index -= 1) {
    const before = items[index - 1];
    if (before === undefined || orderOf(before) <= orderOf(item)) break;
  }
  return [...items.slice(0, index), item, ...items.slice(index)];
}

/** A resident's conversation as it opens: their own events and the OA's messages, merged by time. */
export function conversationOf(
  events: readonly ChatEventView[],
  messages: readonly SentMessageView[],
): ConversationItem[] {
  const items = [...events.map(residentItem), ...messages.map(oaItem)];
  // A stable sort: at the same millisecond the resident's event stays before the OA's answer.
  return items.sort((a, b) => orderOf(a) - orderOf(b));
}
