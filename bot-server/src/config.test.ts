import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Config, ConfigError, loadConfig, SANDBOX_IDS } from "./config";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "dvc-config-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The problems a ConfigError lists, or a failure if loadConfig did not throw one. */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

const PRODUCTION: NodeJS.ProcessEnv = {
  ZALO_APP_ID: "1234567890123456789",
  ZALO_APP_SECRET: "app-secret",
  ZALO_OA_ID: "9876543210",
  ZALO_OA_SECRET_KEY: "oa-secret-key",
  ZALO_OA_REFRESH_TOKEN: "refresh-token",
  ZALO_MINI_APP_ID: "5555555555",
  SESSION_SECRET: "s".repeat(48),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

describe("loadConfig defaults (sandbox)", () => {
  it("runs with nothing but a DATA_DIR", () => {
    const dataDir = tempDir();
    const config: Config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      mode: "sandbox",
      port: 3000,
      host: "127.0.0.1",
      publicUrl: "http://localhost:3000",
      dataDir,
      database: { driver: "pglite", url: undefined, neonWsProxy: undefined },
      logLevel: "info",
    });
    expect(config.zalo).toMatchObject({
      appId: SANDBOX_IDS.appId,
      oaId: SANDBOX_IDS.oaId,
      miniAppId: SANDBOX_IDS.miniAppId,
      apiBaseUrl: "http://127.0.0.1:3000/sandbox/openapi",
      oauthBaseUrl: "http://127.0.0.1:3000/sandbox/oauth",
      graphBaseUrl: "http://127.0.0.1:3000/sandbox/graph",
      businessBaseUrl: "http://127.0.0.1:3000/sandbox/business",
    });
    expect(config.dataEncryptionKey).toHaveLength(32);
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
  });

  it("resolves DATA_DIR to a normalised absolute path", () => {
    const config = loadConfig({ DATA_DIR: `${tempDir()}/./sub/..` });
    expect(config.dataDir).not.toContain("..");
  });

  it("treats empty variables as unset", () => {
    const config = loadConfig({ DATA_DIR: tempDir(), DATABASE_URL: "", ZALO_APP_ID: "  ", LOG_LEVEL: "" });
    expect(config.mode).toBe("sandbox");
    expect(config.database.driver).toBe("pglite");
    expect(config.logLevel).toBe("info");
  });

  it("applies PORT, HOST and PUBLIC_URL (without a trailing slash)", () => {
    const config = loadConfig({
      DATA_DIR: tempDir(),
      PORT: "8080",
      HOST: "::1",
      PUBLIC_URL: "https://dvc.example.vn/",
    });
    expect(config).toMatchObject({ port: 8080, host: "::1", publicUrl: "https://dvc.example.vn" });
    // The sandbox's Zalo stand-in is reached on this server itself, IPv6 host in brackets.
    expect(config.zalo.apiBaseUrl).toBe("http://[::1]:8080/sandbox/openapi");
  });
});

describe("sandbox secrets", () => {
  it("are generated once into DATA_DIR/secrets.json (mode 600) and reused by the next load", () => {
    const dataDir = tempDir();
    const first = loadConfig({ DATA_DIR: dataDir });
    const file = join(dataDir, "secrets.json");
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const stored = readFileSync(file, "utf8");
    const second = loadConfig({ DATA_DIR: dataDir });
    expect(readFileSync(file, "utf8")).toBe(stored);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.dataEncryptionKey.equals(first.dataEncryptionKey)).toBe(true);
    expect(second.zalo.appSecret).toBe(first.zalo.appSecret);
    expect(second.zalo.oaRefreshToken).toBe(first.zalo.oaRefreshToken);
  });

  it("differ between two DATA_DIRs", () => {
    expect(loadConfig({ DATA_DIR: tempDir() }).sessionSecret).not.toBe(
      loadConfig({ DATA_DIR: tempDir() }).sessionSecret,
    );
  });

  it("give way to secrets set in the environment", () => {
    const dataDir = tempDir();
    loadConfig({ DATA_DIR: dataDir });
    const key = Buffer.alloc(32, 1);
    const config = loadConfig({
      DATA_DIR: dataDir,
      SESSION_SECRET: "x".repeat(40),
      DATA_ENCRYPTION_KEY: key.toString("hex"),
    });
    expect(config.sessionSecret).toBe("x".repeat(40));
    expect(config.dataEncryptionKey.equals(key)).toBe(true);
  });

  it("refuse a corrupted secrets.json with a ConfigError naming the file", () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "secrets.json"), "{ not json");
    const [problem] = problemsOf({ DATA_DIR: dataDir });
    expect(problem).toContain("secrets.json");
  });
});

describe("production mode (ZALO_APP_ID set)", () => {
  it("loads with every Zalo variable and both secrets, writing no secrets file", () => {
    const dataDir = tempDir();
    const config = loadConfig({ ...PRODUCTION, DATA_DIR: dataDir });
    expect(config.mode).toBe("production");
    expect(config.zalo).toEqual({
      appId: "1234567890123456789",
      appSecret: "app-secret",
      oaId: "9876543210",
      oaSecretKey: "oa-secret-key",
      oaRefreshToken: "refresh-token",
      miniAppId: "5555555555",
      apiBaseUrl: "https://openapi.zalo.me",
      oauthBaseUrl: "https://oauth.zaloapp.com",
      graphBaseUrl: "https://graph.zalo.me",
      businessBaseUrl: "https://business.openapi.zalo.me",
      // No template configured in production: status messages outside the 7-day window skip that rung.
      templates: {},
      ratePerMinute: 4000,
    });
    expect(config.sessionSecret).toBe("s".repeat(48));
    expect(config.dataEncryptionKey.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(existsSync(join(dataDir, "secrets.json"))).toBe(false);
  });

  it("lists every missing variable at once", () => {
    const problems = problemsOf({ DATA_DIR: tempDir(), ZALO_APP_ID: "123" });
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual(
      [
        "DATA_ENCRYPTION_KEY",
        "SESSION_SECRET",
        "ZALO_APP_SECRET",
        "ZALO_MINI_APP_ID",
        "ZALO_OA_ID",
        "ZALO_OA_REFRESH_TOKEN",
        "ZALO_OA_SECRET_KEY",
      ].sort(),
    );
  });

  it.each([
    "ZALO_APP_SECRET",
    "ZALO_OA_ID",
    "ZALO_OA_SECRET_KEY",
    "ZALO_OA_REFRESH_TOKEN",
    "ZALO_MINI_APP_ID",
    "SESSION_SECRET",
    "DATA_ENCRYPTION_KEY",
  ])("requires %s", (name) => {
    const problems = problemsOf({ ...PRODUCTION, DATA_DIR: tempDir(), [name]: "" });
    expect(problems).toEqual([`${name}: bắt buộc khi đặt ZALO_APP_ID (chế độ production)`]);
  });

  it("applies base URL overrides (trailing slashes trimmed), keeping Zalo's hosts for the rest", () => {
    const config = loadConfig({
      ...PRODUCTION,
      DATA_DIR: tempDir(),
      ZALO_API_BASE_URL: "http://127.0.0.1:9999/openapi/",
      ZALO_GRAPH_BASE_URL: "http://127.0.0.1:9999/graph",
    });
    expect(config.zalo).toMatchObject({
      apiBaseUrl: "http://127.0.0.1:9999/openapi",
      graphBaseUrl: "http://127.0.0.1:9999/graph",
      oauthBaseUrl: "https://oauth.zaloapp.com",
      businessBaseUrl: "https://business.openapi.zalo.me",
    });
  });

  it("rejects a weak session secret and a malformed encryption key", () => {
    const problems = problemsOf({
      ...PRODUCTION,
      DATA_DIR: tempDir(),
      SESSION_SECRET: "short",
      DATA_ENCRYPTION_KEY: "not-a-key",
    });
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual([
      "DATA_ENCRYPTION_KEY",
      "SESSION_SECRET",
    ]);
  });
});

describe("NODE_ENV=production fails closed", () => {
  it("refuses to start without the Zalo variables, naming each, instead of serving the sandbox", () => {
    const problems = problemsOf({ DATA_DIR: tempDir(), NODE_ENV: "production" });
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual(
      [
        "DATA_ENCRYPTION_KEY",
        "SESSION_SECRET",
        "ZALO_APP_ID",
        "ZALO_APP_SECRET",
        "ZALO_MINI_APP_ID",
        "ZALO_OA_ID",
        "ZALO_OA_REFRESH_TOKEN",
        "ZALO_OA_SECRET_KEY",
      ].sort(),
    );
    expect(problems[0]).toMatch(/NODE_ENV=production.*SANDBOX=1/);
  });

  it("runs production with every variable set", () => {
    const config = loadConfig({ ...PRODUCTION, DATA_DIR: tempDir(), NODE_ENV: "production" });
    expect(config).toMatchObject({ mode: "production", sandboxInProduction: false });
  });

  it("runs the sandbox in production only when asked with SANDBOX=1, and marks it", () => {
    const config = loadConfig({ DATA_DIR: tempDir(), NODE_ENV: "production", SANDBOX: "1" });
    expect(config).toMatchObject({ mode: "sandbox", sandboxInProduction: true });
    expect(loadConfig({ DATA_DIR: tempDir() })).toMatchObject({
      mode: "sandbox",
      sandboxInProduction: false,
    });
  });

  it("refuses SANDBOX=1 beside ZALO_APP_ID, and any other SANDBOX value", () => {
    expect(problemsOf({ ...PRODUCTION, DATA_DIR: tempDir(), SANDBOX: "1" })[0]).toMatch(/^SANDBOX:/);
    expect(problemsOf({ DATA_DIR: tempDir(), SANDBOX: "yes" })[0]).toMatch(/^SANDBOX:/);
  });
});

describe("database driver", () => {
  const driverOf = (env: NodeJS.ProcessEnv) => loadConfig({ DATA_DIR: tempDir(), ...env }).database;

  it("uses node-postgres for a postgres:// URL", () => {
    expect(driverOf({ DATABASE_URL: "postgres://dvc:pw@db.internal:5432/dvc" })).toEqual({
      driver: "pg",
      url: "postgres://dvc:pw@db.internal:5432/dvc",
      neonWsProxy: undefined,
    });
    expect(driverOf({ DATABASE_URL: "postgresql://localhost/dvc" }).driver).toBe("pg");
  });

  it("detects Neon by its host", () => {
    const url =
      "postgresql://dvc:pw@ep-cool-darkness-123456.ap-southeast-1.aws.neon.tech/dvc?sslmode=require";
    expect(driverOf({ DATABASE_URL: url }).driver).toBe("neon");
    // Only the real domain: a look-alike host stays on node-postgres.
    expect(driverOf({ DATABASE_URL: "postgres://u@neon.tech.example.com/dvc" }).driver).toBe("pg");
  });

  it("follows DB_DRIVER over the URL, and passes NEON_WS_PROXY through", () => {
    expect(
      driverOf({
        DATABASE_URL: "postgres://postgres@127.0.0.1:5432/dvc",
        DB_DRIVER: "neon",
        NEON_WS_PROXY: "127.0.0.1:4444/v1",
      }),
    ).toEqual({
      driver: "neon",
      url: "postgres://postgres@127.0.0.1:5432/dvc",
      neonWsProxy: "127.0.0.1:4444/v1",
    });
    expect(
      driverOf({ DATABASE_URL: "postgres://u@ep-x.eu-central-1.aws.neon.tech/dvc", DB_DRIVER: "pg" }).driver,
    ).toBe("pg");
  });

  it("names the variable when a value is wrong", () => {
    expect(problemsOf({ DATA_DIR: tempDir(), DATABASE_URL: "mysql://localhost/dvc" })[0]).toMatch(
      /^DATABASE_URL: /,
    );
    expect(problemsOf({ DATA_DIR: tempDir(), DB_DRIVER: "sqlite" })[0]).toMatch(/^DB_DRIVER: /);
    expect(problemsOf({ DATA_DIR: tempDir(), PORT: "abc" })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ DATA_DIR: tempDir(), PORT: "70000" })[0]).toMatch(/^PORT: /);
    expect(problemsOf({ DATA_DIR: tempDir(), PUBLIC_URL: "ftp://x" })[0]).toMatch(/^PUBLIC_URL: /);
    expect(problemsOf({ DATA_DIR: tempDir(), ZALO_APP_ID: "abc" })[0]).toMatch(/^ZALO_APP_ID: /);
  });

  it("lists several wrong variables together", () => {
    const problems = problemsOf({ DATA_DIR: tempDir(), PORT: "abc", LOG_LEVEL: "verbose" });
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual(["LOG_LEVEL", "PORT"]);
  });

  it("requires DATABASE_URL when DB_DRIVER asks for a server database", () => {
    expect(problemsOf({ DATA_DIR: tempDir(), DB_DRIVER: "pg" })[0]).toMatch(/^DATABASE_URL: /);
    expect(problemsOf({ DATA_DIR: tempDir(), DB_DRIVER: "neon" })[0]).toMatch(/^DATABASE_URL: /);
  });

  it("treats an empty PORT as unset", () => {
    expect(loadConfig({ DATA_DIR: tempDir(), PORT: "" }).port).toBe(3000);
  });
});
