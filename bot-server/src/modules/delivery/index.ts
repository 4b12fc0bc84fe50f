/**
 * The delivery engine's public face: the outbox every message to Zalo goes through (OB-1…8), its worker,
 * receipts, and what the timeline and the officers read. See ARCHITECTURE.md "delivery".
 */
export { CONSULTATION_WINDOW_MS, channelLadder, type DeliveryChannel, quietUntil } from "./channel-ladder";
export { type DeliveryDeps, deliverOne } from "./deliver";
export { enqueue, enqueueMany } from "./enqueue";
export {
  DELIVERY_KINDS,
  type DeliveryKind,
  type DeliveryMessage,
  type DossierStatusMessage,
  type FollowerNoticeMessage,
  type GroupNoticeMessage,
  type ReplyMessage,
  TIME_TO_LIVE_MS,
} from "./message";
export {
  type NoticeDeliveryCounts,
  type NoticeFailure,
  type NoticeStateCounts,
  noticeDeliveryCounts,
  noticeFailures,
  noticeRowsOpen,
  requeueFailedOfNotice,
} from "./notice-queries";
export {
  type DeadLetter,
  hasDeliveriesWithPrefix,
  listDeadLetters,
  type NoticeOfDossier,
  noticesOfDossier,
  purgeChatReplies,
} from "./queries";
export { applyReceipt, type Receipt } from "./receipts";
export { MAX_DELIVERY_ATTEMPTS, nextAttemptAt, RETRY_WAITS_MS } from "./retry-schedule";
export { createSendBudget, OA_BUDGET, type SendBudget } from "./send-budget";
export { drainDue, startDeliveryWorker } from "./worker";
export type { FailureVerdict, ZaloPort } from "./zalo-port";
