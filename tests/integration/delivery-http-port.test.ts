import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeZaloProvider, startFakeZaloProvider } from "../support/fake-zalo-provider";
import { freePort } from "../support/free-port";
import { httpZaloPort } from "../support/http-zalo-port";

/**
 * The test harness of the delivery process tests checked on its own: the worker process's HTTP port
 * classifies the fake provider's answers as the engine expects (a -32 pauses the fleet, a 5xx or a
 * network error is retried), and the provider deduplicates by ref like an idempotent provider. Without
 * this, "each ref delivered once" in delivery-kill.test.ts could hold for the wrong reason.
 */

let provider: FakeZaloProvider;
beforeAll(async () => {
  provider = await startFakeZaloProvider();
});
afterAll(() => provider?.close());

const now = new Date();

describe("the HTTP port to the fake provider", () => {
  it("a second call with the same ref is a duplicate, answered with the first message id", async () => {
    const port = httpZaloPort(provider.url, "T");
    const first = await port.sendConsultation("u1", "xin chào", [], "d1");
    const again = await port.sendConsultation("u1", "xin chào", [], "d1");
    expect(again.messageId).toBe(first.messageId);
    expect(provider.calls.filter((call) => call.ref === "d1").map((call) => call.outcome)).toEqual([
      "delivered",
      "duplicate",
    ]);
    expect(provider.delivered.get("d1")).toBe(first.messageId);
  });

  it("-32 → slow_down; 503 → retry; nothing delivered for either", async () => {
    const port = httpZaloPort(provider.url, "T");
    provider.script((call) => (call.ref === "d2" ? "slow_down" : "unavailable"));
    const slowed = await port.sendConsultation("u2", "x", [], "d2").catch((error: unknown) => error);
    const busy = await port.sendConsultation("u3", "x", [], "d3").catch((error: unknown) => error);
    provider.script(undefined);
    expect(port.classify(slowed, now)).toEqual({ action: "slow_down", reason: "zalo:-32" });
    expect(port.classify(busy, now)).toEqual({ action: "retry", reason: "http:503" });
    expect(provider.delivered.has("d2") || provider.delivered.has("d3")).toBe(false);
  });

  it("a provider that is not there → retry", async () => {
    const port = httpZaloPort(`http://127.0.0.1:${await freePort()}`, "T");
    const refused = await port.sendConsultation("u4", "x", [], "d4").catch((error: unknown) => error);
    expect(port.classify(refused, now)).toMatchObject({ action: "retry" });
  });
});
