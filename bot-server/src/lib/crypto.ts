import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from "node:crypto";

/**
 * Personal data at rest (house rule; ASVS 11.3 / 14.2, Nghị định 13/2023 and Luật 91/2025): CCCD, phone
 * numbers, dossier answers, file names and chat texts are sealed with AES-256-GCM; look-ups use a keyed
 * hash, never the plain value.
 *
 * A sealed value is "v2.<key id>.<iv>.<tag>.<ciphertext>" (base64url parts):
 * - the key id names the key that sealed it, so DATA_ENCRYPTION_KEY can be replaced while older keys
 *   (DATA_ENCRYPTION_KEYS) still open what they sealed, until `npm run admin -- rotate-data-key` re-seals
 *   everything under the current one;
 * - the associated data is the value's place, "<table>.<column>:<row>": a value copied to another row or
 *   column no longer opens (GCM authenticates it), so a database writer cannot swap two citizens' data;
 * - the tag is 16 bytes and a shorter one is refused (Node would otherwise accept a truncated tag, which
 *   weakens forgery resistance: NIST SP 800-38D §5.2.1.2).
 * Values of the first format "v1.<iv>.<tag>.<ciphertext>" (no key id, no place) still open, under any
 * configured key, until rotation rewrites them.
 */

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_CHARS = 8;

/** Where a sealed value lives: it opens only there. */
export interface SealContext {
  table: string;
  column: string;
  /** The row's own identity (primary key or another unique value known before the insert). */
  row: string;
}

export interface Sealer {
  seal(plain: string, context: SealContext): string;
  open(sealed: string, context: SealContext): string;
  sealJson(value: unknown, context: SealContext): string;
  openJson(sealed: string, context: SealContext): unknown;
  /** HMAC-SHA256 under the current key, for equality look-ups (store this one). */
  lookupHash(value: string): string;
  /** The look-up hash under every configured key: find rows not yet rotated too. */
  lookupHashes(value: string): string[];
  /** True when `sealed` is in the current format under the current key (rotation skips it). */
  isCurrent(sealed: string): boolean;
  /** The current key's id, as written into every value it seals. */
  readonly keyId: string;
}

interface Key {
  id: string;
  encryption: Buffer;
  lookup: Buffer;
}

/** Separate subkeys from one secret: the look-up hash must not be usable as the encryption key. */
function deriveKey(secret: Buffer): Key {
  if (secret.length !== 32) throw new Error("a data encryption key must be 32 bytes");
  const derive = (label: string) => createHmac("sha256", secret).update(label).digest();
  return {
    // A key's id is derived, never configured: it cannot be mislabelled, and it reveals nothing of it.
    id: derive("dvc:key-id:v2").toString("base64url").slice(0, KEY_ID_CHARS),
    encryption: derive("dvc:seal:v1"),
    lookup: derive("dvc:lookup:v1"),
  };
}

const placeOf = (context: SealContext) =>
  Buffer.from(`${context.table}.${context.column}:${context.row}`, "utf8");

/**
 * `current` seals; `previous` keys only open (and look up) what they sealed before a rotation.
 */
export function createSealer(current: Buffer, previous: readonly Buffer[] = []): Sealer {
  const sealingKey = deriveKey(current);
  const keys = [sealingKey, ...previous.map(deriveKey)];
  const byId = new Map(keys.map((key) => [key.id, key]));

  const seal = (plain: string, context: SealContext) => {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", sealingKey.encryption, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(placeOf(context));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [
      "v2",
      sealingKey.id,
      ...[iv, cipher.getAuthTag(), body].map((part) => part.toString("base64url")),
    ].join(".");
  };

  const open = (sealed: string, context: SealContext) => {
    const parts = sealed.split(".");
    if (parts[0] === "v2" && parts.length === 5) {
      const [, keyId = "", iv = "", tag = "", body = ""] = parts;
      const key = byId.get(keyId);
      if (!key) throw new Error("sealed under a key that is not configured (DATA_ENCRYPTION_KEYS)");
      return decrypt(key, iv, tag, body, placeOf(context));
    }
    if (parts[0] === "v1" && parts.length === 4) {
      const [, iv = "", tag = "", body = ""] = parts;
      return openWithAnyKey(keys, iv, tag, body);
    }
    throw new Error("sealed value has an unknown format");
  };

  const lookupWith = (key: Key, value: string) =>
    createHmac("sha256", key.lookup).update(value).digest("hex");
  return {
    seal,
    open,
    sealJson: (value, context) => seal(JSON.stringify(value), context),
    openJson: (sealed, context) => JSON.parse(open(sealed, context)) as unknown,
    lookupHash: (value) => lookupWith(sealingKey, value),
    lookupHashes: (value) => keys.map((key) => lookupWith(key, value)),
    isCurrent: (sealed) => sealed.startsWith(`v2.${sealingKey.id}.`),
    keyId: sealingKey.id,
  };
}

function decrypt(key: Key, iv: string, tag: string, body: string, place: Buffer | undefined): string {
  const tagBytes = Buffer.from(tag, "base64url");
  if (tagBytes.length !== TAG_BYTES) throw new Error("sealed value has a short authentication tag");
  const decipher = createDecipheriv("aes-256-gcm", key.encryption, Buffer.from(iv, "base64url"), {
    authTagLength: TAG_BYTES,
  });
  if (place) decipher.setAAD(place);
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** A v1 value names no key: the one whose tag verifies is the one (a wrong key fails authentication). */
function openWithAnyKey(keys: readonly Key[], iv: string, tag: string, body: string): string {
  for (const key of keys) {
    try {
      return decrypt(key, iv, tag, body, undefined);
    } catch {
      // Not this key: try the next.
    }
  }
  throw new Error("sealed value opens under no configured key");
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
