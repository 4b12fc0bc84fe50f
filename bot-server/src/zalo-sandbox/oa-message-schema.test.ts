import { describe, expect, it } from "vitest";
import { buttonsAttachment } from "../zalo/oa-contract";
import { csBodySchema, oaMessageSchema } from "./oa-message-schema";

const ok = (message: unknown) => oaMessageSchema.safeParse(message).success;

describe("the OA message the sandbox accepts", () => {
  it("accepts what the product's client sends: text, and text with its button attachment", () => {
    expect(ok({ text: "Hồ sơ của bạn đã được tiếp nhận" })).toBe(true);
    const attachment = buttonsAttachment([
      { title: "Tra cứu hồ sơ", type: "oa.query.show", payload: "#tracuu" },
      { title: "Mở Mini App", type: "oa.open.url", payload: "https://zalo.me/s/3000000000000000003/" },
    ]);
    expect(ok({ text: "Chọn một mục", attachment })).toBe(true);
  });

  it("refuses an empty or blank message, text over 2,000 characters, unknown shapes", () => {
    expect(ok({})).toBe(false);
    expect(ok({ text: "   " })).toBe(false);
    expect(ok({ text: "a".repeat(2000) })).toBe(true);
    expect(ok({ text: "a".repeat(2001) })).toBe(false);
    expect(ok({ attachment: { type: "template", payload: { buttons: [] } } })).toBe(false);
    expect(ok({ attachment: { type: "file", payload: {} } })).toBe(false);
    expect(ok({ attachment: { type: "audio", payload: { url: "https://x.vn/a.mp3" } } })).toBe(false);
  });

  it("needs the recipient's user id as a string of digits (never a JSON number)", () => {
    const message = { text: "Chào" };
    expect(csBodySchema.safeParse({ recipient: { user_id: "2468458835296197922" }, message }).success).toBe(
      true,
    );
    expect(csBodySchema.safeParse({ recipient: { user_id: 2468458835296197 }, message }).success).toBe(false);
  });
});
