import { randomBytes } from "node:crypto";

/**
 * Where uploaded bytes live, by an opaque server-generated key (ASVS 5.3.2: no client-chosen path).
 * Who may read them is decided by the `files` row, never here.
 */
export interface FileStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | undefined>;
  /** Removing a missing key is not an error (a retried delete must succeed). */
  delete(key: string): Promise<void>;
}

/** Keys are generated here (base64url of 128 random bits); the folder backend relies on their shape. */
export const STORAGE_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/** A new key for one upload: 128 random bits, never derived from the client's file name. */
export function newStorageKey(): string {
  return randomBytes(16).toString("base64url");
}
