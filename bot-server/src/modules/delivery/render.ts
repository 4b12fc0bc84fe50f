import {
  DOSSIER_STATUS_INFO,
  dossierPath,
  formatDateVi,
  miniAppLink,
  OPEN_DOSSIER_BUTTON_TITLE,
  REPLY_TEMPLATE_TEXT_MAX,
  statusMessageText,
  toVnLocalDate,
} from "@dvc/shared";
import type { OaButton } from "../../zalo/oa-contract";
import type { Delivery } from "./claim";
import { type StatusPayload, statusPayloadSchema, type TextPayload, textPayloadSchema } from "./payload";

/** A message as a free-form chat message (consultation, group post). */
export interface ChatContent {
  text: string;
  buttons: readonly OaButton[];
  /** A group post's image: the text goes as its caption. */
  imageAttachmentId?: string | undefined;
}

/**
 * The template parameters each kind fills (template by user id and ZNS use the same approved template).
 * A commune registers its templates with exactly these parameter names; the sandbox's templates
 * (zalo-sandbox/templates.ts) declare them too. Limits follow those declarations.
 */
export const TEMPLATE_PARAMS = {
  dossier_status: ["ma_ho_so", "trang_thai", "thu_tuc"],
  supplement_request: ["ma_ho_so", "noi_dung", "han_bo_sung"],
  follower_notice: ["noi_dung"],
  officer_reply: ["noi_dung"],
} as const;

/** What a template's `noi_dung` holds: a longer officer reply cannot go by template. */
const TEMPLATE_TEXT_MAX = REPLY_TEMPLATE_TEXT_MAX;

const clip = (text: string, max: number) =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join("")}…`;
const vnDate = (iso: string) => formatDateVi(toVnLocalDate(new Date(iso)));

export function chatContent(row: Delivery, miniAppId: string): ChatContent {
  const status = statusPayloadSchema.safeParse(row.payload);
  if (status.success && row.dossierCode) {
    const facts = { ...status.data, dossierCode: row.dossierCode };
    const open: OaButton = {
      title: OPEN_DOSSIER_BUTTON_TITLE,
      type: "oa.open.url",
      payload: miniAppLink(miniAppId, dossierPath(row.dossierCode)),
    };
    return { text: statusMessageText(facts), buttons: [open] };
  }
  const text: TextPayload = textPayloadSchema.parse(row.payload);
  return { text: text.text, buttons: text.buttons, imageAttachmentId: text.imageAttachmentId };
}

/** The template data of a message, or undefined when its kind has no template. */
export function templateData(row: Delivery): Record<string, string> | undefined {
  const status = statusPayloadSchema.safeParse(row.payload);
  if (status.success && row.dossierCode) return statusTemplateData(row.kind, row.dossierCode, status.data);
  if (row.kind === "follower_notice" || row.kind === "officer_reply")
    return { noi_dung: clip(textPayloadSchema.parse(row.payload).text, TEMPLATE_TEXT_MAX) };
  return undefined;
}

function statusTemplateData(
  kind: Delivery["kind"],
  code: string,
  facts: StatusPayload,
): Record<string, string> {
  if (kind === "supplement_request") {
    return {
      ma_ho_so: code,
      noi_dung: clip(facts.supplementMessage ?? DOSSIER_STATUS_INFO[facts.status].citizenLabel, 200),
      han_bo_sung: vnDate(facts.dueAt),
    };
  }
  return {
    ma_ho_so: code,
    trang_thai: clip(DOSSIER_STATUS_INFO[facts.status].citizenLabel, 50),
    thu_tuc: clip(facts.procedureTitle, 100),
  };
}
