import { vnMinuteOfDay } from "@dvc/shared";
import type { DELIVERY_CHANNELS } from "../../db/schema";
import type { DeliveryKind } from "./message";

export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/**
 * THE channel rule (zalo-oa.md §0, checked December 2026), in one place. Since 2026-03-01 a free-form
 * message by user id goes only inside the 7-day window after the resident's last interaction
 * (consultation, "cs"); outside it, an approved template by user id; a citizen with no OA link, or
 * whom both refuse, by ZNS to their phone when they consented to status notifications; otherwise the
 * Mini App alone shows it ("chưa liên lạc được qua Zalo"). Replies are consultation messages or
 * nothing: a late answer in a template would be noise. Group notices go to the OA's groups (GMF).
 */

/** Consultation messages need an interaction within this long (zalo-oa.md §2 [C]: -230/-232 beyond). */
export const CONSULTATION_WINDOW_MS = 7 * 24 * 3_600_000;
/**
 * Our own record of the last interaction is trusted when it is this fresh; older or missing, the OA's
 * record is asked for (`POST /v3.0/oa/quota/message`), since a resident may have tapped a menu we never heard of.
 */
export const TRUSTED_INTERACTION_AGE_MS = 6 * 24 * 3_600_000;

export interface LadderFacts {
  /** The resident's OA user id, when the message's recipient follows or wrote to the OA. */
  oaUserId: string | null;
  /** A phone number the citizen agreed to be told about their dossiers on (84…), else null. */
  consentedPhone: string | null;
  /** The approved template id for this kind (ZALO_TEMPLATE_*), else undefined: that rung is skipped. */
  templateId: string | undefined;
}

/** The channels to try, in order; the first that takes the message wins. */
export function channelLadder(kind: DeliveryKind, facts: LadderFacts): DeliveryChannel[] {
  switch (kind) {
    case "chatbot_reply":
      return facts.oaUserId ? ["oa_cs"] : [];
    // Outside the 7-day window an officer's answer may still go as the approved reply template
    // (transaction message by user id, zalo-oa.md §0), when one is configured.
    case "officer_reply":
      if (!facts.oaUserId) return [];
      return facts.templateId ? ["oa_cs", "oa_template"] : ["oa_cs"];
    case "group_notice":
      return ["oa_group"];
    case "dossier_status":
    case "supplement_request":
    case "follower_notice": {
      const ladder: DeliveryChannel[] = [];
      if (facts.oaUserId) ladder.push("oa_cs");
      if (facts.oaUserId && facts.templateId) ladder.push("oa_template");
      if (facts.consentedPhone && facts.templateId) ladder.push("zns");
      ladder.push("in_app");
      return ladder;
    }
  }
}

/** Inside the consultation window by the time given (ms since epoch), or unknown. */
export function inConsultationWindow(lastInteraction: Date | null, now: Date): boolean {
  return lastInteraction !== null && now.getTime() - lastInteraction.getTime() < CONSULTATION_WINDOW_MS;
}

const QUIET_FROM_MINUTE = 22 * 60;
const QUIET_TO_MINUTE = 6 * 60;

/**
 * Quiet hours, 22:00–06:00 Vietnam time, for notices to followers only (the issue; Zalo blocks
 * promotional sends then, -234): never for replies or status messages, which the resident is waiting
 * for. The end of the quiet hours when `now` is inside them, else null.
 */
export function quietUntil(kind: DeliveryKind, now: Date): Date | null {
  if (kind !== "follower_notice") return null;
  const minute = vnMinuteOfDay(now);
  if (minute >= QUIET_TO_MINUTE && minute < QUIET_FROM_MINUTE) return null;
  const minutesLeft =
    minute >= QUIET_FROM_MINUTE ? 24 * 60 - minute + QUIET_TO_MINUTE : QUIET_TO_MINUTE - minute;
  // Whole minutes: the seconds of `now` are dropped, so the wake-up is 06:00:00.
  return new Date(Math.floor(now.getTime() / 60_000) * 60_000 + minutesLeft * 60_000);
}
