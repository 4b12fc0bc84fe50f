/** How the conversation screens word the server's codes, in the officer's Vietnamese. */
import {
  type OfficerConversation,
  type OfficerConversationDetail,
  REPLY_TEMPLATE_TEXT_MAX,
} from "@dvc/shared/api/officer";
import { clockOrDayText, elapsedText } from "../ui/time-text";

export type ChatLine = OfficerConversationDetail["messages"][number];

export const REASON_LABELS: Record<OfficerConversation["reason"], string> = {
  asked: "Người dân yêu cầu gặp cán bộ",
  not_understood: "Trợ lý chưa hiểu câu hỏi",
};

export const AUTHOR_LABELS: Record<ChatLine["author"], string> = {
  resident: "Người dân",
  bot: "Trợ lý tự động",
  officer: "Cán bộ",
};

/** What the resident sent instead of text: the bot reads only text, the officer should know what came. */
const KIND_LABELS: Record<string, string> = {
  image: "[Ảnh]",
  sticker: "[Sticker]",
  location: "[Vị trí]",
  file: "[Tệp đính kèm]",
  audio: "[Tin nhắn thoại]",
  video: "[Video]",
  gif: "[Ảnh động]",
};

export function lineText(line: ChatLine): string {
  if (line.kind === "text" && line.text !== null) return line.text;
  const label = KIND_LABELS[line.kind] ?? "[Tin nhắn không phải chữ]";
  return line.text ? `${label} ${line.text}` : label;
}

/**
 * How a reply can reach the resident (zalo-oa.md §0): as a consultation message within 7 days of
 * their last message; after that only as the approved reply template, when one is configured, whose
 * one parameter is short; else not through Zalo at all.
 */
export type ReplyChannel =
  | { kind: "message"; maxLength: number }
  | { kind: "template"; maxLength: number }
  | { kind: "none" };

export function replyChannel(
  conversation: Pick<OfficerConversation, "windowOpen" | "templateAvailable">,
): ReplyChannel {
  if (conversation.windowOpen) return { kind: "message", maxLength: 2_000 };
  if (conversation.templateAvailable) return { kind: "template", maxLength: REPLY_TEMPLATE_TEXT_MAX };
  return { kind: "none" };
}

/** Said before the officer types, so they write short or reach the resident another way. */
export const WINDOW_TEMPLATE = `Người dân nhắn lần cuối đã hơn 7 ngày nên Zalo chỉ cho gửi trả lời bằng mẫu tin đã duyệt: tối đa ${REPLY_TEMPLATE_TEXT_MAX} ký tự.`;
export const WINDOW_CLOSED =
  "Người dân nhắn lần cuối đã hơn 7 ngày nên Zalo không cho gửi tin tư vấn. Không gửi được trả lời ở đây: vui lòng liên hệ qua hồ sơ hoặc số điện thoại người dân đã cung cấp.";

/** The queue's warning for a conversation outside the window; null inside it. */
export function windowText(conversation: OfficerConversation): string | null {
  const channel = replyChannel(conversation);
  if (channel.kind === "message") return null;
  return channel.kind === "template"
    ? `Quá 7 ngày: chỉ gửi được trả lời ngắn (tối đa ${REPLY_TEMPLATE_TEXT_MAX} ký tự)`
    : "Quá 7 ngày: không gửi được tin qua Zalo";
}

/** "Đang chờ 12 phút" until someone answers, then who has it. */
export function waitingText(conversation: OfficerConversation, now: Date): string {
  if (conversation.pickedUpAt)
    return `Đã có cán bộ trả lời lúc ${clockOrDayText(conversation.pickedUpAt, now)}`;
  return `Đang chờ ${elapsedText(conversation.openedAt, now)}`;
}

/** "Tự trả lại cho trợ lý lúc 10:30" while nobody has answered; null once picked up. */
export function returnsText(conversation: OfficerConversation, now: Date): string | null {
  if (!conversation.returnsToBotAt) return null;
  return `Tự trả lại cho trợ lý lúc ${clockOrDayText(conversation.returnsToBotAt, now)} nếu chưa ai trả lời`;
}
