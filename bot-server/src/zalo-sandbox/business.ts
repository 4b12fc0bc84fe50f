import { maskPhone, normalisePhone } from "@dvc/shared";
import { Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db/client";
import type { AppEnv } from "../http/env";
import { noStoreAnswers, readJson, zaloOk, zaloRefuse } from "./envelope";
import { oaGuard } from "./oa-auth";
import type { OaTokenIssuer } from "./oa-token-issuer";
import { ownWebhookUrl } from "./own-webhook";
import type { SandboxReceipts } from "./receipts";
import { countSentSince, recordSent } from "./sent-messages-repo";
import { findTemplate, templateDataProblem, templateDataSchema } from "./templates";
import { ZNS_REFUSALS } from "./zalo-errors";
import { vietnamDayStart, zaloHexId, zaloTime } from "./zalo-likeness";

/**
 * A stand-in for business.openapi.zalo.me, mounted at /sandbox/business (zalo-oa.md §4):
 *   POST /message/template         ZNS by phone: `phone` (84…/+84…), `template_id`, `template_data`,
 *                                  `tracking_id` (required, ≤ 48, no special characters [C])
 *   GET  /template/info/v2?template_id=   `status` "ENABLE" and `listParams[].name` [C]
 * Same OA access token as openapi (§4 [C]), but this host answers -124 for any token problem [U §7]
 * and is not rate limited here ([U]: ZNS's own limits are not published; its quota is per day).
 * The phone number is personal data (house rule; Decree 13/2023): the recorded row holds it masked
 * ("0912 ••• 678", shared's maskPhone) in `recipient` and in the payload; the raw number is stored
 * nowhere (the page shows the masked one) — except in memory until its ZNS receipt, which names the
 * phone as Zalo's does (§4 "Delivery webhook" [C]), is sent to the product's webhook (receipts.ts).
 */

/** [C §4] the daily quota Zalo reports in the example; it adjusts with quality in reality. */
export const ZNS_DAILY_QUOTA = 500;

export interface BusinessOptions {
  db: Database;
  issuer: OaTokenIssuer;
  appId: string;
  appSecret: string;
  receipts: SandboxReceipts;
}

const sendSchema = z.object({
  phone: z.string(),
  template_id: z.string().regex(/^\d{1,32}$/),
  template_data: templateDataSchema,
  /** [C §4] required, ≤ 48 characters, no special characters ([U] which: letters, digits, _ - . : kept). */
  tracking_id: z
    .string()
    .min(1)
    .max(48)
    .regex(/^[A-Za-z0-9_.:-]+$/),
  /** [C §4] "1" normal, "3" over quota (whitelisted). */
  sending_mode: z.enum(["1", "3"]).optional(),
  /** [C §4] "development": only to the OA's admins; the sandbox records it like any other. */
  mode: z.literal("development").optional(),
});

/** "84…" from `84…` or `+84…` (no leading 0, §4 [C]) when it is a Vietnamese mobile number. */
export function znsPhone(raw: string): string | undefined {
  if (!/^\+?84\d{9}$/.test(raw)) return undefined;
  const checked = normalisePhone(raw);
  return checked.ok ? checked.value : undefined;
}

export function sandboxBusinessRoutes(options: BusinessOptions) {
  const { db, receipts } = options;
  return new Hono<AppEnv>()
    .use(noStoreAnswers)
    .use(
      oaGuard({
        db,
        issuer: options.issuer,
        appId: options.appId,
        appSecret: options.appSecret,
        refusals: {
          invalidToken: ZNS_REFUSALS.invalidToken,
          expiredToken: ZNS_REFUSALS.invalidToken,
          badProof: ZNS_REFUSALS.invalidToken,
        },
      }),
    )
    .post("/message/template", async (c) => {
      const raw = await readJson(c);
      const body = sendSchema.safeParse(raw);
      if (!body.success || typeof raw !== "object" || raw === null) {
        return zaloRefuse(c, ZNS_REFUSALS.badBody);
      }
      const phone = znsPhone(body.data.phone);
      if (phone === undefined) return zaloRefuse(c, ZNS_REFUSALS.badPhone);
      const template = findTemplate(body.data.template_id);
      if (!template) return zaloRefuse(c, ZNS_REFUSALS.unknownTemplate);
      if (templateDataProblem(template, body.data.template_data) !== undefined) {
        return zaloRefuse(c, ZNS_REFUSALS.badTemplateData);
      }
      const now = new Date();
      const sentToday = await countSentSince(db, { channel: "zns", since: vietnamDayStart(now) });
      if (sentToday >= ZNS_DAILY_QUOTA) return zaloRefuse(c, ZNS_REFUSALS.dailyQuota);
      const msgId = zaloHexId();
      const masked = maskPhone(phone);
      await recordSent(db, {
        channel: "zns",
        recipient: masked,
        messageId: msgId,
        payload: { ...raw, phone: masked },
        at: now,
      });
      receipts.afterZnsMessage({
        webhookUrl: ownWebhookUrl(c),
        phone,
        messageId: msgId,
        trackingId: body.data.tracking_id,
      });
      return zaloOk(c, {
        msg_id: msgId,
        sent_time: zaloTime(now),
        sending_mode: body.data.sending_mode ?? "1",
        quota: {
          dailyQuota: String(ZNS_DAILY_QUOTA),
          remainingQuota: String(ZNS_DAILY_QUOTA - sentToday - 1),
        },
      });
    })
    .get("/template/info/v2", (c) => {
      const template = findTemplate(c.req.query("template_id") ?? "");
      if (!template) return zaloRefuse(c, ZNS_REFUSALS.unknownTemplate);
      // [C] template_id, status, listParams[].name; [U] the other fields.
      return zaloOk(c, {
        template_id: template.templateId,
        template_name: template.templateName,
        status: "ENABLE",
        listParams: template.listParams,
        templateTag: "TRANSACTION",
      });
    });
}
