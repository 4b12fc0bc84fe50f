import { z } from "zod";
import { CHAT_EVENT_KINDS, type ChatEventKind, EVENT_NAME_OF } from "./event-payloads";
import type { ChatEventView } from "./page-contract";

/**
 * Reads the few fields of a Zalo event payload a chat bubble needs (ChatEventView, page-contract.ts). With
 * zod because the payload comes back from the database (house rule: zod at every boundary, JSON from the
 * DB included); anything unexpected becomes kind "other", never a crash.
 */

const coordinate = z.union([z.string(), z.number()]).transform(String);

const payloadSchema = z.object({
  event_name: z.string(),
  timestamp: z.string().regex(/^\d+$/).optional(),
  message: z
    .object({
      msg_id: z.string().optional(),
      text: z.string().optional(),
      attachments: z
        .array(
          z.object({
            type: z.string(),
            payload: z
              .object({
                url: z.string().optional(),
                coordinates: z.object({ latitude: coordinate, longitude: coordinate }).optional(),
              })
              .optional(),
          }),
        )
        .optional(),
    })
    .optional(),
});

const KIND_OF_EVENT = new Map<string, ChatEventKind>(
  CHAT_EVENT_KINDS.map((kind) => [EVENT_NAME_OF[kind], kind] as const),
);

/** `fallbackAt` is used when the payload has no readable timestamp (e.g. the row's receive time). */
export function viewOfEvent(payload: unknown, fallbackAt: number): ChatEventView {
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) {
    return {
      eventName: "",
      kind: "other",
      msgId: null,
      text: null,
      imageUrl: null,
      location: null,
      at: fallbackAt,
    };
  }
  const { event_name: eventName, timestamp, message } = parsed.data;
  const attachment = message?.attachments?.[0];
  const coordinates = attachment?.type === "location" ? attachment.payload?.coordinates : undefined;
  const text = message?.text;
  return {
    eventName,
    kind: KIND_OF_EVENT.get(eventName) ?? "other",
    msgId: message?.msg_id ?? null,
    text: text === undefined || text === "" ? null : text,
    imageUrl:
      attachment?.type === "image" || attachment?.type === "sticker"
        ? (attachment.payload?.url ?? null)
        : null,
    location: coordinates ?? null,
    at: timestamp ? Number(timestamp) : fallbackAt,
  };
}
