import { Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db/client";
import type { AppEnv } from "../http/env";
import { readJson, zaloOk, zaloRefuse } from "./envelope";
import { attachmentsKnown, csBodySchema } from "./oa-message-schema";
import { findOaUser } from "./oa-users-repo";
import { ownWebhookUrl } from "./own-webhook";
import type { SandboxReceipts } from "./receipts";
import { countSentSince, recordSent } from "./sent-messages-repo";
import { findTemplate, templateDataProblem, templateDataSchema } from "./templates";
import { OA_REFUSALS } from "./zalo-errors";
import { zaloHexId, zaloTime } from "./zalo-likeness";

/**
 * Messages to one follower (zalo-oa.md §2):
 *   POST /v3.0/oa/message/cs         consultation: only within 7 days of the user's last interaction
 *   POST /v3.0/oa/message/template   an approved template by user id: `user_id, template_id, template_data`
 * Checks, in order: body shape (-201), a user the OA knows (-213), the window (-230, cs only), attachment
 * ids the sandbox issued / template and its data (-201). Each accepted message is recorded as received,
 * and a follower's phone then sends its receipts to the product's webhook (receipts.ts, §0 "Receipts").
 */

/** [C §2] consultation messages need an interaction within 7 days. */
export const CS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/** [C §2: FD] the old rule, 8 free replies after an interaction; reported in `quota`, never enforced. */
const FREE_REPLIES = 8;

const templateBodySchema = z.object({
  user_id: z.string().regex(/^\d{1,32}$/),
  template_id: z.string().regex(/^\d{1,32}$/),
  template_data: templateDataSchema,
  tracking_id: z.string().max(48).optional(),
});

export function withinWindow(lastInteractionAt: Date | null, now: Date): boolean {
  return lastInteractionAt !== null && now.getTime() - lastInteractionAt.getTime() <= CS_WINDOW_MS;
}

export function oaMessageRoutes(db: Database, receipts: SandboxReceipts) {
  return new Hono<AppEnv>()
    .post("/v3.0/oa/message/cs", async (c) => {
      const raw = await readJson(c);
      const body = csBodySchema.safeParse(raw);
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const now = new Date();
      const user = await findOaUser(db, body.data.recipient.user_id);
      if (!user) return zaloRefuse(c, OA_REFUSALS.unknownUser);
      if (!withinWindow(user.lastInteractionAt, now)) return zaloRefuse(c, OA_REFUSALS.outsideWindow);
      if (!(await attachmentsKnown(db, body.data.message))) return zaloRefuse(c, OA_REFUSALS.badParams);
      const messageId = zaloHexId();
      await recordSent(db, { channel: "oa_cs", recipient: user.id, messageId, payload: raw, at: now });
      if (user.following) {
        receipts.afterOaMessage({ webhookUrl: ownWebhookUrl(c), userId: user.id, messageId });
      }
      // [U §2] `quota.remain` is informational: since 2026 replies inside 48 h are unlimited.
      const since = user.lastInteractionAt ?? now;
      const sent = await countSentSince(db, { channel: "oa_cs", since, recipient: user.id });
      return zaloOk(c, {
        message_id: messageId,
        user_id: user.id,
        sent_time: zaloTime(now),
        quota: {
          quota_type: "reply",
          remain: String(Math.max(0, FREE_REPLIES - sent)),
          total: String(FREE_REPLIES),
        },
      });
    })
    .post("/v3.0/oa/message/template", async (c) => {
      const raw = await readJson(c);
      const body = templateBodySchema.safeParse(raw);
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const now = new Date();
      // [U §2 "Change"] a template message replaces the transaction message, which is not reactive: no
      // 7-day window, but the user must be one the OA knows.
      const user = await findOaUser(db, body.data.user_id);
      if (!user) return zaloRefuse(c, OA_REFUSALS.unknownUser);
      const template = findTemplate(body.data.template_id);
      if (!template) return zaloRefuse(c, OA_REFUSALS.unknownTemplate);
      if (templateDataProblem(template, body.data.template_data) !== undefined) {
        return zaloRefuse(c, OA_REFUSALS.badParams);
      }
      const messageId = zaloHexId();
      await recordSent(db, { channel: "oa_template", recipient: user.id, messageId, payload: raw, at: now });
      if (user.following) {
        receipts.afterOaMessage({ webhookUrl: ownWebhookUrl(c), userId: user.id, messageId });
      }
      return zaloOk(c, { message_id: messageId, user_id: user.id, sent_time: zaloTime(now) });
    });
}
