import { addOfficeMinutes, nextOfficeOpen } from "@dvc/shared";
import type { Database } from "../../db/client";
import type { Sealer } from "../../lib/crypto";
import type { Logger } from "../../lib/logger";
import { closeHandover, lockOpenHandover, recordChatMessage, unansweredHandovers } from "../chatbot";
import { enqueue } from "../delivery";
import { notAnsweredText } from "./conversation-wording";
import { PICK_UP_WITHIN_OFFICE_MINUTES } from "./conversations";

/** How often the server looks for handovers nobody answered. */
const CHECK_EVERY_MS = 60_000;

/**
 * A handover no officer picked up within 2 working hours goes back to the bot, and the resident is told
 * when the office will answer: the bot never stays silent with no one listening (issue 11). Each one
 * in its own transaction, re-checked under its lock (an officer may reply meanwhile). Returns how many.
 */
export async function returnUnansweredHandovers(
  db: Database,
  sealer: Sealer,
  now = new Date(),
): Promise<number> {
  // Two office hours take at least two hours of wall time: older ones are the only candidates. One
  // second of slack: the database keeps microseconds, the exact check below the milliseconds it reads, so
  // a handover opened in office hours exactly two hours ago must not fall out of the prefilter.
  const candidates = await unansweredHandovers(
    db,
    new Date(now.getTime() - PICK_UP_WITHIN_OFFICE_MINUTES * 60_000 + 1_000),
  );
  let returned = 0;
  for (const candidate of candidates) {
    if (addOfficeMinutes(candidate.openedAt, PICK_UP_WITHIN_OFFICE_MINUTES) > now) continue;
    const scope = candidate.communeCode
      ? { communeCode: candidate.communeCode }
      : { province: true as const };
    const done = await db.transaction(async (tx) => {
      const handover = await lockOpenHandover(tx, scope, candidate.id);
      if (!handover || handover.pickedUpAt) return false;
      await closeHandover(tx, handover, "system", now);
      const nextOpen = nextOfficeOpen(now);
      const text = notAnsweredText(nextOpen.getTime() > now.getTime() ? nextOpen : null);
      await enqueue(tx, {
        kind: "chatbot_reply",
        key: `handover-timeout:${handover.id}`,
        oaUserId: handover.oaUserId,
        text,
      });
      await recordChatMessage(tx, sealer, { oaUserId: handover.oaUserId, author: "bot", text, at: now });
      return true;
    });
    if (done) returned += 1;
  }
  return returned;
}

/** Runs the check every minute; returns a stop function. */
export function startHandoverTimeouts(deps: { db: Database; sealer: Sealer; logger: Logger }): () => void {
  const timer = setInterval(() => {
    returnUnansweredHandovers(deps.db, deps.sealer).then(
      (returned) => {
        if (returned > 0) deps.logger.info("unanswered handovers returned to the bot", { returned });
      },
      (error: unknown) => deps.logger.warn("handover timeout check failed", { error }),
    );
  }, CHECK_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
