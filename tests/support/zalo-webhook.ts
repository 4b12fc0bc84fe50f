import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { zaloMac } from "../../bot-server/src/modules/webhook/signature";

/**
 * Signs a raw body the way Zalo does (zalo-oa.md §1 "Signature" [C]): `mac=` + hex(sha256(app_id +
 * rawBody + timestamp + OA secret)), app_id and timestamp read from the body itself. Pass `appId` /
 * `timestamp` to sign with other values than the body's (e.g. to forge a mismatch).
 */
export function signZaloEvent(
  rawBody: string,
  { appId, secret, timestamp }: { appId?: string; secret: string; timestamp?: string },
): string {
  const body = JSON.parse(rawBody) as { app_id?: unknown; timestamp?: unknown };
  const bodyAppId = typeof body.app_id === "string" ? body.app_id : "";
  const bodyTimestamp = typeof body.timestamp === "string" ? body.timestamp : "";
  return `mac=${zaloMac({ appId: appId ?? bodyAppId, rawBody, timestamp: timestamp ?? bodyTimestamp, secret })}`;
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "zalo");

/** A contract fixture's raw text, exactly as stored (it is what gets signed and sent). */
export function zaloFixture(name: string): string {
  return readFileSync(join(FIXTURES, `${name}.json`), "utf8");
}
