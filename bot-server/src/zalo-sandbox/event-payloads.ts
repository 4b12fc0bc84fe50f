import { zaloHexId } from "./zalo-likeness";

/**
 * The webhook events a resident on the sandbox chat page can cause, built in Zalo's exact shapes
 * (shared/reference/zalo-oa.md §1 "Payload shapes" [C]; tests/fixtures/zalo holds the same shapes).
 * Every id and the timestamp are strings: Zalo's ids exceed 2^53 and its timestamp is epoch ms as a
 * string [C], so a product that reads them as numbers breaks here as it would on Zalo.
 */

export const CHAT_EVENT_KINDS = ["text", "image", "sticker", "location", "follow", "unfollow"] as const;
export type ChatEventKind = (typeof CHAT_EVENT_KINDS)[number];

export const EVENT_NAME_OF = {
  text: "user_send_text",
  image: "user_send_image",
  sticker: "user_send_sticker",
  location: "user_send_location",
  follow: "follow",
  unfollow: "unfollow",
} as const satisfies Record<ChatEventKind, string>;

/** [C] a message text is at most 2,000 characters (zalo-oa.md §2). */
export const MAX_CHAT_TEXT_LENGTH = 2_000;

/** The sample location: Quảng trường Ba Đình, Hà Nội. Zalo sends coordinates as strings [C: fixture]. */
export const SAMPLE_LOCATION = { latitude: "21.0368", longitude: "105.8347" } as const;

/** A sticker id in Zalo's form (20 hex); the sandbox has one sticker. */
const SAMPLE_STICKER_ID = "5d1e7c0a9b3f42e8a6c1";

export interface ZaloAttachment {
  type: "image" | "sticker" | "location";
  payload:
    | { thumbnail: string; url: string }
    | { id: string; url: string }
    | { coordinates: { latitude: string; longitude: string } };
}

/** user → OA: `sender` is the resident's OA-scoped id, `recipient` the OA [C: CW]. */
export interface ZaloUserMessageEvent {
  app_id: string;
  user_id_by_app: string;
  event_name: "user_send_text" | "user_send_image" | "user_send_sticker" | "user_send_location";
  timestamp: string;
  sender: { id: string };
  recipient: { id: string };
  message: { msg_id: string; text?: string; attachments?: ZaloAttachment[] };
}

/** follow/unfollow: the resident is `follower.id`, no sender/recipient [C]; `source` [U: SPEC]. */
export interface ZaloFollowEvent {
  oa_id: string;
  follower: { id: string };
  user_id_by_app: string;
  event_name: "follow" | "unfollow";
  source: string;
  app_id: string;
  timestamp: string;
}

export type ZaloChatEvent = ZaloUserMessageEvent | ZaloFollowEvent;

export interface EventContext {
  appId: string;
  oaId: string;
  resident: { id: string; userIdByApp: string };
  now: Date;
  /** Absolute URL of the sandbox's sample media folder (the image and sticker point there). */
  mediaBaseUrl: string;
  /** Default: 20 random hex characters, the form of Zalo's `msg_id` [C: samples]. */
  msgId?: string;
}

/** The event for one action of the resident; `text` is used for kind "text" only. */
export function buildZaloEvent(
  kind: ChatEventKind,
  text: string | undefined,
  ctx: EventContext,
): ZaloChatEvent {
  const timestamp = String(ctx.now.getTime());
  if (kind === "follow" || kind === "unfollow") {
    // Key order as in Zalo's sample (zalo-oa.md §1); it does not matter to a parser, only to a reader.
    return {
      oa_id: ctx.oaId,
      follower: { id: ctx.resident.id },
      user_id_by_app: ctx.resident.userIdByApp,
      event_name: kind,
      source: "oa_profile",
      app_id: ctx.appId,
      timestamp,
    };
  }
  return {
    app_id: ctx.appId,
    user_id_by_app: ctx.resident.userIdByApp,
    event_name: EVENT_NAME_OF[kind],
    timestamp,
    sender: { id: ctx.resident.id },
    recipient: { id: ctx.oaId },
    message: { msg_id: ctx.msgId ?? zaloHexId(), ...messageBody(kind, text ?? "", ctx.mediaBaseUrl) },
  };
}

function messageBody(
  kind: "text" | "image" | "sticker" | "location",
  text: string,
  media: string,
): { text?: string; attachments?: ZaloAttachment[] } {
  switch (kind) {
    case "text":
      return { text };
    case "image":
      // Zalo sends an empty text beside a photo without a caption [C: fixture user_send_image].
      return {
        text: "",
        attachments: [
          { type: "image", payload: { thumbnail: `${media}/photo.svg`, url: `${media}/photo.svg` } },
        ],
      };
    case "sticker":
      return {
        attachments: [{ type: "sticker", payload: { id: SAMPLE_STICKER_ID, url: `${media}/sticker.svg` } }],
      };
    case "location":
      return {
        text: "",
        attachments: [{ type: "location", payload: { coordinates: { ...SAMPLE_LOCATION } } }],
      };
  }
}
