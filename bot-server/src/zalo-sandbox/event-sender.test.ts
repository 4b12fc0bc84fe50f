import { describe, expect, it } from "vitest";
import { AppError } from "../lib/errors";
import { verifyZaloSignature } from "../modules/webhook/signature";
import { deliverZaloEvent, signLikeZalo } from "./event-sender";

const event = { app_id: "1000000000000000001", timestamp: "1699003881354", event_name: "user_send_text" };
const secret = "oa-secret-key";
const url = new URL("http://127.0.0.1:1/webhooks/zalo");

describe("signLikeZalo", () => {
  it("is accepted by the product's verifier, and by nothing signed with another secret", () => {
    const rawBody = JSON.stringify(event);
    const signature = signLikeZalo({
      appId: event.app_id,
      rawBody,
      timestamp: event.timestamp,
      oaSecretKey: secret,
    });
    expect(signature).toMatch(/^mac=[0-9a-f]{64}$/);
    const input = { appId: event.app_id, rawBody, timestamp: event.timestamp };
    expect(verifyZaloSignature(signature, { ...input, secret })).toBe(true);
    expect(verifyZaloSignature(signature, { ...input, secret: "other" })).toBe(false);
  });
});

describe("deliverZaloEvent", () => {
  it("POSTs the exact signed bytes with Zalo's headers", async () => {
    const seen: Request[] = [];
    const fake: typeof fetch = async (input, init) => {
      seen.push(new Request(input, init));
      return new Response('{"ok":true}', { status: 200 });
    };
    const delivery = await deliverZaloEvent(url, event, secret, fake);
    expect(delivery).toEqual({ status: 200, refusal: null });
    const [request] = seen;
    if (!request) throw new Error("no request sent");
    const body = await request.text();
    expect(body).toBe(JSON.stringify(event));
    expect(request.method).toBe("POST");
    expect(request.headers.get("X-ZEvent-Server")).toBe("OA OpenAPI");
    expect(request.headers.get("User-Agent")).toBe("ZaloWebhook");
    expect(request.headers.get("Content-Type")).toBe("application/json");
    expect(
      verifyZaloSignature(request.headers.get("X-ZEvent-Signature") ?? "", {
        appId: event.app_id,
        rawBody: body,
        timestamp: event.timestamp,
        secret,
      }),
    ).toBe(true);
  });

  it("returns a refusal's status and message", async () => {
    const fake: typeof fetch = async () =>
      new Response('{"code":"UNAUTHENTICATED","message":"Chữ ký webhook Zalo không hợp lệ."}', {
        status: 401,
      });
    expect(await deliverZaloEvent(url, event, secret, fake)).toEqual({
      status: 401,
      refusal: "Chữ ký webhook Zalo không hợp lệ.",
    });
  });

  it("turns a network failure into UPSTREAM_UNAVAILABLE with a Vietnamese message", async () => {
    const fake: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    const failure = await deliverZaloEvent(url, event, secret, fake).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe("UPSTREAM_UNAVAILABLE");
    expect((failure as AppError).message).toMatch(/Không gửi được sự kiện/);
  });
});
