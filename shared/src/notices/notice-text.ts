import { NOTICE_CATEGORY_LABELS, type NoticeCategory, ZALO_TEXT_MAX } from "../api/notices";
import { miniAppLink, startDraftPath } from "../links/mini-app";

/**
 * What a notice says in Zalo: a group post and a follower's chat message are the same text, so the
 * officer's previews, the sender and the tests all compose it here, once. A notice whose full text does
 * not fit Zalo's 2,000 characters goes as its summary with a link to the full notice in the Mini App.
 */

export const noticePath = (id: string) => `/thong-bao/${encodeURIComponent(id)}`;
export const noticesPath = "/thong-bao";

/** Button titles (OA buttons: short, zalo-oa.md §2). */
export const READ_NOTICE_BUTTON_TITLE = "Xem thông báo";
export const OPEN_PROCEDURE_BUTTON_TITLE = "Nộp hồ sơ";

export interface NoticeTextFacts {
  id: string;
  category: NoticeCategory;
  title: string;
  body: string;
  summary: string | null;
  procedureCode: string | null;
  /** Who sends it: "UBND Phường Ba Đình", or the province for a province-wide one. */
  senderName: string;
}

/** A stored notice's text facts, signed by `senderName` (noticeSenderName). */
export function noticeTextFacts(
  notice: Pick<NoticeTextFacts, "id" | "category" | "title" | "body" | "summary" | "procedureCode">,
  senderName: string,
): NoticeTextFacts {
  const { id, category, title, body, summary, procedureCode } = notice;
  return { id, category, title, body, summary, procedureCode, senderName };
}

const header = (facts: NoticeTextFacts) =>
  `📢 ${facts.title}\n${NOTICE_CATEGORY_LABELS[facts.category]} · ${facts.senderName}`;

/** The text with the full body, before deciding whether it fits. */
function fullText(facts: NoticeTextFacts): string {
  return `${header(facts)}\n\n${facts.body}`;
}

/** Whether the officer must write a summary: the full text would pass Zalo's limit with its links. */
export function noticeNeedsSummary(facts: Omit<NoticeTextFacts, "summary">, miniAppId: string): boolean {
  const withLinks = `${fullText({ ...facts, summary: null })}${linkLines({ ...facts, summary: null }, miniAppId, false)}`;
  return [...withLinks].length > ZALO_TEXT_MAX;
}

function linkLines(facts: NoticeTextFacts, miniAppId: string, summarised: boolean): string {
  const lines: string[] = [];
  if (summarised) lines.push(`Xem toàn văn: ${miniAppLink(miniAppId, noticePath(facts.id))}`);
  if (facts.procedureCode)
    lines.push(`Nộp hồ sơ trực tuyến: ${miniAppLink(miniAppId, startDraftPath(facts.procedureCode))}`);
  return lines.length > 0 ? `\n\n${lines.join("\n")}` : "";
}

/**
 * The text Zalo carries. Group posts take no buttons (GMF text or image with caption, §0), so the links
 * are written out (`links: "written"`); a follower's message carries them as buttons (noticeButtons).
 */
export function noticeChatText(
  facts: NoticeTextFacts,
  miniAppId: string,
  links: "written" | "buttons" = "written",
): string {
  const summarised = noticeNeedsSummary(facts, miniAppId);
  const main = summarised ? `${header(facts)}\n\n${facts.summary ?? ""}` : fullText(facts);
  return links === "written" ? `${main}${linkLines(facts, miniAppId, summarised)}` : main;
}

export interface NoticeButton {
  title: string;
  url: string;
}

/** A follower's message buttons: read the notice in the Mini App; file the procedure it names. */
export function noticeButtons(facts: NoticeTextFacts, miniAppId: string): NoticeButton[] {
  const buttons = [{ title: READ_NOTICE_BUTTON_TITLE, url: miniAppLink(miniAppId, noticePath(facts.id)) }];
  if (facts.procedureCode)
    buttons.push({
      title: OPEN_PROCEDURE_BUTTON_TITLE,
      url: miniAppLink(miniAppId, startDraftPath(facts.procedureCode)),
    });
  return buttons;
}

/** The OA tag that marks a follower of a commune (tag names ≤ 50 characters [U], ASCII to be safe). */
export const communeTag = (communeCode: string) => `dvc-xa-${communeCode}`;

/**
 * Who signs a notice: the commune's People's Committee ("UBND Phường Ba Đình"), or the province's for a
 * province-wide one. `name` is the commune's name without its type ("Ba Đình"); the units table's
 * full name ("Phường Ba Đình") is taken too, so the type is never written twice.
 */
export function noticeSenderName(
  commune: { type: string; name: string } | null,
  provinceName = "Hà Nội",
): string {
  if (!commune) return `UBND Thành phố ${provinceName}`;
  const prefix = `${commune.type} `;
  const bare = commune.name.startsWith(prefix) ? commune.name.slice(prefix.length) : commune.name;
  return `UBND ${commune.type} ${bare}`;
}
