import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/**
 * Secrets: their shapes, the data encryption keys, and the sandbox's generated set (kept in
 * DATA_DIR/secrets.json so a fresh clone runs with no credential and restarts keep their data readable).
 */

export const SECRET_MIN_CHARS = 32;

/** Thrown with every problem found, each naming its variable (main.ts prints them and exits 1). */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export const secretSchema = z
  .string()
  .min(SECRET_MIN_CHARS, `phải dài ít nhất ${SECRET_MIN_CHARS} ký tự (ví dụ: openssl rand -base64 48)`);

/** 32 bytes for AES-256-GCM, given as base64 (44 chars) or hex (64 chars). */
export const encryptionKeySchema = z
  .string()
  .trim()
  .refine(
    (value) => decodeKey(value) !== null,
    "phải là khoá 32 byte dạng base64 hoặc hex (openssl rand -base64 32)",
  );

/** DATA_ENCRYPTION_KEYS: earlier keys, comma-separated, kept only to open what they sealed. */
export const previousKeysSchema = z
  .string()
  .trim()
  .refine(
    (value) => value.split(",").every((part) => decodeKey(part.trim()) !== null),
    "phải là các khoá 32 byte (base64 hoặc hex) cách nhau bởi dấu phẩy",
  );

export function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value, "base64");
    return key.length === 32 ? key : null;
  }
  return null;
}

/** The earlier keys, without the current one (listing it there too is harmless and ignored). */
export function decodePreviousKeys(value: string | undefined, current: Buffer): Buffer[] {
  if (!value) return [];
  return value
    .split(",")
    .map((part) => decodeKey(part.trim()))
    .filter((key): key is Buffer => key !== null && !key.equals(current));
}

export interface Secrets {
  sessionSecret: string;
  dataEncryptionKey: Buffer;
  appSecret: string;
  oaSecretKey: string;
  oaRefreshToken: string;
}

export interface SecretEnv {
  SESSION_SECRET?: string | undefined;
  DATA_ENCRYPTION_KEY?: string | undefined;
  ZALO_APP_SECRET?: string | undefined;
  ZALO_OA_SECRET_KEY?: string | undefined;
  ZALO_OA_REFRESH_TOKEN?: string | undefined;
}

export function productionSecrets(env: SecretEnv): Secrets {
  // Presence was checked against the required list by loadConfig.
  return {
    sessionSecret: env.SESSION_SECRET ?? "",
    dataEncryptionKey: decodeKey(env.DATA_ENCRYPTION_KEY ?? "") ?? Buffer.alloc(0),
    appSecret: env.ZALO_APP_SECRET ?? "",
    oaSecretKey: env.ZALO_OA_SECRET_KEY ?? "",
    oaRefreshToken: env.ZALO_OA_REFRESH_TOKEN ?? "",
  };
}

const generatedSecretsSchema = z.object({
  SESSION_SECRET: secretSchema,
  DATA_ENCRYPTION_KEY: encryptionKeySchema,
  ZALO_APP_SECRET: z.string().min(1),
  ZALO_OA_SECRET_KEY: z.string().min(1),
  ZALO_OA_REFRESH_TOKEN: z.string().min(1),
});

/** Secrets absent from the environment are generated once and kept in DATA_DIR/secrets.json (mode 600). */
export function sandboxSecrets(dataDir: string, env: SecretEnv): Secrets {
  const file = join(dataDir, "secrets.json");
  let stored = readStoredSecrets(file);
  if (!stored) {
    stored = {
      SESSION_SECRET: randomBytes(48).toString("base64url"),
      DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      ZALO_APP_SECRET: randomBytes(24).toString("base64url"),
      ZALO_OA_SECRET_KEY: randomBytes(24).toString("base64url"),
      ZALO_OA_REFRESH_TOKEN: randomBytes(32).toString("base64url"),
    };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  const key = env.DATA_ENCRYPTION_KEY ?? stored.DATA_ENCRYPTION_KEY;
  return {
    sessionSecret: env.SESSION_SECRET ?? stored.SESSION_SECRET,
    dataEncryptionKey: decodeKey(key) ?? Buffer.alloc(0),
    appSecret: env.ZALO_APP_SECRET ?? stored.ZALO_APP_SECRET,
    oaSecretKey: env.ZALO_OA_SECRET_KEY ?? stored.ZALO_OA_SECRET_KEY,
    oaRefreshToken: env.ZALO_OA_REFRESH_TOKEN ?? stored.ZALO_OA_REFRESH_TOKEN,
  };
}

function readStoredSecrets(file: string): z.infer<typeof generatedSecretsSchema> | undefined {
  if (!existsSync(file)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    raw = undefined;
  }
  const parsed = generatedSecretsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError([`${file}: tệp bí mật sandbox bị hỏng; xoá tệp để tạo lại`]);
  }
  return parsed.data;
}
