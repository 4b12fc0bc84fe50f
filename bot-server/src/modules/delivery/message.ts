import type { DossierStatus } from "@dvc/shared";
import { DELIVERY_KINDS } from "../../db/schema";
import type { OaButton } from "../../zalo/oa-contract";

export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export { DELIVERY_KINDS };

/** A reply inside a conversation (the bot's, an officer's): consultation message only, in order. */
export interface ReplyMessage {
  kind: "chatbot_reply" | "officer_reply";
  /** The logical message: e.g. `reply:<inbound event id>:<n>`. Enqueuing it twice sends it once. */
  key: string;
  oaUserId: string;
  text: string;
  buttons?: readonly OaButton[];
}

/** A dossier's new status, told to the citizen who filed it, by whatever channel reaches them. */
export interface DossierStatusMessage {
  kind: "dossier_status" | "supplement_request";
  /** Dossier code + status event id. */
  key: string;
  citizenId: string;
  dossierCode: string;
  status: DossierStatus;
  procedureTitle: string;
  dueAt: Date;
  supplementMessage?: string | undefined;
  /** The officer's reason or note with the move (refusal, stop, pick-up, apology). */
  officerNote?: string | undefined;
  apology?: boolean | undefined;
}

/** A post into an OA-owned group (GMF, zalo-oa.md §0/§5): text, or an image with the text as caption. */
export interface GroupNoticeMessage {
  kind: "group_notice";
  key: string;
  groupId: string;
  text: string;
  /** The broadcast notice it carries (deliveries.notice_id): progress and the report count by it. */
  noticeId?: string;
  /** Zalo's attachment id of an uploaded image (§2): the post is the image with `text` as its caption. */
  imageAttachmentId?: string;
  /** Noise after this (the notice's expiry); default: the kind's time-to-live. */
  expiresAt?: Date;
}

/** A notice to one follower: the channel ladder, and quiet hours (22:00–06:00). */
export interface FollowerNoticeMessage {
  kind: "follower_notice";
  key: string;
  oaUserId: string;
  text: string;
  buttons?: readonly OaButton[];
  /** The broadcast notice it carries (deliveries.notice_id). */
  noticeId?: string;
  /** Noise after this (e.g. the event it announces); default: the kind's time-to-live. */
  expiresAt?: Date;
}

export type DeliveryMessage =
  | ReplyMessage
  | DossierStatusMessage
  | GroupNoticeMessage
  | FollowerNoticeMessage;

const HOUR = 3_600_000;

/**
 * How long each kind is worth sending (OB-6, GOV.UK Notify's 3-day rule): a status message after 72 h is
 * noise, and a bot's answer a day late answers a question nobody is still asking.
 */
export const TIME_TO_LIVE_MS: Readonly<Record<DeliveryKind, number>> = {
  chatbot_reply: 24 * HOUR,
  officer_reply: 72 * HOUR,
  dossier_status: 72 * HOUR,
  supplement_request: 72 * HOUR,
  group_notice: 72 * HOUR,
  follower_notice: 72 * HOUR,
};
