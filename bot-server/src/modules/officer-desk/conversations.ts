import { randomUUID } from "node:crypto";
import {
  addOfficeMinutes,
  type Officer,
  type OfficerConversation,
  type OfficerConversationDetail,
  REPLY_TEMPLATE_TEXT_MAX,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import {
  closeHandover,
  type HandoverScope,
  listQueue,
  lockOpenHandover,
  markPickedUp,
  type OpenHandover,
  readTranscript,
  recordChatMessage,
} from "../chatbot";
import { CONSULTATION_WINDOW_MS, enqueue } from "../delivery";
import { recordAudit, viewedSince } from "./audit";
import { HANDED_BACK_TEXT } from "./conversation-wording";
import type { Asker, DeskDeps } from "./service";

/** One audit row per officer and conversation for this long, however often the screen polls. */
const VIEW_AUDIT_EVERY_MS = 10 * 60_000;

/** A handover nobody answers goes back to the bot after this much office time (issue 11). */
export const PICK_UP_WITHIN_OFFICE_MINUTES = 120;

const NOT_FOUND =
  "Không tìm thấy cuộc trò chuyện này, hoặc cuộc trò chuyện đã được trả lại cho trợ lý tự động.";

/** Commune roles work their commune's queue; province admins the queue of residents with no commune. */
export function handoverScopeOf(officer: Officer): HandoverScope {
  if (officer.role === "admin") return { province: true };
  if (!officer.communeCode) throw new AppError("FORBIDDEN");
  return { communeCode: officer.communeCode };
}

function toConversation(handover: OpenHandover, now: Date, templateAvailable: boolean): OfficerConversation {
  const windowOpen =
    handover.lastInteractionAt !== null &&
    now.getTime() - handover.lastInteractionAt.getTime() < CONSULTATION_WINDOW_MS;
  return {
    id: handover.id,
    reason: handover.reason,
    communeCode: handover.communeCode,
    openedAt: handover.openedAt.toISOString(),
    pickedUpAt: handover.pickedUpAt?.toISOString() ?? null,
    windowOpen,
    templateAvailable,
    returnsToBotAt: handover.pickedUpAt
      ? null
      : addOfficeMinutes(handover.openedAt, PICK_UP_WITHIN_OFFICE_MINUTES).toISOString(),
  };
}

export async function listConversations(deps: DeskDeps, officer: Officer, now = new Date()) {
  const queue = await listQueue(deps.db, handoverScopeOf(officer));
  const template = deps.officerReplyTemplate !== undefined;
  return { conversations: queue.map((handover) => toConversation(handover, now, template)) };
}

/** Inside a transaction with the handover locked; 404 outside the officer's scope or once closed. */
async function withHandover<T>(
  deps: DeskDeps,
  asker: Asker,
  id: string,
  work: (tx: Database, handover: OpenHandover) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    const handover = await lockOpenHandover(tx, handoverScopeOf(asker.officer), id);
    if (!handover) throw new AppError("NOT_FOUND", NOT_FOUND);
    return work(tx, handover);
  });
}

async function detailOf(deps: DeskDeps, tx: Database, handover: OpenHandover, now: Date) {
  const lines = await readTranscript(tx, deps.sealer, handover.oaUserId);
  const detail: OfficerConversationDetail = {
    ...toConversation(handover, now, deps.officerReplyTemplate !== undefined),
    messages: lines.map((line) => ({
      author: line.author,
      kind: line.kind,
      text: line.text,
      at: line.at.toISOString(),
    })),
  };
  return detail;
}

/**
 * The conversation and its history; reading a resident's words is audited — once per officer and
 * conversation in VIEW_AUDIT_EVERY_MS, since the open screen re-reads it every few seconds.
 */
export async function viewConversation(deps: DeskDeps, asker: Asker, id: string, now = new Date()) {
  return withHandover(deps, asker, id, async (tx, handover) => {
    const since = new Date(now.getTime() - VIEW_AUDIT_EVERY_MS);
    if (!(await viewedSince(tx, asker.officer.id, handover.id, since))) {
      await recordAudit(tx, {
        ...asker,
        action: "conversation.view",
        communeCode: handover.communeCode,
        detail: { handoverId: handover.id },
        at: now,
      });
    }
    return detailOf(deps, tx, handover, now);
  });
}

/**
 * An officer's reply, through the outbox as a consultation message. Outside Zalo's 7-day window it
 * cannot reach the resident (zalo-oa.md §0): refused with the reason instead of failing silently later.
 */
export async function replyToConversation(
  deps: DeskDeps,
  asker: Asker,
  request: { id: string; text: string },
  now = new Date(),
) {
  return withHandover(deps, asker, request.id, async (tx, handover) => {
    const conversation = toConversation(handover, now, deps.officerReplyTemplate !== undefined);
    if (!conversation.windowOpen) refuseOutsideWindow(conversation, request.text);
    await enqueue(tx, {
      kind: "officer_reply",
      key: `officer-reply:${handover.id}:${randomUUID()}`,
      oaUserId: handover.oaUserId,
      text: request.text,
    });
    await recordChatMessage(tx, deps.sealer, {
      oaUserId: handover.oaUserId,
      author: "officer",
      officerId: asker.officer.id,
      text: request.text,
      at: now,
    });
    await markPickedUp(tx, handover.id, now);
    await recordAudit(tx, {
      ...asker,
      action: "conversation.reply",
      communeCode: handover.communeCode,
      detail: { handoverId: handover.id },
      at: now,
    });
    return detailOf(deps, tx, { ...handover, pickedUpAt: handover.pickedUpAt ?? now }, now);
  });
}

/**
 * Outside Zalo's 7-day window a consultation message cannot reach the resident (zalo-oa.md §0): only the
 * approved reply template can, and its one parameter holds REPLY_TEMPLATE_TEXT_MAX characters. Refused
 * with the reason rather than failing later in the outbox.
 */
function refuseOutsideWindow(conversation: OfficerConversation, text: string): void {
  if (!conversation.templateAvailable) {
    throw new AppError(
      "CONFLICT",
      "Người dân nhắn lần cuối đã hơn 7 ngày nên Zalo không cho gửi tin tư vấn. Vui lòng liên hệ qua hồ sơ hoặc số điện thoại người dân đã cung cấp.",
    );
  }
  if ([...text].length > REPLY_TEMPLATE_TEXT_MAX) {
    throw new AppError("VALIDATION_FAILED", undefined, {
      fields: {
        text: `Người dân nhắn lần cuối đã hơn 7 ngày: tin trả lời đi bằng mẫu tin của Zalo, tối đa ${REPLY_TEMPLATE_TEXT_MAX} ký tự. Vui lòng rút gọn.`,
      },
    });
  }
}

/** The officer is done: the bot answers again, and the resident is told so. */
export async function handBack(deps: DeskDeps, asker: Asker, id: string, now = new Date()): Promise<void> {
  await withHandover(deps, asker, id, async (tx, handover) => {
    await closeHandover(tx, handover, asker.officer.id, now);
    await enqueue(tx, {
      kind: "chatbot_reply",
      key: `handed-back:${handover.id}`,
      oaUserId: handover.oaUserId,
      text: HANDED_BACK_TEXT,
    });
    await recordChatMessage(tx, deps.sealer, {
      oaUserId: handover.oaUserId,
      author: "bot",
      text: HANDED_BACK_TEXT,
      at: now,
    });
    await recordAudit(tx, {
      ...asker,
      action: "conversation.hand_back",
      communeCode: handover.communeCode,
      detail: { handoverId: handover.id },
      at: now,
    });
  });
}
