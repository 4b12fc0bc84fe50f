import { describe, expect, it } from "vitest";
import { createLogger } from "../lib/logger";
import { verifyZaloSignature } from "../modules/webhook/signature";
import { createSandboxReceipts, type SandboxReceiptsOptions } from "./receipts";

/** The receipts sender alone, with a fake fetch standing in for the product's webhook. */

const APP_ID = "1000000000000000001";
const OA_ID = "2000000000000000002";
const SECRET = "oa-secret-key";
const USER = "4455667788990011223";
const PHONE = "84987654321";
const webhookUrl = new URL("http://127.0.0.1:1/webhooks/zalo");

interface Seen {
  server: string | null;
  signature: string | null;
  body: string;
}

function setup(answer: () => Promise<Response> = async () => new Response("{}"), extra = {}) {
  const seen: Seen[] = [];
  const lines: string[] = [];
  const fake: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    seen.push({
      server: request.headers.get("X-ZEvent-Server"),
      signature: request.headers.get("X-ZEvent-Signature"),
      body: await request.text(),
    });
    return answer();
  };
  const options: SandboxReceiptsOptions = {
    appId: APP_ID,
    oaId: OA_ID,
    oaSecretKey: SECRET,
    logger: createLogger("debug", {}, (line) => lines.push(line)),
    receivedAfterMs: 0,
    seenAfterMs: 0,
    fetch: fake,
    ...extra,
  };
  return { receipts: createSandboxReceipts(options), seen, lines };
}

const signedRight = ({ signature, body }: Seen) => {
  const parsed = JSON.parse(body) as { app_id: string; timestamp: string };
  return verifyZaloSignature(signature ?? "", {
    appId: parsed.app_id,
    rawBody: body,
    timestamp: parsed.timestamp,
    secret: SECRET,
  });
};

describe("sandbox receipts", () => {
  it("after an OA message: user_received_message, then user_seen_message, signed, sender the OA", async () => {
    const { receipts, seen } = setup();
    receipts.afterOaMessage({ webhookUrl, userId: USER, messageId: "m1" });
    await receipts.idle();
    expect(seen.map((event) => JSON.parse(event.body))).toEqual([
      expect.objectContaining({
        app_id: APP_ID,
        event_name: "user_received_message",
        timestamp: expect.stringMatching(/^\d{13}$/),
        sender: { id: OA_ID },
        recipient: { id: USER },
        message: { msg_id: "m1" },
      }),
      expect.objectContaining({ event_name: "user_seen_message", message: { msg_ids: ["m1"] } }),
    ]);
    expect(seen.map((event) => event.server)).toEqual(["OA OpenAPI", "OA OpenAPI"]);
    expect(seen.every(signedRight)).toBe(true);
  });

  it("after a ZNS message: one receipt with X-ZEvent-Server: ZNS, no seen", async () => {
    const { receipts, seen } = setup();
    receipts.afterZnsMessage({ webhookUrl, phone: PHONE, messageId: "z1", trackingId: "t1" });
    await receipts.idle();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.server).toBe("ZNS");
    expect(JSON.parse(seen[0]?.body ?? "")).toEqual({
      sender: { id: OA_ID },
      recipient: { id: PHONE },
      event_name: "user_received_message",
      message: { delivery_time: expect.stringMatching(/^\d{13}$/), msg_id: "z1", tracking_id: "t1" },
      app_id: APP_ID,
      timestamp: expect.stringMatching(/^\d{13}$/),
    });
    expect(seen.every(signedRight)).toBe(true);
  });

  it("a webhook that is down or refuses: logged by event name and class only, never thrown", async () => {
    const down = setup(async () => {
      throw new TypeError("fetch failed");
    });
    down.receipts.afterZnsMessage({ webhookUrl, phone: PHONE, messageId: "z1", trackingId: "t1" });
    await down.receipts.idle();
    expect(down.lines.join("\n")).toContain('"errorClass":"TypeError"');
    const refusing = setup(async () => new Response('{"message":"no"}', { status: 401 }));
    refusing.receipts.afterOaMessage({ webhookUrl, userId: USER, messageId: "m1" });
    await refusing.receipts.idle();
    const logged = [...down.lines, ...refusing.lines].join("\n");
    expect(logged).toContain('"status":401');
    for (const secret of [PHONE.slice(2), USER, "m1", "z1", "t1"]) expect(logged).not.toContain(secret);
  });

  it("stop() cancels what waits and aborts what is in flight; nothing is sent after", async () => {
    const waiting = setup(undefined, { receivedAfterMs: 60_000 });
    waiting.receipts.afterOaMessage({ webhookUrl, userId: USER, messageId: "m1" });
    await waiting.receipts.stop();
    await waiting.receipts.idle();
    waiting.receipts.afterOaMessage({ webhookUrl, userId: USER, messageId: "m2" });
    await waiting.receipts.idle();
    expect(waiting.seen).toEqual([]);

    let aborted = false;
    // A webhook that never answers: only the abort ends the delivery.
    const never: typeof fetch = (_input, init) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener("abort", () => {
          aborted = true;
          reject(new DOMException("aborted", "AbortError"));
        });
      });
    const hanging = setup(undefined, { fetch: never });
    hanging.receipts.afterOaMessage({ webhookUrl, userId: USER, messageId: "m1" });
    await new Promise((resolve) => setTimeout(resolve, 10));
    await hanging.receipts.stop();
    expect(aborted).toBe(true);
    expect(hanging.lines.join("\n")).not.toContain("not delivered");
  });
});
