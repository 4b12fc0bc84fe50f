import type { Fee, LegalTime, ProcedureDefinition } from "./definition";

/**
 * A procedure's facts in words, shared by the chatbot's answer and the Mini App's procedure page so both
 * say the same thing. Catalog texts are whole sentences ("Miễn phí.", "Khi nhờ người khác làm thay."):
 * they are never wrapped in brackets or given a second full stop — how "…).)" came about.
 */

/** The text with one closing mark: a full stop unless it already ends in one (".", "?", "!", "…", ":"). */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.?!…:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "8.000 đồng", as written in Vietnamese (dots between thousands), whatever the runtime's locale data. */
export function vndText(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".")} đồng`;
}

/** The amount alone: "Miễn phí", "8.000 đồng", or the provincial rate the catalog cannot state. */
export function feeAmountText(fee: Fee): string {
  if (fee.amountVnd === null) return "Theo mức HĐND tỉnh/thành phố quy định";
  return fee.amountVnd === 0 ? "Miễn phí" : vndText(fee.amountVnd);
}

/**
 * One fee as a sentence for a chat line: the catalog's description when it already states the price
 * ("8.000 đồng mỗi bản sao.", "Miễn lệ phí…", "Mức do HĐND tỉnh quy định."), else the amount first.
 */
export function feeSentence(fee: Fee): string {
  const amount = feeAmountText(fee);
  if (!fee.description) return asSentence(amount);
  const description = asSentence(fee.description);
  const statesPrice =
    (fee.amountVnd !== null && fee.amountVnd > 0 && description.includes(vndText(fee.amountVnd))) ||
    /^(Miễn|Không thu|Mức|Theo mức)/i.test(description);
  return statesPrice ? description : `${asSentence(amount)} ${description}`;
}

const CHANNEL_WORDS: Record<Fee["channel"], string> = {
  online: "trực tuyến",
  direct: "trực tiếp",
  postal: "qua bưu chính",
};
const CHANNEL_ORDER: readonly Fee["channel"][] = ["online", "direct", "postal"];

export interface FeeRow {
  /** "Nộp trực tuyến, trực tiếp hoặc qua bưu chính". */
  label: string;
  fee: Fee;
}

/**
 * Fees to show, each once: channels that cost the same (same amount, same note) share one row — the
 * catalog repeats a fee per channel, and three identical rows read as three charges.
 */
export function feeRows(fees: readonly Fee[]): FeeRow[] {
  const sorted = [...fees].sort(
    (a, b) => CHANNEL_ORDER.indexOf(a.channel) - CHANNEL_ORDER.indexOf(b.channel),
  );
  const groups: { fee: Fee; channels: Fee["channel"][] }[] = [];
  for (const fee of sorted) {
    const same = groups.find(
      (group) => group.fee.amountVnd === fee.amountVnd && group.fee.description === fee.description,
    );
    if (same) same.channels.push(fee.channel);
    else groups.push({ fee, channels: [fee.channel] });
  }
  return groups.map(({ fee, channels }) => ({
    label: `Nộp ${joinOr(channels.map((c) => CHANNEL_WORDS[c]))}`,
    fee,
  }));
}

function joinOr(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} hoặc ${words.at(-1)}`;
}

/** How long the procedure takes, as a sentence. */
export function legalTimeText(time: LegalTime): string {
  if (time.kind === "same_day") {
    return "Trong ngày làm việc, nếu hồ sơ đến trước 15:00. Đến sau 15:00 thì có kết quả trong ngày làm việc tiếp theo.";
  }
  return `${time.days} ngày làm việc kể từ khi hồ sơ được tiếp nhận.`;
}

type RequiredDocument = ProcedureDefinition["documents"][number];

/**
 * A paper to bring, in one line of plain text: its name, then when it is needed ("Văn bản ủy quyền: khi
 * nhờ người khác làm thay."). The note keeps its own punctuation.
 */
export function documentLine(document: RequiredDocument): string {
  if (document.required) return document.name;
  const when = document.when ? asSentence(document.when) : "nếu có.";
  // "Khi…" → "khi…", but an abbreviation ("UBND xã…") keeps its capitals.
  const lowered = /^\p{Lu}\p{Ll}/u.test(when) ? when.charAt(0).toLocaleLowerCase("vi") + when.slice(1) : when;
  return `${document.name}: ${lowered}`;
}
