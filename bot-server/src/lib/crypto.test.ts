import { createCipheriv, createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSealer, hashToken, newToken, type SealContext, safeEqual } from "./crypto";

const key = randomBytes(32);
const sealer = createSealer(key);
const here: SealContext = { table: "citizen_profiles", column: "sealed", row: "a" };

/** Rewrites one base64url part of a sealed value. */
function withPart(sealed: string, index: number, change: (bytes: Buffer) => Buffer): string {
  const parts = sealed.split(".");
  parts[index] = change(Buffer.from(parts[index] ?? "", "base64url")).toString("base64url");
  return parts.join(".");
}

describe("createSealer", () => {
  it("round-trips text and JSON, and never shows the plain value", () => {
    const sealed = sealer.seal("001203004567", here);
    expect(sealed).not.toContain("001203004567");
    expect(sealed.startsWith(`v2.${sealer.keyId}.`)).toBe(true);
    expect(sealer.open(sealed, here)).toBe("001203004567");
    expect(sealer.openJson(sealer.sealJson({ phone: "84912345678" }, here), here)).toEqual({
      phone: "84912345678",
    });
  });

  it("uses a fresh IV each time", () => {
    expect(sealer.seal("x", here)).not.toBe(sealer.seal("x", here));
  });

  it("binds a value to its table, column and row: moved anywhere else, it does not open", () => {
    const sealed = sealer.seal("001203004567", here);
    expect(() => sealer.open(sealed, { ...here, row: "b" })).toThrow();
    expect(() => sealer.open(sealed, { ...here, column: "other" })).toThrow();
    expect(() => sealer.open(sealed, { ...here, table: "drafts" })).toThrow();
  });

  it("rejects a tampered value, a truncated tag and a value sealed under an unknown key", () => {
    const sealed = sealer.seal("secret", here);
    const flipped = withPart(sealed, 4, (bytes) => {
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      return bytes;
    });
    expect(() => sealer.open(flipped, here)).toThrow();
    // A 4-byte prefix of the real tag: Node would accept it without authTagLength.
    expect(() =>
      sealer.open(
        withPart(sealed, 3, (tag) => tag.subarray(0, 4)),
        here,
      ),
    ).toThrow(/short/);
    expect(() => createSealer(randomBytes(32)).open(sealed, here)).toThrow(/not configured/);
  });

  it("opens values of an older key kept in `previous`, and seals only under the current one", () => {
    const next = createSealer(randomBytes(32), [key]);
    const old = sealer.seal("001203004567", here);
    expect(next.open(old, here)).toBe("001203004567");
    expect(next.isCurrent(old)).toBe(false);
    const resealed = next.seal(next.open(old, here), here);
    expect(next.isCurrent(resealed)).toBe(true);
    expect(next.keyId).not.toBe(sealer.keyId);
  });

  it("still opens values of the first format (v1: no key id, no place) under any configured key", () => {
    // As the first version sealed: AES-256-GCM under HMAC(key, "dvc:seal:v1"), no associated data.
    const encryptionKey = createHmac("sha256", key).update("dvc:seal:v1").digest();
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
    const body = Buffer.concat([cipher.update("84912345678", "utf8"), cipher.final()]);
    const v1 = ["v1", iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
      .join(".");
    expect(sealer.open(v1, here)).toBe("84912345678");
    expect(createSealer(randomBytes(32), [key]).open(v1, here)).toBe("84912345678");
    expect(sealer.isCurrent(v1)).toBe(false);
  });

  it("gives stable keyed look-up hashes that differ between keys, and one per key for finding", () => {
    expect(sealer.lookupHash("001203004567")).toBe(sealer.lookupHash("001203004567"));
    const other = createSealer(randomBytes(32), [key]);
    expect(other.lookupHash("001203004567")).not.toBe(sealer.lookupHash("001203004567"));
    expect(other.lookupHashes("001203004567")).toEqual([
      other.lookupHash("001203004567"),
      sealer.lookupHash("001203004567"),
    ]);
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
