import { randomBytes, randomInt } from "node:crypto";

/**
 * What makes the sandbox's answers look like Zalo's: ids, times and pictures. Kept apart so every
 * sandbox endpoint mints them the same way.
 */

/**
 * 19 digits like a real Zalo user id (OA-scoped or per-app): larger than 2^53, so any code reading it as a
 * JSON number breaks here rather than in production (zalo-oa.md §1 [C]). Same rule as zalo-users-repo.ts.
 */
export function zaloLikeId(): string {
  let id = String(randomInt(1, 10));
  while (id.length < 19) id += String(randomInt(0, 10));
  return id;
}

/** 20 hex characters, the shape of Zalo's message, ZNS and group ids ("63ecf43f0df7dba892e6", §2/§5). */
export function zaloHexId(): string {
  return randomBytes(10).toString("hex");
}

/** Epoch ms as a string, as Zalo writes `sent_time` and timestamps (§1/§2 [C]). */
export function zaloTime(at: Date): string {
  return String(at.getTime());
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** "dd/MM/yyyy" in Vietnam's time, as `user_last_interaction_date` is written [U §6]. */
export function vietnamDate(at: Date): string {
  const local = new Date(at.getTime() + VIETNAM_OFFSET_MS);
  const two = (value: number) => String(value).padStart(2, "0");
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** Midnight in Vietnam that starts the day `at` falls in: daily quotas reset then. */
export function vietnamDayStart(at: Date): Date {
  const local = at.getTime() + VIETNAM_OFFSET_MS;
  return new Date(Math.floor(local / DAY_MS) * DAY_MS - VIETNAM_OFFSET_MS);
}

/** Zalo always gives a picture; the sandbox draws the first letter of the name (no outside request). */
export function letterAvatar(name: string): string {
  const letter = [...name.trim()][0]?.toUpperCase() ?? "?";
  const safe = letter.replace(/[<>&"']/g, "?");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="120"><rect width="120" height="120" fill="#0068ff"/><text x="60" y="80" font-size="56" text-anchor="middle" fill="#fff" font-family="sans-serif">${safe}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
