import { describe, expect, it } from "vitest";
import { viewOfEvent } from "./chat-event-view";
import { buildZaloEvent, type EventContext } from "./event-payloads";

const ctx: EventContext = {
  appId: "1000000000000000001",
  oaId: "2000000000000000002",
  resident: { id: "6142494823117293641", userIdByApp: "979122185046046317" },
  now: new Date(1_699_003_881_354),
  mediaBaseUrl: "http://127.0.0.1:3000/sandbox/api/chat/media",
  msgId: "cb31dff1c39642cc1b83",
};

describe("buildZaloEvent (zalo-oa.md §1 shapes)", () => {
  it("user_send_text: string ids, ms timestamp as a string, sender = resident, recipient = OA", () => {
    expect(buildZaloEvent("text", "Chào phường", ctx)).toEqual({
      app_id: "1000000000000000001",
      user_id_by_app: "979122185046046317",
      event_name: "user_send_text",
      timestamp: "1699003881354",
      sender: { id: "6142494823117293641" },
      recipient: { id: "2000000000000000002" },
      message: { msg_id: "cb31dff1c39642cc1b83", text: "Chào phường" },
    });
  });

  it("image, sticker and location carry one attachment each, in Zalo's payload forms", () => {
    const image = buildZaloEvent("image", undefined, ctx);
    const sticker = buildZaloEvent("sticker", undefined, ctx);
    const location = buildZaloEvent("location", undefined, ctx);
    expect(image).toMatchObject({
      event_name: "user_send_image",
      message: {
        text: "",
        attachments: [{ type: "image", payload: { url: `${ctx.mediaBaseUrl}/photo.svg` } }],
      },
    });
    expect(sticker).toMatchObject({
      event_name: "user_send_sticker",
      message: { attachments: [{ type: "sticker", payload: { url: `${ctx.mediaBaseUrl}/sticker.svg` } }] },
    });
    expect(location).toMatchObject({
      event_name: "user_send_location",
      message: {
        attachments: [
          { type: "location", payload: { coordinates: { latitude: "21.0368", longitude: "105.8347" } } },
        ],
      },
    });
  });

  it("follow/unfollow: follower.id and oa_id, no sender or recipient", () => {
    for (const kind of ["follow", "unfollow"] as const) {
      expect(buildZaloEvent(kind, undefined, ctx)).toEqual({
        oa_id: "2000000000000000002",
        follower: { id: "6142494823117293641" },
        user_id_by_app: "979122185046046317",
        event_name: kind,
        source: "oa_profile",
        app_id: "1000000000000000001",
        timestamp: "1699003881354",
      });
    }
  });

  it("makes a fresh 20-hex msg_id when none is given", () => {
    const { msgId: _omitted, ...fresh } = ctx;
    const first = buildZaloEvent("text", "a", fresh);
    const second = buildZaloEvent("text", "a", fresh);
    const ids = [first, second].map((event) => ("message" in event ? event.message.msg_id : ""));
    expect(ids[0]).toMatch(/^[0-9a-f]{20}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });
});

describe("viewOfEvent", () => {
  it("reads back what the page draws", () => {
    expect(viewOfEvent(buildZaloEvent("text", "hỏi", ctx), 0)).toEqual({
      eventName: "user_send_text",
      kind: "text",
      msgId: "cb31dff1c39642cc1b83",
      text: "hỏi",
      imageUrl: null,
      location: null,
      at: 1_699_003_881_354,
    });
    expect(viewOfEvent(buildZaloEvent("sticker", undefined, ctx), 0)).toMatchObject({
      kind: "sticker",
      imageUrl: `${ctx.mediaBaseUrl}/sticker.svg`,
    });
    expect(viewOfEvent(buildZaloEvent("location", undefined, ctx), 0)).toMatchObject({
      kind: "location",
      text: null,
      location: { latitude: "21.0368", longitude: "105.8347" },
    });
    expect(viewOfEvent(buildZaloEvent("follow", undefined, ctx), 0)).toMatchObject({ kind: "follow" });
  });

  it("never throws on an unexpected payload", () => {
    expect(viewOfEvent("not an object", 42)).toMatchObject({ kind: "other", at: 42 });
    expect(viewOfEvent({ event_name: "user_send_gif", timestamp: "x" }, 7)).toMatchObject({
      kind: "other",
      at: 7,
    });
  });
});
