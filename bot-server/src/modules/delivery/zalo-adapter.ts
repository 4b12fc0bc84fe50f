import type { OaClient } from "../../zalo/oa-client";
import { deliveryDecision } from "../../zalo/zalo-error-codes";
import type { ZnsClient } from "../../zalo/zns-client";
import type { FailureVerdict, ZaloPort } from "./zalo-port";

/**
 * The delivery engine's way to Zalo: the OA client (consultation, template by user id, groups, the
 * per-user quota) and the ZNS client, with Zalo's error table (zalo/zalo-error-codes.ts) deciding what
 * a failure means. The only place the engine touches Zalo's send APIs.
 */
export function zaloAdapter({ oa, zns }: { oa: OaClient; zns: ZnsClient }): ZaloPort {
  return {
    sendConsultation: (oaUserId, text, buttons) =>
      buttons.length > 0 ? oa.sendButtons(oaUserId, text, buttons) : oa.sendText(oaUserId, text),
    sendTemplateByUserId: (oaUserId, templateId, data) => oa.sendTemplate(oaUserId, templateId, data),
    async sendZns(phone, templateId, data, ref) {
      const sent = await zns.sendTemplate({ phone, templateId, templateData: data, trackingId: ref });
      return { messageId: sent.messageId, quotaRemaining: sent.quota?.remaining };
    },
    sendGroupText: (groupId, text) => oa.sendGroupText(groupId, text),
    sendGroupImage: (groupId, attachmentId, caption) => oa.sendGroupImage(groupId, attachmentId, caption),
    async lastInteraction(oaUserId) {
      const { lastInteraction } = await oa.getQuota(oaUserId);
      return lastInteraction === undefined ? null : new Date(lastInteraction);
    },
    classify(error, now): FailureVerdict {
      const decision = deliveryDecision(error, now);
      const reason = reasonOf(error);
      if (decision.action === "retry") {
        return decision.slowDown
          ? { action: "slow_down", reason }
          : { action: "retry", reason, notBefore: decision.notBefore };
      }
      return { action: decision.action, reason };
    },
  };
}

/** "kind" or "kind:-230": the error's class and Zalo's number, never Zalo's message text. */
function reasonOf(error: unknown): string {
  if (typeof error === "object" && error !== null && "kind" in error) {
    const { kind, zaloError } = error as { kind: unknown; zaloError?: unknown };
    return typeof zaloError === "number" ? `${String(kind)}:${zaloError}` : String(kind);
  }
  return error instanceof Error ? error.name : "unknown";
}
