import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/**
 * Personal data at rest (house rule; ASVS 14 / Nghị định 13/2023): CCCD, phone numbers and dossier
 * answers are sealed with AES-256-GCM under DATA_ENCRYPTION_KEY; look-ups use a keyed hash, never the
 * plain value. Sealed text is "v1.<iv>.<tag>.<ciphertext>" in base64url, so the key can be rotated later.
 */

const VERSION = "v1";
const IV_BYTES = 12;

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
  sealJson(value: unknown): string;
  openJson(sealed: string): unknown;
  /** HMAC-SHA256 for equality look-ups (e.g. find a citizen by CCCD) without storing the value. */
  lookupHash(value: string): string;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error("DATA_ENCRYPTION_KEY must be 32 bytes");
  // Separate subkeys: the lookup hash must not be usable as the encryption key or vice versa.
  const encryptionKey = createHmac("sha256", key).update("dvc:seal:v1").digest();
  const hashKey = createHmac("sha256", key).update("dvc:lookup:v1").digest();
  const seal = (plain: string) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", encryptionKey, iv);
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  };
  const open = (sealed: string) => {
    const [version, iv, tag, body] = sealed.split(".");
    if (version !== VERSION || iv === undefined || tag === undefined || body === undefined) {
      throw new Error("sealed value has an unknown format");
    }
    const decipher = createDecipheriv("aes-256-gcm", encryptionKey, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  };
  return {
    seal,
    open,
    sealJson: (value) => seal(JSON.stringify(value)),
    openJson: (sealed) => JSON.parse(open(sealed)) as unknown,
    lookupHash: (value) => createHmac("sha256", hashKey).update(value).digest("hex"),
  };
}

/** A new opaque token (256 bits, ASVS 7.2.3) and the hash that is stored in its place. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Constant-time comparison of two strings (signatures, proofs). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
