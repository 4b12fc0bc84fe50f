import type { Database } from "../../db/client";
import type { Sealer } from "../../lib/crypto";
import type { Logger } from "../../lib/logger";
import {
  channelLadder,
  type DeliveryChannel,
  inConsultationWindow,
  quietUntil,
  TRUSTED_INTERACTION_AGE_MS,
} from "./channel-ladder";
import { type Claimed, LEASE_MS, type Settlement, settle } from "./claim";
import type { DeliveryKind } from "./message";
import { residentById, residentOfCitizen } from "./recipients";
import { chatContent, templateData } from "./render";
import { nextAttemptAt } from "./retry-schedule";
import type { SendBudget } from "./send-budget";
import type { SentSink } from "./sent-batch";
import type { FailureVerdict, ZaloPort } from "./zalo-port";

export interface DeliveryDeps {
  db: Database;
  logger: Logger;
  sealer: Sealer;
  zalo: ZaloPort;
  budget: SendBudget;
  miniAppId: string;
  /** Approved template id per kind (ZALO_TEMPLATE_*); a kind without one skips the template rungs. */
  templates: Readonly<Partial<Record<DeliveryKind, string>>>;
  /**
   * The phone a citizen agreed to be told about their dossiers on (the profile module's
   * phoneForNotifications, wired in server.ts so this module does not import it); absent → no ZNS rung.
   */
  consentedPhone?: (citizenId: string) => Promise<string | null>;
  now?: () => Date;
  random?: () => number;
}

type Attempt =
  | { result: "sent"; channel: DeliveryChannel; messageId: string; oaUserId: string | null }
  | { result: "in_app" }
  | { result: "skip" }
  | { result: "failed"; verdict: FailureVerdict };

/**
 * Sends one claimed message down the channel ladder and writes what happened, fenced by the claim.
 * Never throws for a Zalo failure: the row says why, and when it will be tried again. With `sentSink`
 * a message Zalo took is written in the sink's next batch (the worker's way); without, at once.
 */
export async function deliverOne(deps: DeliveryDeps, claimed: Claimed, sentSink?: SentSink): Promise<void> {
  const now = (deps.now ?? (() => new Date()))();
  const { row } = claimed;
  if (row.expiresAt.getTime() <= now.getTime()) {
    return write(deps, claimed, { status: "expired", finishedAt: now, lastError: "expired" });
  }
  const quiet = quietUntil(row.kind, now);
  if (quiet)
    return write(deps, claimed, { status: "queued", nextAttemptAt: quiet, attempts: row.attempts - 1 });

  let attempt: Attempt;
  try {
    attempt = await tryLadder(deps, claimed, now);
  } catch (error) {
    if (!(error instanceof LeaseRunningOut)) throw error;
    // Not an attempt: nothing was sent. Back in the queue for when the budget will have room.
    return write(deps, claimed, {
      status: "queued",
      nextAttemptAt: error.retryAt,
      attempts: row.attempts - 1,
    });
  }
  switch (attempt.result) {
    case "sent": {
      await deps.budget.recovered();
      const outcome = {
        channel: attempt.channel,
        providerMessageId: attempt.messageId,
        oaUserId: attempt.oaUserId,
        sentAt: now,
      };
      if (sentSink) return sentSink.record(claimed, outcome);
      return write(deps, claimed, { status: "sent", ...outcome, lastError: null });
    }
    case "in_app":
      return write(deps, claimed, { status: "in_app", channel: "in_app", finishedAt: now });
    case "skip":
      return write(deps, claimed, { status: "failed", finishedAt: now, lastError: "no_channel" });
    case "failed":
      return write(deps, claimed, await afterFailure(deps, row.attempts, attempt.verdict, now));
  }
}

async function tryLadder(deps: DeliveryDeps, claimed: Claimed, now: Date): Promise<Attempt> {
  const { row } = claimed;
  const resident = claimed.resident
    ? claimed.resident
    : row.oaUserId
      ? await residentById(deps.db, row.oaUserId)
      : row.citizenId
        ? await residentOfCitizen(deps.db, row.citizenId)
        : null;
  const templateId = deps.templates[row.kind];
  const isStatus = row.kind === "dossier_status" || row.kind === "supplement_request";
  const consentedPhone =
    isStatus && row.citizenId && templateId && deps.consentedPhone
      ? await deps.consentedPhone(row.citizenId)
      : null;
  const ladder = channelLadder(row.kind, {
    oaUserId: resident?.oaUserId ?? null,
    consentedPhone,
    templateId,
  });
  if (ladder.length === 0) return { result: "skip" };

  let last: FailureVerdict | undefined;
  const target: Target = {
    oaUserId: resident?.oaUserId ?? null,
    lastInteractionAt: resident?.lastInteractionAt ?? null,
    consentedPhone,
    templateId,
  };
  for (const channel of ladder) {
    if (channel === "in_app") return { result: "in_app" };
    try {
      const sent = await sendOn(deps, row, channel, target, now);
      if ("skipped" in sent) {
        last = { action: "next_channel", reason: sent.skipped };
        continue;
      }
      return {
        result: "sent",
        channel,
        messageId: sent.messageId,
        oaUserId: channel === "oa_group" ? null : target.oaUserId,
      };
    } catch (error) {
      if (error instanceof LeaseRunningOut) throw error;
      const verdict = deps.zalo.classify(error, now);
      if (verdict.action === "slow_down") await deps.budget.slowDown();
      // A refusal of one rung lets the next one try; a passing trouble (network, busy) is retried whole.
      if (verdict.action === "next_channel" || verdict.action === "permanent") {
        last = verdict;
        continue;
      }
      return { result: "failed", verdict };
    }
  }
  return { result: "failed", verdict: last ?? { action: "permanent", reason: "no_channel" } };
}

interface Target {
  oaUserId: string | null;
  lastInteractionAt: Date | null;
  consentedPhone: string | null;
  templateId: string | undefined;
}

/** One rung: Zalo's message id, or why this channel was not tried. Zalo's refusals are thrown. */
async function sendOn(
  deps: DeliveryDeps,
  row: Claimed["row"],
  channel: Exclude<DeliveryChannel, "in_app">,
  target: Target,
  now: Date,
): Promise<{ messageId: string } | { skipped: string }> {
  // The same on every attempt (ZNS's tracking_id; see zalo-port.ts).
  const ref = `d${row.id}`;
  const { oaUserId, templateId, consentedPhone } = target;
  switch (channel) {
    case "oa_cs": {
      if (!oaUserId || !(await mayConsult(deps, row, oaUserId, target.lastInteractionAt, now)))
        return { skipped: "outside_window" };
      const content = chatContent(row, deps.miniAppId);
      await spend(deps.budget, row);
      return deps.zalo.sendConsultation(oaUserId, content.text, content.buttons, ref);
    }
    case "oa_template":
      if (!oaUserId || !templateId) return { skipped: "no_template" };
      await spend(deps.budget, row);
      return deps.zalo.sendTemplateByUserId(oaUserId, templateId, templateData(row) ?? {}, ref);
    case "zns": {
      if (!consentedPhone || !templateId) return { skipped: "no_phone" };
      if (await deps.budget.znsQuotaUsedUp()) return { skipped: "zns_quota_used_up" };
      await spend(deps.budget, row);
      const sent = await deps.zalo.sendZns(consentedPhone, templateId, templateData(row) ?? {}, ref);
      if (sent.quotaRemaining !== undefined) await deps.budget.noteZnsQuota(sent.quotaRemaining);
      return sent;
    }
    case "oa_group": {
      if (!row.groupId) return { skipped: "no_group" };
      const post = chatContent(row, deps.miniAppId);
      await spend(deps.budget, row);
      return post.imageAttachmentId
        ? deps.zalo.sendGroupImage(row.groupId, post.imageAttachmentId, post.text, ref)
        : deps.zalo.sendGroupText(row.groupId, post.text, ref);
    }
  }
}

/**
 * Inside the 7-day window? Our record when fresh; otherwise the OA's own (one more Zalo call), since
 * interactions such as menu taps may never reach our webhook.
 */
async function mayConsult(
  deps: DeliveryDeps,
  row: Claimed["row"],
  oaUserId: string,
  ours: Date | null,
  now: Date,
): Promise<boolean> {
  if (ours && now.getTime() - ours.getTime() < TRUSTED_INTERACTION_AGE_MS) return true;
  await spend(deps.budget, row);
  return inConsultationWindow(await deps.zalo.lastInteraction(oaUserId), now);
}

async function afterFailure(
  deps: DeliveryDeps,
  attemptsMade: number,
  verdict: FailureVerdict,
  now: Date,
): Promise<Settlement> {
  if (verdict.action === "permanent" || verdict.action === "next_channel") {
    return { status: "failed", finishedAt: now, lastError: verdict.reason };
  }
  const next = nextAttemptAt(attemptsMade, now, {
    random: deps.random ?? Math.random,
    notBefore: verdict.action === "retry" ? verdict.notBefore : undefined,
  });
  if (!next) return { status: "dead", finishedAt: now, lastError: verdict.reason };
  return { status: "queued", nextAttemptAt: next, lastError: verdict.reason };
}

/** What a claim keeps in hand past its last send: a send may take the OA client's whole 10 s timeout. */
const LEASE_MARGIN_MS = 15_000;

/** The budget would make this claim wait past its lease: it is put back, unsent, for `retryAt`. */
class LeaseRunningOut extends Error {
  override name = "LeaseRunningOut";
  constructor(readonly retryAt: Date) {
    super("the send budget's wait outlasts the claim's lease");
  }
}

/**
 * Waits for one call of the fleet's budget, but never past the claim's lease (less a margin): a message
 * that outlived its claim could be claimed and sent by another worker too, and Zalo's OA APIs take no
 * idempotency key. Throws LeaseRunningOut instead.
 */
async function spend(budget: SendBudget, row: Claimed["row"]): Promise<void> {
  const deadline = (row.lockedUntil?.getTime() ?? Date.now() + LEASE_MS) - LEASE_MARGIN_MS;
  for (;;) {
    const { granted, waitMs } = await budget.take(1);
    if (granted > 0) return;
    if (Date.now() + waitMs > deadline) throw new LeaseRunningOut(new Date(Date.now() + waitMs));
    await new Promise((resolve) => setTimeout(resolve, waitMs));
  }
}

async function write(deps: DeliveryDeps, claimed: Claimed, patch: Settlement): Promise<void> {
  const kept = await settle(deps.db, claimed, patch);
  if (!kept) {
    // Another worker owns the row now (this one's lease ran out): its outcome stands.
    deps.logger.warn("delivery outcome dropped: lease lost", {
      deliveryId: claimed.row.id,
      status: patch.status,
    });
  }
}
