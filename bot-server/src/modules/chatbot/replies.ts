import { dossiersPath, miniAppLink } from "@dvc/shared";
import type { OaButton } from "../../zalo/oa-contract";

/**
 * What the bot says, in one place. Plain Vietnamese, short, each answer ends with what the resident can
 * do next. `oa.query.show` buttons send their payload back as the resident's text (zalo-oa.md §2), so
 * every payload here is a phrase the intent classifier understands.
 */

export interface BotReply {
  text: string;
  buttons?: readonly OaButton[];
}

export const BUTTONS = {
  lookup: { title: "Tra cứu hồ sơ", type: "oa.query.show", payload: "Tra cứu hồ sơ" },
  ask: { title: "Hỏi về thủ tục", type: "oa.query.show", payload: "Hỏi về thủ tục" },
  officer: { title: "Gặp cán bộ", type: "oa.query.show", payload: "Gặp cán bộ" },
} as const satisfies Record<string, OaButton>;

const openApp = (miniAppId: string): OaButton => ({
  title: "Mở Mini App dịch vụ công",
  type: "oa.open.url",
  payload: miniAppLink(miniAppId),
});

/** On follow, and when greeted: what the bot can do. */
export function welcomeReply(miniAppId: string): BotReply {
  return {
    text: [
      "Chào bạn! Đây là trợ lý tự động của UBND xã/phường trên Zalo.",
      "Bạn có thể:",
      "• gửi mã hồ sơ (in trên giấy biên nhận) để xem hồ sơ đang ở bước nào;",
      "• hỏi về một thủ tục, ví dụ: “làm giấy khai sinh cần gì”;",
      "• nộp hồ sơ trực tuyến trên Mini App, không phải đến trụ sở;",
      "• gặp cán bộ khi cần người trả lời trực tiếp.",
    ].join("\n"),
    buttons: [openApp(miniAppId), BUTTONS.lookup, BUTTONS.ask, BUTTONS.officer],
  };
}

export function thanksReply(): BotReply {
  return { text: "Rất vui được hỗ trợ bạn. Khi cần, bạn cứ nhắn vào đây nhé!" };
}

export function lookupHelpReply(miniAppId: string): BotReply {
  return {
    text: "Bạn vui lòng gửi mã hồ sơ in trên giấy biên nhận, ví dụ 00070-K7M4-RX26 (viết thường, có hay không có dấu cách đều được). Hoặc mở Mini App để xem tất cả hồ sơ của bạn.",
    buttons: [
      { title: "Hồ sơ của tôi", type: "oa.open.url", payload: miniAppLink(miniAppId, dossiersPath) },
      BUTTONS.officer,
    ],
  };
}

export function procedureHelpReply(): BotReply {
  return {
    text: "Bạn cần làm thủ tục gì? Hãy viết ngắn gọn, ví dụ: “đăng ký khai sinh”, “đăng ký tạm trú”, “xác nhận tình trạng hôn nhân”, “chứng thực bản sao”.",
    buttons: [
      { title: "Đăng ký khai sinh", type: "oa.query.show", payload: "Đăng ký khai sinh" },
      { title: "Đăng ký tạm trú", type: "oa.query.show", payload: "Đăng ký tạm trú" },
      { title: "Đăng ký kết hôn", type: "oa.query.show", payload: "Đăng ký kết hôn" },
      BUTTONS.officer,
    ],
  };
}

export function openAppReply(miniAppId: string): BotReply {
  return {
    text: "Bạn nộp hồ sơ trực tuyến trên Mini App “Dịch vụ công” ngay trong Zalo: chọn thủ tục, điền theo từng bước, thông tin đã có được điền sẵn.",
    buttons: [openApp(miniAppId)],
  };
}

/** First turn the bot did not understand: say so, and offer the ways forward. */
export function notUnderstoodReply(miniAppId: string): BotReply {
  return {
    text: "Xin lỗi, tôi chưa hiểu ý bạn. Bạn có thể gửi mã hồ sơ, hỏi về một thủ tục (ví dụ “làm giấy khai sinh cần gì”) hoặc bấm “Gặp cán bộ”.",
    buttons: [BUTTONS.lookup, BUTTONS.ask, BUTTONS.officer, openApp(miniAppId)],
  };
}

/** The conversation goes to the officers' queue; the bot stays quiet until it is handed back. */
export function handoverReply(reason: "asked" | "not_understood"): BotReply {
  const lead =
    reason === "asked"
      ? "Đã chuyển cuộc trò chuyện cho cán bộ xã/phường."
      : "Tôi chưa trả lời được câu hỏi này, nên đã chuyển cho cán bộ xã/phường.";
  return {
    text: `${lead} Cán bộ sẽ trả lời bạn ngay tại đây trong giờ hành chính (8:00–17:00, thứ Hai đến thứ Sáu). Bạn cứ nhắn thêm thông tin nếu cần.`,
  };
}

/** Images, stickers, locations, files…: the bot reads only text. */
export function mediaReply(kind: "image" | "sticker" | "location" | "other"): BotReply {
  const what =
    kind === "image"
      ? "Cảm ơn bạn đã gửi ảnh. Tôi chưa đọc được ảnh;"
      : kind === "sticker"
        ? "😊 Cảm ơn bạn!"
        : kind === "location"
          ? "Cảm ơn bạn đã gửi vị trí. Tôi chưa dùng được vị trí;"
          : "Cảm ơn bạn. Tôi chưa đọc được loại tin này;";
  const next =
    kind === "sticker"
      ? "Bạn cần tra cứu hồ sơ hay hỏi thủ tục gì không?"
      : "bạn vui lòng nhắn bằng chữ. Nếu cần nộp giấy tờ, hãy nộp kèm hồ sơ trên Mini App.";
  return { text: `${what} ${next}`, buttons: [BUTTONS.lookup, BUTTONS.ask] };
}

export function slowDownReply(): BotReply {
  return {
    text: "Bạn nhắn hơi nhanh, tôi xin phép tạm dừng trả lời khoảng một phút. Sau đó bạn cứ nhắn tiếp nhé.",
  };
}
