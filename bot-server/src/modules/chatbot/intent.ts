import { findDossierCodesInText, findMistypedDossierCodes } from "@dvc/shared";
import { matchNoticeRequest, type NoticeRequest } from "./intent-notices";
import { type Cue, type ScannedMessage, scanMessage } from "./intent-phrases";
import { matchProcedure, type ProcedureMatch } from "./intent-procedure";

/**
 * What a resident's message to the commune's Official Account asks for. Pure: no database, no network, so
 * the chatbot can classify before it looks anything up, and the evaluation set runs as a unit test.
 */
export type Intent =
  | { kind: "dossier_status"; codes: string[] }
  | { kind: "dossier_code_mistyped"; candidates: string[] }
  | { kind: "dossier_lookup_help" }
  | { kind: "procedure"; procedureCode: string; confidence: "high" | "low"; alternatives: string[] }
  | { kind: "procedure_help" }
  | { kind: "handover" }
  | { kind: "greeting" }
  | { kind: "thanks" }
  | { kind: "open_app" }
  | NoticeRequest
  | { kind: "unknown" };

/**
 * A message that is only a greeting or thanks may carry this many other words ("chào ad, em là Lan");
 * more and the greeting is a preface to something else.
 */
const SMALL_TALK_MAX_CONTENT = 1;
/** "nhân viên ơi", "cán bộ đâu": a person named with no verb still asks for one in a message this short. */
const BARE_HUMAN_MAX_CONTENT = 2;

/**
 * Priority, highest first: a valid dossier code anywhere; a mistyped code; a request for a person; a
 * request to get or stop a commune's notices; a procedure named with confidence; lookup help, the Mini App, procedure help, thanks, greeting; a
 * procedure guess; unknown.
 */
export function classifyMessage(text: string): Intent {
  const codes = [...new Set(findDossierCodesInText(text).map((match) => match.code))];
  if (codes.length > 0) return { kind: "dossier_status", codes };
  const candidates = mistypedCodes(text);
  if (candidates.length > 0) return { kind: "dossier_code_mistyped", candidates };

  const message = scanMessage(text);
  const has = (cue: Cue) => message.cues.has(cue);
  if (wantsPerson(message)) return { kind: "handover" };
  const notices = matchNoticeRequest(text);
  if (notices) return notices;

  const match = matchProcedure(message.searchText, has("how_to"));
  // "hồ sơ khai sinh của tôi đến đâu rồi" names a procedure but asks about a dossier already filed.
  const asksAboutFiledDossier = has("lookup") || (has("status") && (has("dossier") || has("submitted")));
  if (match?.confidence === "high" && !asksAboutFiledDossier) return procedure(match);

  if (asksAboutFiledDossier || has("search")) return { kind: "dossier_lookup_help" };
  if (has("app")) return { kind: "open_app" };
  // Nothing else said: "cho em hỏi", "hỏi thủ tục"; "chào ad" with no question.
  const smallTalk = message.content.length <= SMALL_TALK_MAX_CONTENT;
  if (has("ask") && match === undefined && smallTalk) return { kind: "procedure_help" };
  if (has("thanks") && smallTalk) return { kind: "thanks" };
  if (has("greeting") && smallTalk) return { kind: "greeting" };

  if (match !== undefined) return procedure(match); // low confidence: a high one returned above
  // A greeting or thanks wrapped around something not understood is still answered as one.
  if (has("thanks")) return { kind: "thanks" };
  if (has("greeting")) return { kind: "greeting" };
  return { kind: "unknown" };
}

function procedure(match: ProcedureMatch): Intent {
  return { kind: "procedure", ...match };
}

function wantsPerson({ cues, content }: ScannedMessage): boolean {
  if (cues.has("human_request")) return true;
  return cues.has("human") && (cues.has("contact") || content.length <= BARE_HUMAN_MAX_CONTENT);
}

/** Mistyped codes as the resident typed them, each once, in order of appearance. */
function mistypedCodes(text: string): string[] {
  return findMistypedDossierCodes(text).map((span) => span.text);
}
