import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSealer, hashToken, newToken, safeEqual } from "./crypto";

const sealer = createSealer(randomBytes(32));

describe("createSealer", () => {
  it("round-trips text and JSON, and never shows the plain value", () => {
    const sealed = sealer.seal("001203004567");
    expect(sealed).not.toContain("001203004567");
    expect(sealer.open(sealed)).toBe("001203004567");
    expect(sealer.openJson(sealer.sealJson({ phone: "84912345678" }))).toEqual({ phone: "84912345678" });
  });

  it("uses a fresh IV each time", () => {
    expect(sealer.seal("x")).not.toBe(sealer.seal("x"));
  });

  it("rejects a tampered value and a value sealed under another key", () => {
    const sealed = sealer.seal("secret");
    const parts = sealed.split(".");
    const body = Buffer.from(parts[3] ?? "", "base64url");
    body[0] = (body[0] ?? 0) ^ 1;
    parts[3] = body.toString("base64url");
    expect(() => sealer.open(parts.join("."))).toThrow();
    expect(() => createSealer(randomBytes(32)).open(sealed)).toThrow();
  });

  it("gives stable keyed look-up hashes that differ between keys", () => {
    expect(sealer.lookupHash("001203004567")).toBe(sealer.lookupHash("001203004567"));
    expect(createSealer(randomBytes(32)).lookupHash("001203004567")).not.toBe(
      sealer.lookupHash("001203004567"),
    );
  });
});

describe("tokens", () => {
  it("are 256-bit, unique, and stored only as their hash", () => {
    const a = newToken();
    const b = newToken();
    expect(Buffer.from(a.token, "base64url")).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashToken(a.token));
    expect(safeEqual(a.hash, hashToken(a.token))).toBe(true);
    expect(safeEqual(a.hash, b.hash)).toBe(false);
  });
});
