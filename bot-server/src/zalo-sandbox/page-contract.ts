import type { ChatEventKind } from "./event-payloads";

/**
 * The JSON the /sandbox page reads and sends, in one place: the routes that answer it (routes.ts,
 * chat-routes.ts, chat-event-view.ts) check their answers against these types with `satisfies`, and the
 * page (mini-app/src/sandbox-page, built separately by Vite) imports them type-only through
 * `@dvc/bot-server/zalo-sandbox/page-contract`. Types only: nothing here may end up in a browser bundle.
 */

/** GET /sandbox/api/info */
export interface SandboxInfo {
  mode: "sandbox" | "production";
  appId: string;
  oaId: string;
  /** Links of the form https://zalo.me/s/<miniAppId>/<path> open the Mini App. */
  miniAppId: string;
  baseUrls: { api: string; oauth: string; graph: string; business: string };
}

/** A resident (a pretend OA follower) as the page shows them. */
export interface SandboxResident {
  id: string;
  userIdByApp: string | null;
  displayName: string;
  following: boolean;
  /** ISO 8601, or null before their first message or follow. */
  lastInteractionAt: string | null;
  /** The sandbox Mini App user they are linked to, when there is one. */
  miniAppUser: { id: string; name: string } | null;
}

/**
 * What the page draws for one event a resident caused: the few fields of a Zalo event payload a bubble
 * needs. Anything the server could not read becomes kind "other" (see chat-event-view.ts).
 */
export interface ChatEventView {
  eventName: string;
  kind: ChatEventKind | "other";
  msgId: string | null;
  text: string | null;
  /** The photo or sticker URL the event carried. */
  imageUrl: string | null;
  location: { latitude: string; longitude: string } | null;
  /** Epoch milliseconds (the body's string timestamp, read once by the server for the page's clock). */
  at: number;
}

/**
 * How far Zalo got with a message the OA sent. Not sent by the server yet: the page shows it when a
 * message carries it and nothing otherwise.
 */
export type DeliveryState = "sent" | "delivered" | "seen";

/** One thing the product sent through the sandbox (a row of GET /sandbox/api/messages). */
export interface SentMessageView {
  id: number;
  /** "oa_cs" | "oa_template" | "oa_group" | "zns"; a string, since the page must survive a new one. */
  channel: string;
  /** OA user id, group id, or a masked phone number. */
  recipient: string;
  messageId: string | null;
  /** The body the product sent, as the sandbox received it: read defensively, never trusted. */
  payload: unknown;
  /** ISO 8601. */
  createdAt: string;
  delivery?: DeliveryState;
}

/** GET /sandbox/api/messages */
export interface MessagesAnswer {
  messages: SentMessageView[];
}

/** A message's receipt state, by the id of its row in GET /sandbox/api/messages. */
export interface ReceiptView {
  id: number;
  delivery: DeliveryState;
}

/** GET /sandbox/api/receipts?recipient=<id> */
export interface ReceiptsAnswer {
  receipts: ReceiptView[];
}

/** GET /sandbox/api/chat/residents */
export interface ResidentsAnswer {
  residents: SandboxResident[];
}

/** POST /sandbox/api/chat/residents */
export interface CreateResidentRequest {
  displayName: string;
  linkToSandboxUserId?: string;
}

/** POST /sandbox/api/chat/residents (201) */
export interface ResidentAnswer {
  resident: SandboxResident;
}

/** GET /sandbox/api/chat/residents/:id/events */
export interface ResidentEventsAnswer {
  events: ChatEventView[];
}

/** POST /sandbox/api/chat/residents/:id/events */
export interface ChatEventRequest {
  kind: ChatEventKind;
  text?: string;
}

/** POST /sandbox/api/chat/residents/:id/events: the webhook's answer and the resident as they are now. */
export interface ChatEventAnswer {
  webhookStatus: number;
  accepted: boolean;
  /** The product's refusal message when it did not accept the event. */
  refusal: string | null;
  msgId: string | null;
  event: ChatEventView;
  resident: SandboxResident;
}

/** GET /sandbox/api/chat/mini-app-users */
export interface MiniAppUsersAnswer {
  users: { id: string; name: string }[];
}

/** GET /sandbox/api/chat/groups */
export interface GroupsAnswer {
  groups: { id: string; name: string }[];
}

/** GET /sandbox/api/chat/templates */
export interface TemplatesAnswer {
  templates: { templateId: string; templateName: string }[];
}
