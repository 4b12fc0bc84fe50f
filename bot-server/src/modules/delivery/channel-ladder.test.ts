import { describe, expect, it } from "vitest";
import { channelLadder, inConsultationWindow, quietUntil } from "./channel-ladder";

const resident = { oaUserId: "4012345678901234567", consentedPhone: null, templateId: "300001" };

describe("channelLadder (zalo-oa.md §0)", () => {
  it("status messages: consultation, template by uid, ZNS by phone, then the Mini App only", () => {
    expect(channelLadder("dossier_status", { ...resident, consentedPhone: "84912345678" })).toEqual([
      "oa_cs",
      "oa_template",
      "zns",
      "in_app",
    ]);
  });

  it("skips the template rungs when no template is configured for the kind", () => {
    expect(
      channelLadder("supplement_request", {
        ...resident,
        templateId: undefined,
        consentedPhone: "84912345678",
      }),
    ).toEqual(["oa_cs", "in_app"]);
  });

  it("a citizen with no OA link and no consented phone is reached in the Mini App only", () => {
    expect(
      channelLadder("dossier_status", { oaUserId: null, consentedPhone: null, templateId: "300001" }),
    ).toEqual(["in_app"]);
    expect(
      channelLadder("dossier_status", {
        oaUserId: null,
        consentedPhone: "84912345678",
        templateId: "300001",
      }),
    ).toEqual(["zns", "in_app"]);
  });

  it("replies are consultation messages or nothing; group notices go to the group", () => {
    expect(channelLadder("chatbot_reply", resident)).toEqual(["oa_cs"]);
    expect(channelLadder("officer_reply", { ...resident, oaUserId: null })).toEqual([]);
    // An officer's answer may fall back to the reply template when one is configured; the bot's never.
    expect(channelLadder("officer_reply", resident)).toEqual(["oa_cs", "oa_template"]);
    expect(channelLadder("officer_reply", { ...resident, templateId: undefined })).toEqual(["oa_cs"]);
    expect(channelLadder("group_notice", resident)).toEqual(["oa_group"]);
  });
});

describe("inConsultationWindow", () => {
  const now = new Date("2026-12-06T12:00:00Z");
  it("is open for 7 days after the last interaction, closed after, unknown = closed", () => {
    expect(inConsultationWindow(new Date("2026-11-29T12:00:01Z"), now)).toBe(true);
    expect(inConsultationWindow(new Date("2026-11-29T12:00:00Z"), now)).toBe(false);
    expect(inConsultationWindow(null, now)).toBe(false);
  });
});

describe("quietUntil (22:00–06:00 Vietnam time, follower notices only)", () => {
  it("holds a follower notice at 22:30 until 06:00, and at 05:59 until 06:00", () => {
    expect(quietUntil("follower_notice", new Date("2026-12-06T15:30:20Z"))).toEqual(
      new Date("2026-12-06T23:00:00Z"),
    );
    expect(quietUntil("follower_notice", new Date("2026-12-06T22:59:00Z"))).toEqual(
      new Date("2026-12-06T23:00:00Z"),
    );
  });

  it("lets it go from 06:00 to 21:59, and never holds replies or status messages", () => {
    expect(quietUntil("follower_notice", new Date("2026-12-06T23:00:00Z"))).toBeNull();
    expect(quietUntil("follower_notice", new Date("2026-12-06T14:59:00Z"))).toBeNull();
    expect(quietUntil("dossier_status", new Date("2026-12-06T16:00:00Z"))).toBeNull();
    expect(quietUntil("chatbot_reply", new Date("2026-12-06T16:00:00Z"))).toBeNull();
  });
});
