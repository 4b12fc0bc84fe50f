import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyZaloSignature, zaloMac } from "./signature";

const input = {
  appId: "2553928453557884079",
  rawBody: '{"app_id":"2553928453557884079","timestamp":"1699003881354","event_name":"user_send_text"}',
  timestamp: "1699003881354",
  secret: "oa-secret-key",
};

describe("zaloMac", () => {
  it("is the hex SHA-256 of app_id + body + timestamp + secret (not an HMAC)", () => {
    const expected = createHash("sha256")
      .update(`${input.appId}${input.rawBody}${input.timestamp}${input.secret}`)
      .digest("hex");
    expect(zaloMac(input)).toBe(expected);
    expect(zaloMac(input)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("hashes non-ASCII bodies as UTF-8", () => {
    const body = '{"text":"Chào A4B"}';
    const expected = createHash("sha256")
      .update(Buffer.from(`${input.appId}${body}${input.timestamp}${input.secret}`, "utf8"))
      .digest("hex");
    expect(zaloMac({ ...input, rawBody: body })).toBe(expected);
  });
});

describe("verifyZaloSignature", () => {
  const mac = zaloMac(input);

  it("accepts mac=<hex>, bare <hex>, and upper-case hex", () => {
    expect(verifyZaloSignature(`mac=${mac}`, input)).toBe(true);
    expect(verifyZaloSignature(mac, input)).toBe(true);
    expect(verifyZaloSignature(`mac=${mac.toUpperCase()}`, input)).toBe(true);
  });

  it("rejects a missing, empty, truncated or wrong header", () => {
    expect(verifyZaloSignature(undefined, input)).toBe(false);
    expect(verifyZaloSignature("", input)).toBe(false);
    expect(verifyZaloSignature("mac=", input)).toBe(false);
    expect(verifyZaloSignature(`mac=${mac.slice(0, 63)}`, input)).toBe(false);
    expect(verifyZaloSignature(`mac=${"0".repeat(64)}`, input)).toBe(false);
  });

  it("rejects a changed body, timestamp, app id or secret", () => {
    const header = `mac=${mac}`;
    expect(verifyZaloSignature(header, { ...input, rawBody: input.rawBody.replace("text", "texT") })).toBe(
      false,
    );
    expect(verifyZaloSignature(header, { ...input, timestamp: "1699003881355" })).toBe(false);
    expect(verifyZaloSignature(header, { ...input, appId: "1" })).toBe(false);
    expect(verifyZaloSignature(header, { ...input, secret: "other" })).toBe(false);
  });
});
