/**
 * Reading what the product sent to "Zalo" (a message's `payload`, typed `unknown` on purpose): every
 * field is checked before use, so a malformed or new payload draws as raw data instead of breaking the
 * page, and a link is followed only when it is http(s), so a payload can never run code.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string or a number as text; anything else as "". */
export function str(value: unknown): string {
  if (typeof value === "string") return value;
  return typeof value === "number" ? String(value) : "";
}

function pad(n: number): string {
  return (n < 10 ? "0" : "") + n;
}

/** "14:05" today, "03/11 14:05" on another day. */
export function clock(ms: number, now: Date = new Date()): string {
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return "";
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  return d.toDateString() === now.toDateString() ? hm : `${pad(d.getDate())}/${pad(d.getMonth() + 1)} ${hm}`;
}

/** Phone numbers are masked on every screen (house rule), here too: "0987 ••• 321". */
export function maskPhone(value: unknown): string {
  const text = str(value);
  if (text.includes("•")) return text;
  let digits = text.replace(/\D/g, "");
  if (digits.startsWith("84")) digits = `0${digits.slice(2)}`;
  return digits.length < 8 ? digits : `${digits.slice(0, 4)} ••• ${digits.slice(-3)}`;
}

export function safeUrl(value: unknown): string | null {
  return typeof value === "string" && /^https?:\/\//i.test(value) ? value : null;
}

/**
 * A link that opens the Mini App in Zalo maps to the same screen of the web preview, served at its path
 * by this server: the link's form is the shared adapter's (links/mini-app.ts), not repeated here.
 */
export { miniAppPathOf as miniAppPath } from "@dvc/shared/links/mini-app";

/** An OA message's `message` and its attachment's `payload` (the template body), each {} when absent. */
export function attachmentPayload(payload: JsonRecord): { message: JsonRecord; body: JsonRecord } {
  const message = isRecord(payload.message) ? payload.message : {};
  const attachment = isRecord(message.attachment) ? message.attachment : {};
  return { message, body: isRecord(attachment.payload) ? attachment.payload : {} };
}

/** The photo URLs of a "media" template. */
export function mediaImages(body: JsonRecord): string[] {
  if (body.template_type !== "media" || !Array.isArray(body.elements)) return [];
  return body.elements.flatMap((item: unknown) => {
    const url = isRecord(item) ? safeUrl(item.url) : null;
    return url === null ? [] : [url];
  });
}

/**
 * Each picture of a "media" template, in order: its URL, or null for one sent by `attachment_id` — the
 * sandbox keeps no uploaded bytes (openapi-uploads.ts), so the page can only say a picture was there.
 */
export function mediaPictures(body: JsonRecord): (string | null)[] {
  if (body.template_type !== "media" || !Array.isArray(body.elements)) return [];
  return body.elements.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const url = safeUrl(item.url);
    if (url !== null) return [url];
    return typeof item.attachment_id === "string" ? [null] : [];
  });
}

/** An http(s) address in running text; it ends at a space or a closing mark of the sentence. */
const LINK = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/gi;

/** Text cut into plain runs and links (`url` set), so a link can be drawn clickable and nothing else. */
export function linkRuns(text: string): { text: string; url: string | null }[] {
  const runs: { text: string; url: string | null }[] = [];
  let from = 0;
  for (const match of text.matchAll(LINK)) {
    const at = match.index ?? 0;
    if (at > from) runs.push({ text: text.slice(from, at), url: null });
    runs.push({ text: match[0], url: match[0] });
    from = at + match[0].length;
  }
  if (from < text.length) runs.push({ text: text.slice(from), url: null });
  return runs;
}

/** Template messages (by UID, transaction/promotion) are cards, as Zalo draws them. */
export function isTemplate(channel: string, body: JsonRecord): boolean {
  const type = str(body.template_type);
  return channel === "oa_template" || type.startsWith("transaction") || type === "promotion";
}

/** "Cập nhật trạng thái hồ sơ (mẫu 300001)" when the sandbox knows the template, else "Mẫu số 300001". */
export function templateTitle(id: unknown, templates: ReadonlyMap<string, string>): string {
  const name = templates.get(str(id));
  return name ? `${name} (mẫu ${str(id)})` : `Mẫu số ${str(id)}`;
}
