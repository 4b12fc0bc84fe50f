import type { Database } from "../../db/client";
import type { Logger } from "../../lib/logger";
import type { OaClient } from "../../zalo/oa-client";
import { OaError } from "../../zalo/oa-error";
import { RETRYABLE_KINDS, type ResidentMessenger, type SendOutcome } from "./messenger";
import { claimOutbound, insertOutbound, markOutboundFailed, markOutboundSent } from "./repo";

/**
 * Sends recorded messages at once through Zalo's consultation API (zalo-oa.md §2: reactive messages
 * inside the 7-day window). Each key is claimed before the call, so a replay sends only what is unsent.
 */
export function createOaMessenger(deps: { db: Database; oa: OaClient; logger: Logger }): ResidentMessenger {
  const { db, oa, logger } = deps;

  async function sendOne(dedupeKey: string): Promise<SendOutcome> {
    const message = await claimOutbound(db, dedupeKey);
    if (!message) return { dedupeKey, status: "skipped" };
    try {
      const { messageId } =
        message.buttons && message.buttons.length > 0
          ? await oa.sendButtons(message.oaUserId, message.text, message.buttons)
          : await oa.sendText(message.oaUserId, message.text);
      await markOutboundSent(db, dedupeKey, messageId);
      return { dedupeKey, status: "sent", zaloMessageId: messageId };
    } catch (error) {
      if (!(error instanceof OaError)) throw error;
      await markOutboundFailed(db, dedupeKey, error.kind);
      // The key names the reason for the message; no text, no user id (personal data stays out).
      logger.warn("outbound message not delivered", { dedupeKey, reason: error.kind });
      return { dedupeKey, status: "failed", reason: error.kind, retryable: RETRYABLE_KINDS.has(error.kind) };
    }
  }

  return {
    enqueue: insertOutbound,
    async flush(keys) {
      const outcomes: SendOutcome[] = [];
      // In order: a conversation's bubbles must arrive as written.
      for (const key of keys) outcomes.push(await sendOne(key));
      return outcomes;
    },
  };
}
