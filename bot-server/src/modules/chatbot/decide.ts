import { CATALOG, type ProcedureDefinition } from "@dvc/shared";
import type { Database } from "../../db/client";
import { dossierStatusReply, MAX_CODES_PER_MESSAGE } from "./dossier-status";
import type { InboundMessage } from "./inbound-message";
import { classifyMessage, type Intent } from "./intent";
import { answerNoticeRequest, type CommuneFinder, type NoticeCommuneChange } from "./notice-commune";
import { procedureGuessReply, procedureReply } from "./procedure-reply";
import {
  type BotReply,
  handoverReply,
  lookupHelpReply,
  mediaReply,
  notUnderstoodReply,
  openAppReply,
  procedureHelpReply,
  thanksReply,
  welcomeReply,
} from "./replies";

/** The rule: the second turn in a row the bot does not understand goes to an officer. */
export const LOW_CONFIDENCE_TURNS_BEFORE_HANDOVER = 2;

export interface DecisionInput {
  message: InboundMessage;
  lowConfidenceTurns: number;
  citizenId: string | null;
  miniAppId: string;
  now: Date;
  /** The commune whose notices the resident gets on Zalo now (null: none). */
  noticeCommune: string | null;
  /** The units module's commune index, loaded only when a message names a commune. */
  communes: () => Promise<CommuneFinder>;
}

export interface Decision {
  replies: BotReply[];
  /** The count after this turn (0 once the bot understood). */
  lowConfidenceTurns: number;
  handover?: "asked" | "not_understood";
  /** The resident's notice commune to write (service.ts does, in the replies' transaction). */
  noticeCommune?: NoticeCommuneChange;
}

const byCode = new Map<string, ProcedureDefinition>(CATALOG.map((p) => [p.code, p]));

/**
 * What the bot answers to one message, and what it remembers. Reads dossiers; writes nothing (a change
 * of the resident's notice commune is returned, not written).
 */
export async function decide(db: Database, input: DecisionInput): Promise<Decision> {
  const { message, miniAppId } = input;
  const understood = (replies: BotReply[]): Decision => ({ replies, lowConfidenceTurns: 0 });
  switch (message.kind) {
    case "none":
      return { replies: [], lowConfidenceTurns: input.lowConfidenceTurns };
    case "follow":
      return understood([welcomeReply(miniAppId)]);
    case "image":
    case "sticker":
    case "location":
    case "other":
      return { replies: [mediaReply(message.kind)], lowConfidenceTurns: input.lowConfidenceTurns };
    case "text":
      return answerText(db, input, classifyMessage(message.text));
  }
}

async function answerText(db: Database, input: DecisionInput, intent: Intent): Promise<Decision> {
  const { miniAppId } = input;
  const understood = (replies: BotReply[]): Decision => ({ replies, lowConfidenceTurns: 0 });
  switch (intent.kind) {
    case "dossier_status": {
      const codes = [...new Set(intent.codes)].slice(0, MAX_CODES_PER_MESSAGE);
      const replies: BotReply[] = [];
      for (const code of codes) {
        replies.push(
          await dossierStatusReply(db, code, { citizenId: input.citizenId }, miniAppId, input.now),
        );
      }
      return understood(replies);
    }
    case "dossier_code_mistyped":
      return understood([
        {
          text: `Mã hồ sơ “${intent.candidates[0] ?? ""}” có vẻ bị gõ nhầm một ký tự. Bạn vui lòng xem lại giấy biên nhận và gửi lại mã nhé.`,
        },
      ]);
    case "handover":
      return { replies: [handoverReply("asked")], lowConfidenceTurns: 0, handover: "asked" };
    case "procedure": {
      const best = byCode.get(intent.procedureCode);
      if (!best) return notUnderstood(input);
      if (intent.confidence === "high") return understood([procedureReply(best, miniAppId)]);
      const alternatives = intent.alternatives
        .map((code) => byCode.get(code))
        .filter((p): p is ProcedureDefinition => p !== undefined);
      return lowConfidence(input, procedureGuessReply(best, alternatives));
    }
    case "greeting":
      return understood([welcomeReply(miniAppId)]);
    case "thanks":
      return understood([thanksReply()]);
    case "dossier_lookup_help":
      return understood([lookupHelpReply(miniAppId)]);
    case "procedure_help":
      return understood([procedureHelpReply()]);
    case "open_app":
      return understood([openAppReply(miniAppId)]);
    case "notice_subscribe":
    case "notice_unsubscribe": {
      const answer = answerNoticeRequest(intent, {
        current: input.noticeCommune,
        communes: await input.communes(),
        miniAppId,
      });
      return { ...understood([answer.reply]), ...(answer.change ? { noticeCommune: answer.change } : {}) };
    }
    case "unknown":
      return notUnderstood(input);
  }
}

function notUnderstood(input: DecisionInput): Decision {
  return lowConfidence(input, notUnderstoodReply(input.miniAppId));
}

/** A turn the bot was not sure about: answer it, or on the second in a row hand over to an officer. */
function lowConfidence(input: DecisionInput, reply: BotReply): Decision {
  const turns = input.lowConfidenceTurns + 1;
  if (turns >= LOW_CONFIDENCE_TURNS_BEFORE_HANDOVER) {
    return { replies: [handoverReply("not_understood")], lowConfidenceTurns: 0, handover: "not_understood" };
  }
  return { replies: [reply], lowConfidenceTurns: turns };
}
