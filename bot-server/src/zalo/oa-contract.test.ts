import { describe, expect, it } from "vitest";
import { buttonsAttachment, oaEnvelopeSchema, tokenResponseSchema } from "./oa-contract";

describe("OA contract", () => {
  it("reads expires_in as a string of seconds (or a number) and refuses an error body", () => {
    const pair = { access_token: "a", refresh_token: "r" };
    expect(tokenResponseSchema.parse({ ...pair, expires_in: "90000" }).expires_in).toBe(90_000);
    expect(tokenResponseSchema.parse({ ...pair, expires_in: 90_000 }).expires_in).toBe(90_000);
    expect(tokenResponseSchema.safeParse({ error: -14014, error_name: "Invalid" }).success).toBe(false);
  });

  it("reads the envelope's error as a number, a numeric string, or 0 when missing", () => {
    expect(oaEnvelopeSchema.parse({ error: -216 }).error).toBe(-216);
    expect(oaEnvelopeSchema.parse({ error: "-230" }).error).toBe(-230);
    expect(oaEnvelopeSchema.parse({ data: {} }).error).toBe(0);
  });

  it("shapes url buttons with payload.url and query buttons with a string payload", () => {
    expect(
      buttonsAttachment([
        { title: "Xem", type: "oa.open.url", payload: "https://a.vn" },
        { title: "Hỏi", type: "oa.query.show", payload: "#hoi" },
      ]),
    ).toEqual({
      type: "template",
      payload: {
        buttons: [
          { title: "Xem", type: "oa.open.url", payload: { url: "https://a.vn" } },
          { title: "Hỏi", type: "oa.query.show", payload: "#hoi" },
        ],
      },
    });
  });
});
