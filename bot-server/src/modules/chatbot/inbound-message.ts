import type { InboundEvent } from "../events/claim";

/** What a resident did, as far as the bot cares (zalo-oa.md §1 event names and payload shapes [C]). */
export type InboundMessage =
  | { kind: "follow" }
  | { kind: "text"; text: string }
  | { kind: "image" | "sticker" | "location" | "other" }
  /** Not addressed to the bot: unfollow, receipts, the OA's own echoes, ZNS. */
  | { kind: "none" };

const MEDIA: Readonly<Record<string, "image" | "sticker" | "location">> = {
  user_send_image: "image",
  user_send_gif: "image",
  user_send_sticker: "sticker",
  user_send_location: "location",
};

export function inboundMessageOf(event: InboundEvent): InboundMessage {
  if (event.source !== "oa") return { kind: "none" };
  if (event.eventName === "follow") return { kind: "follow" };
  if (event.eventName === "user_send_text") {
    const message = asRecord(asRecord(event.payload).message);
    return { kind: "text", text: typeof message.text === "string" ? message.text : "" };
  }
  const media = MEDIA[event.eventName];
  if (media) return { kind: media };
  // audio, video, file, link, business card…
  if (event.eventName.startsWith("user_send_")) return { kind: "other" };
  return { kind: "none" };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}
