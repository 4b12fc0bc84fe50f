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

const DAY_MS = 86_400_000;
/** Start of yesterday (UTC), fixed for the test file: fixtures land inside the replay window. */
const FIXTURE_DAY = Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS;

/**
 * Where a fixture's `timestamp` lands: yesterday, at the same time of day. The server refuses events older
 * than its replay window (modules/webhook/replay-window.ts), and the fixtures were captured years ago;
 * the time of day keeps their order (follow before unfollow).
 */
export function fixtureTimestamp(captured: string): string {
  return String(FIXTURE_DAY + (Number(captured) % DAY_MS));
}

/**
 * A contract fixture's raw text as stored, byte for byte, but for its `timestamp` moved by
 * fixtureTimestamp (it is what gets signed and sent).
 */
export function zaloFixture(name: string): string {
  const captured = readFileSync(join(FIXTURES, `${name}.json`), "utf8");
  return captured.replace(
    /("timestamp":\s*")(\d+)(")/,
    (_match, open: string, time: string, close: string) => `${open}${fixtureTimestamp(time)}${close}`,
  );
}
