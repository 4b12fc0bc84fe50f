import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/**
 * Every environment variable the server reads, validated once at start-up.
 * A wrong or missing value stops the process with a message naming the variable (see main.ts).
 *
 * Sandbox mode (no ZALO_APP_ID): missing secrets are generated once and kept in DATA_DIR, and the
 * Zalo base URLs point at this server's own /sandbox, so a fresh clone runs with no credential.
 */

const SECRET_MIN_CHARS = 32;

const optionalNonEmpty = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `phải là một URL http(s) đầy đủ (${what})` });

const secret = z
  .string()
  .min(SECRET_MIN_CHARS, `phải dài ít nhất ${SECRET_MIN_CHARS} ký tự (ví dụ: openssl rand -base64 48)`);

/** 32 bytes for AES-256-GCM, given as base64 (44 chars) or hex (64 chars). */
const encryptionKey = z
  .string()
  .trim()
  .refine(
    (value) => decodeKey(value) !== null,
    "phải là khoá 32 byte dạng base64 hoặc hex (openssl rand -base64 32)",
  );

const envSchema = z.object({
  PORT: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ error: "phải là số cổng từ 1 đến 65535" })
      .int("phải là số cổng từ 1 đến 65535")
      .min(1, "phải là số cổng từ 1 đến 65535")
      .max(65535, "phải là số cổng từ 1 đến 65535")
      .default(3000),
  ),
  HOST: z.string().trim().min(1, "không được để trống (ví dụ 127.0.0.1 hoặc 0.0.0.0)").default("127.0.0.1"),
  PUBLIC_URL: optionalNonEmpty.pipe(httpUrl("ví dụ https://dvc.example.vn").optional()),
  DATA_DIR: z.string().trim().min(1).default("./.data"),
  DATABASE_URL: optionalNonEmpty.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "phải bắt đầu bằng postgres:// hoặc postgresql://")
      .optional(),
  ),
  DB_DRIVER: optionalNonEmpty.pipe(
    z.enum(["pglite", "pg", "neon"], { error: "phải là pglite, pg hoặc neon" }).optional(),
  ),
  /** Neon's WebSocket proxy host (e.g. a local wsproxy); only for running the Neon driver off Neon. */
  NEON_WS_PROXY: optionalNonEmpty,
  SESSION_SECRET: optionalNonEmpty.pipe(secret.optional()),
  DATA_ENCRYPTION_KEY: optionalNonEmpty.pipe(encryptionKey.optional()),
  ZALO_APP_ID: optionalNonEmpty.pipe(
    z.string().regex(/^\d+$/, "là dãy số (App ID trên developers.zalo.me)").optional(),
  ),
  ZALO_APP_SECRET: optionalNonEmpty,
  ZALO_OA_ID: optionalNonEmpty.pipe(z.string().regex(/^\d+$/, "là dãy số (OA ID)").optional()),
  ZALO_OA_SECRET_KEY: optionalNonEmpty,
  ZALO_OA_REFRESH_TOKEN: optionalNonEmpty,
  ZALO_MINI_APP_ID: optionalNonEmpty.pipe(z.string().regex(/^\d+$/, "là dãy số (Mini App ID)").optional()),
  ZALO_API_BASE_URL: optionalNonEmpty.pipe(httpUrl("mặc định https://openapi.zalo.me").optional()),
  ZALO_OAUTH_BASE_URL: optionalNonEmpty.pipe(httpUrl("mặc định https://oauth.zaloapp.com").optional()),
  ZALO_GRAPH_BASE_URL: optionalNonEmpty.pipe(httpUrl("mặc định https://graph.zalo.me").optional()),
  ZALO_BUSINESS_BASE_URL: optionalNonEmpty.pipe(
    httpUrl("mặc định https://business.openapi.zalo.me").optional(),
  ),
  LOG_LEVEL: optionalNonEmpty.pipe(
    z.enum(["debug", "info", "warn", "error"], { error: "phải là debug, info, warn hoặc error" }).optional(),
  ),
  /** Sandbox mode only: calls per minute the sandbox OA API allows the app before -32 (Zalo: 4,000 [C §6]). */
  SANDBOX_OA_RATE_PER_MINUTE: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ error: "phải là số nguyên dương (số lượt gọi mỗi phút)" })
      .int("phải là số nguyên dương (số lượt gọi mỗi phút)")
      .positive("phải là số nguyên dương (số lượt gọi mỗi phút)")
      .default(4000),
  ),
});

type Env = z.infer<typeof envSchema>;

/** Variables production mode cannot run without. */
const PRODUCTION_REQUIRED = [
  "ZALO_APP_SECRET",
  "ZALO_OA_ID",
  "ZALO_OA_SECRET_KEY",
  "ZALO_OA_REFRESH_TOKEN",
  "ZALO_MINI_APP_ID",
  "SESSION_SECRET",
  "DATA_ENCRYPTION_KEY",
] as const satisfies readonly (keyof Env)[];

const ZALO_PRODUCTION_HOSTS = {
  api: "https://openapi.zalo.me",
  oauth: "https://oauth.zaloapp.com",
  graph: "https://graph.zalo.me",
  business: "https://business.openapi.zalo.me",
} as const;

/** Fixed ids of the sandbox's pretend Zalo app, OA and Mini App (Zalo ids are numeric strings). */
export const SANDBOX_IDS = {
  appId: "1000000000000000001",
  oaId: "2000000000000000002",
  miniAppId: "3000000000000000003",
} as const;

export type DatabaseDriver = "pglite" | "pg" | "neon";

export interface Config {
  mode: "sandbox" | "production";
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  database: { driver: DatabaseDriver; url: string | undefined; neonWsProxy: string | undefined };
  sessionSecret: string;
  dataEncryptionKey: Buffer;
  logLevel: "debug" | "info" | "warn" | "error";
  zalo: {
    appId: string;
    appSecret: string;
    oaId: string;
    oaSecretKey: string;
    oaRefreshToken: string;
    miniAppId: string;
    apiBaseUrl: string;
    oauthBaseUrl: string;
    graphBaseUrl: string;
    businessBaseUrl: string;
  };
  /** Settings of the Zalo sandbox (zalo-sandbox/); read only in sandbox mode. */
  sandbox: { oaRatePerMinute: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ:\n${problems.map((line) => `  - ${line}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates the environment; throws ConfigError listing every problem at once. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  const mode = env.ZALO_APP_ID ? "production" : "sandbox";
  if (mode === "production") {
    const missing = PRODUCTION_REQUIRED.filter((name) => env[name] === undefined);
    if (missing.length > 0) {
      throw new ConfigError(
        missing.map((name) => `${name}: bắt buộc khi đặt ZALO_APP_ID (chế độ production)`),
      );
    }
  }
  if ((env.DB_DRIVER === "pg" || env.DB_DRIVER === "neon") && !env.DATABASE_URL) {
    throw new ConfigError([`DATABASE_URL: bắt buộc khi DB_DRIVER=${env.DB_DRIVER}`]);
  }
  const dataDir = resolve(env.DATA_DIR);
  const secrets = mode === "sandbox" ? sandboxSecrets(dataDir, env) : productionSecrets(env);
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const selfOrigin = `http://${env.HOST.includes(":") ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
  const hosts = mode === "sandbox" ? sandboxHosts(selfOrigin) : ZALO_PRODUCTION_HOSTS;
  return {
    mode,
    port: env.PORT,
    host: env.HOST,
    publicUrl,
    dataDir,
    database: {
      driver: pickDriver(env),
      url: env.DATABASE_URL,
      neonWsProxy: env.NEON_WS_PROXY,
    },
    sessionSecret: secrets.sessionSecret,
    dataEncryptionKey: secrets.dataEncryptionKey,
    logLevel: env.LOG_LEVEL ?? "info",
    zalo: {
      appId: env.ZALO_APP_ID ?? SANDBOX_IDS.appId,
      appSecret: secrets.appSecret,
      oaId: env.ZALO_OA_ID ?? SANDBOX_IDS.oaId,
      oaSecretKey: secrets.oaSecretKey,
      oaRefreshToken: secrets.oaRefreshToken,
      miniAppId: env.ZALO_MINI_APP_ID ?? SANDBOX_IDS.miniAppId,
      apiBaseUrl: trimSlash(env.ZALO_API_BASE_URL ?? hosts.api),
      oauthBaseUrl: trimSlash(env.ZALO_OAUTH_BASE_URL ?? hosts.oauth),
      graphBaseUrl: trimSlash(env.ZALO_GRAPH_BASE_URL ?? hosts.graph),
      businessBaseUrl: trimSlash(env.ZALO_BUSINESS_BASE_URL ?? hosts.business),
    },
    sandbox: { oaRatePerMinute: env.SANDBOX_OA_RATE_PER_MINUTE },
  };
}

function pickDriver(env: Env): DatabaseDriver {
  if (env.DB_DRIVER) return env.DB_DRIVER;
  if (!env.DATABASE_URL) return "pglite";
  return new URL(env.DATABASE_URL).hostname.endsWith(".neon.tech") ? "neon" : "pg";
}

function sandboxHosts(selfOrigin: string) {
  return {
    api: `${selfOrigin}/sandbox/openapi`,
    oauth: `${selfOrigin}/sandbox/oauth`,
    graph: `${selfOrigin}/sandbox/graph`,
    business: `${selfOrigin}/sandbox/business`,
  };
}

interface Secrets {
  sessionSecret: string;
  dataEncryptionKey: Buffer;
  appSecret: string;
  oaSecretKey: string;
  oaRefreshToken: string;
}

function productionSecrets(env: Env): Secrets {
  // Presence was checked against PRODUCTION_REQUIRED above.
  return {
    sessionSecret: env.SESSION_SECRET ?? "",
    dataEncryptionKey: decodeKey(env.DATA_ENCRYPTION_KEY ?? "") ?? Buffer.alloc(0),
    appSecret: env.ZALO_APP_SECRET ?? "",
    oaSecretKey: env.ZALO_OA_SECRET_KEY ?? "",
    oaRefreshToken: env.ZALO_OA_REFRESH_TOKEN ?? "",
  };
}

const generatedSecretsSchema = z.object({
  SESSION_SECRET: secret,
  DATA_ENCRYPTION_KEY: encryptionKey,
  ZALO_APP_SECRET: z.string().min(1),
  ZALO_OA_SECRET_KEY: z.string().min(1),
  ZALO_OA_REFRESH_TOKEN: z.string().min(1),
});

/** Secrets absent from the environment are generated once and kept in DATA_DIR/secrets.json (mode 600). */
function sandboxSecrets(dataDir: string, env: Env): Secrets {
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

function decodeKey(value: string): Buffer | null {
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, "hex");
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const key = Buffer.from(value, "base64");
    return key.length === 32 ? key : null;
  }
  return null;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
