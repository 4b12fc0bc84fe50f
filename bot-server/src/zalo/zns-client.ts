import { normalisePhone } from "@dvc/shared";
import type { Logger } from "../lib/logger";
import { templateFields } from "./oa-contract";
import { OaError } from "./oa-error";
import type { OaTokenStore } from "./oa-token-store";
import { createZaloCaller, type ZaloFetch } from "./zalo-call";
import { ZNS_PATHS, ZNS_PHONE, ZNS_TRACKING_ID, znsSendResponseSchema } from "./zns-contract";

/**
 * ZNS ("ZBS Template Message") by phone on business.openapi.zalo.me (zalo-oa.md §4), with the OA's own
 * access token: same refresh-once (-124 on this host), timeout and error kinds as the OA client
 * (zalo-call.ts, zalo-error-codes.ts). The phone number is personal data: it goes to Zalo and nowhere
 * else — never into a log line or an error.
 */

export interface ZnsTemplateMessage {
  /** A Vietnamese mobile number in any usual spelling (0…, 84…, +84…); sent as `84…`. */
  phone: string;
  templateId: string;
  templateData: Readonly<Record<string, string>>;
  /** Our correlation id, echoed in the delivery receipt: letters and digits, ≤ 48 (zns-contract.ts). */
  trackingId: string;
}

export interface ZnsQuota {
  daily: number;
  remaining: number;
}

export interface ZnsClient {
  /** Receipts arrive as `user_received_message` with `X-ZEvent-Server: ZNS`, naming `msg_id` (§4 [C]). */
  sendTemplate(message: ZnsTemplateMessage): Promise<{ messageId: string; quota?: ZnsQuota }>;
}

export interface ZnsClientOptions {
  /** config.zalo.businessBaseUrl: https://business.openapi.zalo.me, or /sandbox/business. */
  baseUrl: string;
  appSecret: string;
  tokens: OaTokenStore;
  logger: Logger;
  timeoutMs?: number;
  fetch?: ZaloFetch;
}

/** "84…" for Zalo, or undefined when the number is not a Vietnamese mobile number. */
export function znsPhoneOf(raw: string): string | undefined {
  const checked = normalisePhone(raw);
  return checked.ok && ZNS_PHONE.test(checked.value) ? checked.value : undefined;
}

export function createZnsClient(options: ZnsClientOptions): ZnsClient {
  const call = createZaloCaller({ ...options, logName: "zalo zns" });
  return {
    async sendTemplate({ phone, templateId, templateData, trackingId }) {
      const to = znsPhoneOf(phone);
      // Refused here as Zalo would refuse it (-108): this recipient cannot be reached by ZNS.
      if (to === undefined) throw new OaError("bad_phone", undefined);
      const fields = templateFields(templateId, templateData);
      if (!fields || !ZNS_TRACKING_ID.test(trackingId)) throw new OaError("invalid", undefined);
      const answer = await call(
        ZNS_PATHS.sendTemplate,
        {
          phone: to,
          template_id: fields.templateId,
          template_data: fields.templateData,
          tracking_id: trackingId,
        },
        znsSendResponseSchema,
      );
      const quota = answer.data.quota;
      return {
        messageId: answer.data.msg_id,
        ...(quota ? { quota: { daily: quota.dailyQuota, remaining: quota.remainingQuota } } : {}),
      };
    },
  };
}
