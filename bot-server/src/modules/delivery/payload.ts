import { dossierStatusSchema } from "@dvc/shared";
import { z } from "zod";

/** What a delivery row's `payload` holds: a text (and buttons), or the facts of a status message. */
const buttonSchema = z.object({
  title: z.string(),
  type: z.enum(["oa.open.url", "oa.query.show"]),
  payload: z.string(),
});

export const textPayloadSchema = z.object({
  text: z.string(),
  buttons: z.array(buttonSchema),
  /** A group post's image (Zalo attachment id): sent as the image with `text` as its caption. */
  imageAttachmentId: z.string().optional(),
});

export const statusPayloadSchema = z.object({
  status: dossierStatusSchema,
  procedureTitle: z.string(),
  dueAt: z.iso.datetime(),
  supplementMessage: z.string().optional(),
  officerNote: z.string().optional(),
  apology: z.boolean().optional(),
});

export type TextPayload = z.infer<typeof textPayloadSchema>;
export type StatusPayload = z.infer<typeof statusPayloadSchema>;
export type StoredPayload = TextPayload | StatusPayload;
