import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, SANDBOX_TEMPLATE_IDS } from "./config";
import { findTemplate } from "./zalo-sandbox/templates";

/** ZALO_TEMPLATE_* and ZALO_RATE_PER_MINUTE: what the delivery engine's template rungs and budget read. */

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "dvc-config-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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

describe("message templates and the send budget", () => {
  it("sandbox mode uses the sandbox's approved templates, which exist there", () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config.zalo.templates).toEqual(SANDBOX_TEMPLATE_IDS);
    for (const id of Object.values(SANDBOX_TEMPLATE_IDS)) expect(findTemplate(id)).toBeDefined();
    expect(config.zalo.ratePerMinute).toBe(4000);
  });

  it("production takes each template from its variable; an unset one is absent", () => {
    const config = loadConfig({
      ...PRODUCTION,
      DATA_DIR: dataDir(),
      ZALO_TEMPLATE_DOSSIER_STATUS: "7895417",
      ZALO_TEMPLATE_SUPPLEMENT_REQUEST: " ",
      ZALO_RATE_PER_MINUTE: "1200",
    });
    expect(config.zalo.templates).toEqual({ dossier_status: "7895417" });
    expect(config.zalo.ratePerMinute).toBe(1200);
  });

  it("names a malformed template id or rate in Vietnamese", () => {
    let problems: string[] = [];
    try {
      loadConfig({
        ...PRODUCTION,
        DATA_DIR: dataDir(),
        ZALO_TEMPLATE_FOLLOWER_NOTICE: "a b",
        ZALO_RATE_PER_MINUTE: "0",
      });
    } catch (error) {
      if (error instanceof ConfigError) problems = error.problems;
    }
    expect(problems.map((line) => line.split(":")[0]).sort()).toEqual([
      "ZALO_RATE_PER_MINUTE",
      "ZALO_TEMPLATE_FOLLOWER_NOTICE",
    ]);
    expect(problems.join("\n")).toMatch(/mẫu tin/);
  });
});
