import type { OaButton } from "../../zalo/oa-contract";

/**
 * What the delivery engine asks of Zalo. The adapter over the Zalo clients (zalo-sender.ts) is the only
 * code that calls Zalo's send APIs (ARCHITECTURE.md); tests and the bench give their own, recording ones.
 * A failure is thrown; `classify` says what it means for the message. `ref` is the message's stable id
 * (`d<deliveries.id>`), the same on every attempt: ZNS carries it as `tracking_id`; Zalo's OA APIs take no
 * idempotency key, so a process killed between Zalo's answer and our write sends that message again
 * (at least once, never lost).
 */
export interface ZaloPort {
  /** Consultation message ("cs"), inside the 7-day window. */
  sendConsultation(
    oaUserId: string,
    text: string,
    buttons: readonly OaButton[],
    ref: string,
  ): Promise<{ messageId: string }>;
  /** Approved template by user id (replaces transaction messages since 2026-03-01). */
  sendTemplateByUserId(
    oaUserId: string,
    templateId: string,
    data: Readonly<Record<string, string>>,
    ref: string,
  ): Promise<{ messageId: string }>;
  /** ZNS by phone; `ref` goes as `tracking_id`, echoed in the receipt. */
  sendZns(
    phone: string,
    templateId: string,
    data: Readonly<Record<string, string>>,
    ref: string,
  ): Promise<{ messageId: string; quotaRemaining?: number | undefined }>;
  /** A text post into an OA-owned group (GMF). */
  sendGroupText(groupId: string, text: string, ref: string): Promise<{ messageId: string }>;
  /** An uploaded image (Zalo attachment id) with a caption, into an OA-owned group (GMF, §0/§5). */
  sendGroupImage(
    groupId: string,
    attachmentId: string,
    caption: string,
    ref: string,
  ): Promise<{ messageId: string }>;
  /** The OA's own record of the resident's last interaction (`POST /v3.0/oa/quota/message`). */
  lastInteraction(oaUserId: string): Promise<Date | null>;
  /** What a thrown failure means for the message. */
  classify(error: unknown, now: Date): FailureVerdict;
}

/**
 * `retry`: may pass later (network, timeout, 5xx, 429, Zalo busy), at the schedule's pace or not before
 * `notBefore`; `slow_down`: Zalo's -32, the whole fleet waits; `next_channel`: this channel cannot take
 * it (outside the window, no Zalo account…), the ladder's next rung may; `permanent`: refused for good.
 */
export type FailureVerdict =
  | { action: "retry"; reason: string; notBefore?: Date | undefined }
  | { action: "slow_down"; reason: string }
  | { action: "next_channel"; reason: string }
  | { action: "permanent"; reason: string };
