import type { Database } from "../../db/client";
import { countHits } from "../../http/rate-limit";
import type { Sealer } from "../../lib/crypto";
import type { Logger } from "../../lib/logger";
import { enqueue, hasDeliveriesWithPrefix } from "../delivery";
import type { InboundEvent } from "../events/claim";
import type { AfterResidentUpdated } from "../events/process";
import type { Resident } from "../events/residents-repo";
import { loadCommuneIndex } from "../units";
import { communeOfCitizen, lockConversation, openHandover, setLowConfidenceTurns } from "./conversation-repo";
import { decide } from "./decide";
import { type InboundMessage, inboundMessageOf } from "./inbound-message";
import { type BotReply, slowDownReply } from "./replies";
import { recordChatMessage } from "./transcript";

/**
 * Per-resident limit on the bot's answers (house rule SEC-4): a stuck keyboard or a script must not make
 * the OA spam one person or burn the app's 4,000 calls/min (zalo-oa.md §6). Over it the resident gets
 * one "slow down" notice per window, then silence until the window ends.
 */
export const CHATBOT_RATE_RULES = [
  { name: "chatbot-1m", limit: 10, windowMs: 60_000 },
  { name: "chatbot-1h", limit: 60, windowMs: 60 * 60_000 },
] as const;

export interface ChatbotDeps {
  db: Database;
  logger: Logger;
  /** Seals the conversation's transcript (transcript.ts), which officers read after a handover. */
  sealer: Sealer;
  miniAppId: string;
  /** The broadcast module's notice subscriptions, given by server.ts (broadcast → officer-desk → chatbot). */
  notices: NoticeSubscriptions;
  now?: () => Date;
}

/** A resident's commune for notices on Zalo; each call runs in the caller's transaction. */
export interface NoticeSubscriptions {
  find(tx: Database, oaUserId: string): Promise<string | null>;
  set(tx: Database, input: { oaUserId: string; communeCode: string; source: "bot" }): Promise<void>;
  clear(tx: Database, oaUserId: string): Promise<void>;
}

/**
 * The chatbot, run by the event worker after the resident record is updated. Deciding and recording
 * the replies happen in one transaction with the conversation row locked: the replies go into the
 * outbox (modules/delivery), which sends them in order, retries and records their fate. A replayed
 * event (crash, expired lease) finds its replies recorded under `reply:<event id>:` and decides nothing
 * twice.
 */
export function createChatbot(deps: ChatbotDeps): AfterResidentUpdated {
  const { db } = deps;
  const now = deps.now ?? (() => new Date());
  return async (resident: Resident, event: InboundEvent) => {
    const message = inboundMessageOf(event);
    if (message.kind === "none") return;
    const prefix = `reply:${event.id}:`;
    await db.transaction((tx) => decideOnce(tx, deps, resident, message, prefix, now()));
  };
}

async function decideOnce(
  tx: Database,
  deps: ChatbotDeps,
  resident: Resident,
  message: InboundMessage,
  prefix: string,
  at: Date,
): Promise<void> {
  const conversation = await lockConversation(tx, resident.oaUserId);
  if (await hasDeliveriesWithPrefix(tx, prefix)) return;
  if (message.kind !== "follow") {
    await recordChatMessage(tx, deps.sealer, {
      oaUserId: resident.oaUserId,
      author: "resident",
      kind: message.kind,
      ...(message.kind === "text" ? { text: message.text } : {}),
      at,
    });
  }
  // An officer has this conversation: the bot stays quiet until it is handed back.
  if (conversation.mode === "handover") return;

  const allowance = await rateAllowance(tx, resident.oaUserId, at);
  if (allowance === "silent") return;
  if (allowance === "notice") return enqueueAll(tx, deps, resident, prefix, [slowDownReply()]);

  const decision = await decide(tx, {
    message,
    lowConfidenceTurns: conversation.lowConfidenceTurns,
    citizenId: resident.citizenId,
    miniAppId: deps.miniAppId,
    now: at,
    noticeCommune: await deps.notices.find(tx, resident.oaUserId),
    // The index of the server's own handle: built once, not once per transaction.
    communes: () => loadCommuneIndex(deps.db),
  });
  if (decision.noticeCommune === "clear") await deps.notices.clear(tx, resident.oaUserId);
  else if (decision.noticeCommune) {
    const { communeCode } = decision.noticeCommune;
    await deps.notices.set(tx, { oaUserId: resident.oaUserId, communeCode, source: "bot" });
  }
  if (decision.handover) {
    const communeCode = await communeOfCitizen(tx, resident.citizenId);
    await openHandover(tx, { oaUserId: resident.oaUserId, communeCode, reason: decision.handover });
    deps.logger.info("chat handed over to officers", { reason: decision.handover, communeCode });
  } else if (decision.lowConfidenceTurns !== conversation.lowConfidenceTurns) {
    await setLowConfidenceTurns(tx, resident.oaUserId, decision.lowConfidenceTurns);
  }
  return enqueueAll(tx, deps, resident, prefix, decision.replies);
}

async function enqueueAll(
  tx: Database,
  deps: ChatbotDeps,
  resident: Resident,
  prefix: string,
  replies: readonly BotReply[],
): Promise<void> {
  const at = (deps.now ?? (() => new Date()))();
  for (const [index, reply] of replies.entries()) {
    await recordChatMessage(tx, deps.sealer, {
      oaUserId: resident.oaUserId,
      author: "bot",
      text: reply.text,
      at,
    });
    await enqueue(
      tx,
      { kind: "chatbot_reply", key: `${prefix}${index}`, oaUserId: resident.oaUserId, ...reply },
      at,
    );
  }
}

/** "ok", one "notice" when a window is first exceeded, then "silent" until it ends. */
async function rateAllowance(tx: Database, oaUserId: string, at: Date): Promise<"ok" | "notice" | "silent"> {
  const hits = CHATBOT_RATE_RULES.map((rule) => ({
    key: `${rule.name}|oa:${oaUserId}`,
    windowStart: new Date(Math.floor(at.getTime() / rule.windowMs) * rule.windowMs),
    limit: rule.limit,
  }));
  const counts = await countHits(tx, hits);
  const over = hits.map((hit) => (counts.get(hit.key) ?? 0) - hit.limit);
  if (over.every((excess) => excess <= 0)) return "ok";
  return over.some((excess) => excess === 1) && over.every((excess) => excess <= 1) ? "notice" : "silent";
}
