import {
  type CommuneDetail,
  type CommuneSearchResponse,
  type CommuneSummary,
  foldVietnamese,
  miniAppLink,
  noticesPath,
} from "@dvc/shared";
import type { NoticeRequest } from "./intent-notices";
import type { BotReply } from "./replies";

/**
 * The bot's side of "which commune's notices reach me on Zalo" (issue 13): finds the commune named,
 * and says what changes. Pure: the commune index and the current choice are given, and the change is
 * returned for the caller to write (service.ts, through the broadcast module) in the reply's transaction.
 */

/** What the units module's commune index offers (modules/units loadCommuneIndex). */
export interface CommuneFinder {
  search(query: { q?: string | undefined }): CommuneSearchResponse;
  get(code: string): CommuneDetail | undefined;
}

/** The subscription to write: a commune's code, or "clear" (no more notices on Zalo). */
export type NoticeCommuneChange = { communeCode: string } | "clear";

export interface NoticeAnswer {
  reply: BotReply;
  change?: NoticeCommuneChange;
}

/** Buttons Zalo shows under one message are few (zalo-oa.md §2); more matches → "write it more fully". */
const MAX_CHOICES = 4;
const UNIT_WORDS = new Set(["xa", "phuong", "thi", "tran", "dac", "khu"]);

const STOP_BUTTON = {
  title: "Hủy nhận thông báo",
  type: "oa.query.show",
  payload: "Hủy nhận thông báo",
} as const;
const HOW_TO_STOP = "Muốn dừng, nhắn “hủy nhận thông báo” hoặc bấm nút bên dưới.";
const EXAMPLE = "ví dụ: “nhận thông báo phường Ba Đình”";

export function answerNoticeRequest(
  request: NoticeRequest,
  input: { current: string | null; communes: CommuneFinder; miniAppId: string },
): NoticeAnswer {
  const currentName = input.current === null ? undefined : input.communes.get(input.current)?.name;
  if (request.kind === "notice_unsubscribe") return unsubscribe(input.current, currentName);
  if (request.communeQuery === null) return askWhich(currentName);
  const found = pickCommune(input.communes, request.communeQuery);
  if (found.kind === "none") {
    return {
      reply: {
        text: `Tôi chưa tìm thấy xã/phường bạn nhắn. Bạn vui lòng viết lại tên xã/phường (tên mới từ 01/7/2025 hoặc tên cũ đều được), ${EXAMPLE}.`,
      },
    };
  }
  if (found.kind === "several") {
    return {
      reply: {
        text: "Có vài xã/phường trùng với tên bạn nhắn. Bạn muốn nhận thông báo của nơi nào? Bấm để chọn, hoặc viết rõ hơn tên xã/phường.",
        buttons: found.communes.map((commune) => ({
          title: commune.name,
          type: "oa.query.show" as const,
          payload: `Nhận thông báo ${commune.name}`,
        })),
      },
    };
  }
  const { commune } = found;
  const changed = commune.code === input.current ? "Bạn vẫn đang nhận" : "Đã đăng ký. Từ nay bạn sẽ nhận";
  return {
    change: { communeCode: commune.code },
    reply: {
      text: [
        `${changed} thông báo của ${commune.name} qua Zalo, ngay trong cuộc trò chuyện này.`,
        "Muốn đổi nơi nhận, nhắn “nhận thông báo” kèm tên xã/phường mới.",
        HOW_TO_STOP,
      ].join("\n"),
      buttons: [
        { title: "Xem thông báo", type: "oa.open.url", payload: miniAppLink(input.miniAppId, noticesPath) },
        STOP_BUTTON,
      ],
    },
  };
}

function unsubscribe(current: string | null, currentName: string | undefined): NoticeAnswer {
  if (current === null) {
    return {
      reply: {
        text: `Bạn chưa đăng ký nhận thông báo của xã/phường nào, nên không có gì để hủy. Muốn nhận, nhắn “nhận thông báo” kèm tên xã/phường, ${EXAMPLE}.`,
      },
    };
  }
  return {
    change: "clear",
    reply: {
      text: `Đã hủy. Bạn sẽ không nhận thông báo${currentName ? ` của ${currentName}` : ""} qua Zalo nữa. Muốn nhận lại, nhắn “nhận thông báo” kèm tên xã/phường.`,
    },
  };
}

function askWhich(currentName: string | undefined): NoticeAnswer {
  const now = currentName ? `Hiện bạn đang nhận thông báo của ${currentName}. ` : "";
  return {
    reply: {
      text: `${now}Bạn muốn nhận thông báo của xã/phường nào? Nhắn “nhận thông báo” kèm tên xã/phường, ${EXAMPLE}.`,
      ...(currentName ? { buttons: [STOP_BUTTON] } : {}),
    },
  };
}

type Pick =
  | { kind: "one"; commune: CommuneSummary }
  | { kind: "several"; communes: CommuneSummary[] }
  | { kind: "none" };

/**
 * The commune a folded query names. The query may end with words of the sentence ("… nhé ad", "… được
 * không"), so words are dropped from its end until the search finds something (a unit word alone is
 * no name). Then: the only match; else the only one whose name is the query (with its unit word, then
 * without); else up to MAX_CHOICES to choose from.
 */
function pickCommune(finder: CommuneFinder, query: string): Pick {
  const words = query.split(" ");
  for (let length = words.length; length > 0; length--) {
    const prefix = words.slice(0, length);
    if (prefix.every((word) => UNIT_WORDS.has(word))) break;
    const found = finder.search({ q: prefix.join(" ") }).communes;
    if (found.length > 0) return choose(found, prefix.join(" "));
  }
  return { kind: "none" };
}

function choose(found: CommuneSummary[], query: string): Pick {
  if (found.length === 1 && found[0]) return { kind: "one", commune: found[0] };
  const sameName = found.filter((commune) => foldVietnamese(commune.name) === query);
  if (sameName.length === 1 && sameName[0]) return { kind: "one", commune: sameName[0] };
  const sameBareName = found.filter((commune) => bare(foldVietnamese(commune.name)) === bare(query));
  if (sameBareName.length === 1 && sameBareName[0]) return { kind: "one", commune: sameBareName[0] };
  const choices = sameBareName.length > 1 ? sameBareName : found;
  return { kind: "several", communes: choices.slice(0, MAX_CHOICES) };
}

function bare(folded: string): string {
  return folded
    .split(" ")
    .filter((word) => !UNIT_WORDS.has(word))
    .join(" ");
}
