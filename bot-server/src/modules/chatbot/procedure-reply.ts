import { miniAppLink, type ProcedureDefinition, procedurePath, startDraftPath } from "@dvc/shared";
import { documentLine, feeSentence, legalTimeText } from "@dvc/shared/procedures/procedure-text";
import { type BotReply, BUTTONS } from "./replies";

/** Documents listed in a chat bubble; the rest are on the procedure's screen in the Mini App. */
const MAX_DOCUMENTS_LISTED = 6;

/** The fee of the way this app files it (online), else the first listed; the words are shared with the app. */
function feeText(procedure: ProcedureDefinition): string {
  const channel = procedure.online ? "online" : "direct";
  const fee = procedure.fees.find((f) => f.channel === channel) ?? procedure.fees[0];
  return fee ? feeSentence(fee) : "Miễn phí.";
}

function documentLines(procedure: ProcedureDefinition): string[] {
  // Papers the officer pulls from the national databases are not asked of the citizen (NĐ 104/2022).
  const asked = procedure.documents.filter((doc) => !doc.pulledFromDatabase);
  const lines = asked.slice(0, MAX_DOCUMENTS_LISTED).map((doc) => `• ${documentLine(doc)}`);
  if (asked.length > MAX_DOCUMENTS_LISTED) {
    lines.push(`• … và ${asked.length - MAX_DOCUMENTS_LISTED} giấy tờ khác (xem trong Mini App)`);
  }
  return lines.length > 0 ? lines : ["• Chỉ cần tờ khai, không phải nộp thêm giấy tờ."];
}

/** What a procedure needs, how long it takes, what it costs, and a button into its form. */
export function procedureReply(procedure: ProcedureDefinition, miniAppId: string): BotReply {
  const text = [
    `📄 ${procedure.title}`,
    procedure.summary,
    "",
    "Giấy tờ cần chuẩn bị:",
    ...documentLines(procedure),
    "",
    `⏱ Thời hạn giải quyết: ${legalTimeText(procedure.legalTime)}`,
    `💰 Lệ phí: ${feeText(procedure)}`,
    procedure.online
      ? "Bạn có thể nộp trực tuyến ngay trên Mini App: bấm nút bên dưới, thông tin đã có sẽ được điền sẵn."
      : `Thủ tục này chưa nộp được trên Mini App. ${procedure.howToFile}`,
  ].join("\n");
  const open = procedure.online
    ? { title: "Nộp hồ sơ trên Mini App", url: miniAppLink(miniAppId, startDraftPath(procedure.code)) }
    : { title: "Xem chi tiết thủ tục", url: miniAppLink(miniAppId, procedurePath(procedure.code)) };
  return {
    text,
    buttons: [{ title: open.title, type: "oa.open.url", payload: open.url }, BUTTONS.officer],
  };
}

/** A weak match: the best guess, and the alternatives to choose from by tapping. */
export function procedureGuessReply(
  best: ProcedureDefinition,
  alternatives: readonly ProcedureDefinition[],
): BotReply {
  const options = [best, ...alternatives].slice(0, 3);
  return {
    text: `Có phải bạn muốn hỏi về thủ tục "${best.title}"? Bấm vào thủ tục đúng bên dưới, hoặc viết rõ hơn bạn cần làm gì.`,
    buttons: [
      ...options.map((p) => ({ title: p.title, type: "oa.query.show" as const, payload: p.title })),
      BUTTONS.officer,
    ],
  };
}
