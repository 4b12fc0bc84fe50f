import { resolve } from "node:path";
import { z } from "zod";
import {
  ConfigError,
  decodePreviousKeys,
  encryptionKeySchema,
  previousKeysSchema,
  productionSecrets,
  sandboxSecrets,
  secretSchema,
} from "./config-secrets";
import { parseTrustedProxies } from "./http/client-address";

export { ConfigError } from "./config-secrets";

/**
 * Every environment variable the server reads, validated once at start-up.
 * A wrong or missing value stops the process with a message naming the variable (see main.ts).
 *
 * Sandbox mode (no ZALO_APP_ID): missing secrets are generated once and kept in DATA_DIR, and the
 * Zalo base URLs point at this server's own /sandbox, so a fresh clone runs with no credential.
 */

const optionalNonEmpty = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const httpUrl = (what: string) =>
  z.url({ protocol: /^https?$/, error: `phải là một URL http(s) đầy đủ (${what})` });

const templateId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "là mã mẫu tin đã được Zalo duyệt (chữ số)");

function positiveInteger(message: string, fallback: number) {
  return z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce.number({ error: message }).int(message).positive(message).default(fallback),
  );
}

/**
 * The sandbox's approved templates (zalo-sandbox/templates.ts): the defaults in sandbox mode, so status
 * messages outside the 7-day window go by template there too.
 */
export const SANDBOX_TEMPLATE_IDS = {
  dossier_status: "300001",
  supplement_request: "300002",
  officer_reply: "300004",
} as const;

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
  SESSION_SECRET: optionalNonEmpty.pipe(secretSchema.optional()),
  DATA_ENCRYPTION_KEY: optionalNonEmpty.pipe(encryptionKeySchema.optional()),
  DATA_ENCRYPTION_KEYS: optionalNonEmpty.pipe(previousKeysSchema.optional()),
  /** "production" makes a missing Zalo configuration fatal instead of falling back to the sandbox. */
  NODE_ENV: optionalNonEmpty,
  /** "1": run the sandbox on purpose although NODE_ENV=production (a demo server); every page says so. */
  SANDBOX: optionalNonEmpty.pipe(z.enum(["0", "1"], { error: "phải là 1 (bật) hoặc 0" }).optional()),
  /** Proxies in front of this server whose X-Forwarded-For is believed (addresses or CIDR blocks). */
  TRUSTED_PROXIES: optionalNonEmpty.pipe(
    z
      .string()
      .refine(
        (value) => parseTrustedProxies(value) !== null,
        "phải là các địa chỉ IP hoặc dải CIDR cách nhau bởi dấu phẩy (ví dụ 10.0.0.0/8,127.0.0.1)",
      )
      .optional(),
  ),
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
  /** Approved Zalo template ids per message kind (by user id and by phone, ZNS); unset → that rung is skipped. */
  ZALO_TEMPLATE_DOSSIER_STATUS: optionalNonEmpty.pipe(templateId.optional()),
  ZALO_TEMPLATE_SUPPLEMENT_REQUEST: optionalNonEmpty.pipe(templateId.optional()),
  ZALO_TEMPLATE_FOLLOWER_NOTICE: optionalNonEmpty.pipe(templateId.optional()),
  ZALO_TEMPLATE_OFFICER_REPLY: optionalNonEmpty.pipe(templateId.optional()),
  /** Zalo's OA API budget shared by every delivery worker: 4,000 calls per minute per app [C §6]. */
  ZALO_RATE_PER_MINUTE: positiveInteger("phải là số nguyên dương (số lượt gọi Zalo mỗi phút)", 4000),
  /** Sandbox mode only: calls per minute the sandbox OA API allows the app before -32 (Zalo: 4,000 [C §6]). */
  SANDBOX_OA_RATE_PER_MINUTE: positiveInteger("phải là số nguyên dương (số lượt gọi mỗi phút)", 4000),
});

type Env = z.infer<typeof envSchema>;

/** Variables production mode cannot run without. */
const PRODUCTION_REQUIRED = [
  "ZALO_APP_ID",
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
  /** "production" only with every Zalo variable; "sandbox" in production only with SANDBOX=1. */
  sandboxInProduction: boolean;
  sessionSecret: string;
  dataEncryptionKey: Buffer;
  /** DATA_ENCRYPTION_KEYS: earlier keys that still open what they sealed, until rotation. */
  previousDataEncryptionKeys: Buffer[];
  /** TRUSTED_PROXIES, as address blocks: only their X-Forwarded-For names the client. */
  trustedProxies: string[];
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
    /** Approved template id per message kind (ZALO_TEMPLATE_*); a kind without one skips the template rungs. */
    templates: {
      dossier_status?: string;
      supplement_request?: string;
      follower_notice?: string;
      officer_reply?: string;
    };
    /** ZALO_RATE_PER_MINUTE: the fleet's budget of OA API calls. */
    ratePerMinute: number;
  };
  /** Settings of the Zalo sandbox (zalo-sandbox/); read only in sandbox mode. */
  sandbox: { oaRatePerMinute: number };
}

function templatesOf(env: Env, mode: Config["mode"]): Config["zalo"]["templates"] {
  const defaults: Config["zalo"]["templates"] = mode === "sandbox" ? SANDBOX_TEMPLATE_IDS : {};
  const pick = (value: string | undefined, fallback: string | undefined) => value ?? fallback;
  const templates: Config["zalo"]["templates"] = {};
  const status = pick(env.ZALO_TEMPLATE_DOSSIER_STATUS, defaults.dossier_status);
  const supplement = pick(env.ZALO_TEMPLATE_SUPPLEMENT_REQUEST, defaults.supplement_request);
  const notice = pick(env.ZALO_TEMPLATE_FOLLOWER_NOTICE, defaults.follower_notice);
  const reply = pick(env.ZALO_TEMPLATE_OFFICER_REPLY, defaults.officer_reply);
  if (status) templates.dossier_status = status;
  if (supplement) templates.supplement_request = supplement;
  if (notice) templates.follower_notice = notice;
  if (reply) templates.officer_reply = reply;
  return templates;
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
  const mode = chooseMode(env);
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
    sandboxInProduction: mode === "sandbox" && env.NODE_ENV === "production",
    sessionSecret: secrets.sessionSecret,
    dataEncryptionKey: secrets.dataEncryptionKey,
    previousDataEncryptionKeys: decodePreviousKeys(env.DATA_ENCRYPTION_KEYS, secrets.dataEncryptionKey),
    trustedProxies: parseTrustedProxies(env.TRUSTED_PROXIES ?? "") ?? [],
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
      templates: templatesOf(env, mode),
      ratePerMinute: env.ZALO_RATE_PER_MINUTE,
    },
    sandbox: { oaRatePerMinute: env.SANDBOX_OA_RATE_PER_MINUTE },
  };
}

/**
 * Production fails closed: with NODE_ENV=production a missing ZALO_APP_ID is an error naming every
 * variable production needs, never a quiet fall back to the sandbox (whose fake Zalo would then be served
 * to the world). The sandbox runs in production only when asked for with SANDBOX=1.
 */
function chooseMode(env: Env): "sandbox" | "production" {
  if (env.SANDBOX === "1") {
    if (env.ZALO_APP_ID) {
      throw new ConfigError(["SANDBOX: không dùng SANDBOX=1 cùng ZALO_APP_ID (chọn một trong hai chế độ)"]);
    }
    return "sandbox";
  }
  const production = env.ZALO_APP_ID !== undefined || env.NODE_ENV === "production";
  if (!production) return "sandbox";
  const missing = PRODUCTION_REQUIRED.filter((name) => env[name] === undefined);
  if (missing.length > 0) {
    const why = env.ZALO_APP_ID
      ? "bắt buộc khi đặt ZALO_APP_ID (chế độ production)"
      : "bắt buộc khi NODE_ENV=production (muốn chạy sandbox có chủ đích: đặt SANDBOX=1)";
    throw new ConfigError(missing.map((name) => `${name}: ${why}`));
  }
  return "production";
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

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
