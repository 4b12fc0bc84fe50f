import { and, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "../db/client";
import { sandboxOaUploads } from "../db/schema";

/**
 * The `message` object of OA consultation and group messages (zalo-oa.md §2 [C: PHP MessageBuilder]):
 * `{"text"?, "attachment"?, "quote_message_id"?}` with at least one of text and attachment.
 * Attachments the sandbox understands: media (`template_type:"media"`, elements with an `attachment_id`
 * from /upload/image|gif, or a `url`), file (`type:"file"`, `payload.token` from /upload/file), request
 * user info, and a bare button template ([U], the shape oa-contract.ts sends). An attachment id or file
 * token the sandbox never issued is refused, as Zalo would refuse an id it does not know ([U] code -201).
 */

/** [C §2] at most 2,000 characters (counted as JavaScript does, as the product's client counts). */
export const MAX_OA_TEXT = 2_000;

const zaloIdString = z.string().regex(/^\d{1,32}$/);

const text = z
  .string()
  .max(MAX_OA_TEXT)
  .refine((value) => value.trim().length > 0);

const button = z.object({
  title: z.string().trim().min(1).max(100),
  /** [C: PHP] the OA button actions. */
  type: z.enum(["oa.open.url", "oa.query.show", "oa.query.hide", "oa.open.phone", "oa.open.sms"]),
  payload: z.union([z.string().min(1), z.record(z.string(), z.string())]),
});

const mediaElement = z
  .object({
    media_type: z.enum(["image", "gif", "sticker"]),
    attachment_id: z.string().min(1).optional(),
    url: z.url().optional(),
  })
  .refine((element) => (element.attachment_id === undefined) !== (element.url === undefined));

const attachment = z.union([
  z.object({
    type: z.literal("template"),
    payload: z.object({ template_type: z.literal("media"), elements: z.array(mediaElement).min(1).max(1) }),
  }),
  z.object({
    type: z.literal("template"),
    payload: z.object({
      template_type: z.literal("request_user_info"),
      elements: z
        .array(z.object({ title: z.string().min(1), subtitle: z.string(), image_url: z.url() }))
        .length(1),
    }),
  }),
  z.object({
    type: z.literal("template"),
    payload: z.object({ template_type: z.undefined().optional(), buttons: z.array(button).min(1).max(5) }),
  }),
  z.object({ type: z.literal("file"), payload: z.object({ token: z.string().min(1) }) }),
]);

export const oaMessageSchema = z
  .object({
    text: text.optional(),
    attachment: attachment.optional(),
    quote_message_id: z.string().min(1).optional(),
  })
  .refine((message) => message.text !== undefined || message.attachment !== undefined);

export type OaMessage = z.infer<typeof oaMessageSchema>;

export const csBodySchema = z.object({
  recipient: z.object({ user_id: zaloIdString }),
  message: oaMessageSchema,
});

export const groupMessageBodySchema = z.object({
  recipient: z.object({ group_id: z.string().regex(/^[0-9a-zA-Z]{1,64}$/) }),
  message: oaMessageSchema,
});

/** True when every attachment id / file token in `message` is one the sandbox issued. */
export async function attachmentsKnown(db: Database, message: OaMessage): Promise<boolean> {
  const found = message.attachment;
  if (found === undefined) return true;
  if (found.type === "file") return uploadsExist(db, [found.payload.token], ["file"]);
  if (found.payload.template_type !== "media") return true;
  const ids = found.payload.elements.flatMap((element) => element.attachment_id ?? []);
  return uploadsExist(db, ids, ["image", "gif"]);
}

async function uploadsExist(db: Database, ids: string[], kinds: ("image" | "file" | "gif")[]) {
  if (ids.length === 0) return true;
  const rows = await db
    .select({ id: sandboxOaUploads.id })
    .from(sandboxOaUploads)
    .where(and(inArray(sandboxOaUploads.id, ids), inArray(sandboxOaUploads.kind, kinds)));
  return new Set(rows.map((row) => row.id)).size === new Set(ids).size;
}
