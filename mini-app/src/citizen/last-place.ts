/**
 * Where the citizen was in a form. Outside Zalo the router keeps its history in memory, so a reload
 * would open Home; the app reopens this place instead when it was left moments ago (a reload, a crash,
 * the phone killing the app), and Home offers "Tiếp tục" after that.
 */
import { storage } from "../platform/zalo";

export const LAST_PLACE_KEY = "dvc.lastPlace.v1";
/** Long enough for a reload or an app switch; after that, opening on Home is less surprising. */
export const RESUME_WITHIN_MS = 30 * 60 * 1000;

export function rememberPlace(path: string): void {
  storage.setItem(LAST_PLACE_KEY, JSON.stringify({ path, at: Date.now() }));
}

export function forgetPlace(): void {
  storage.removeItem(LAST_PLACE_KEY);
}

export function recentPlace(now: number = Date.now()): string | null {
  try {
    const value: unknown = JSON.parse(storage.getItem(LAST_PLACE_KEY) ?? "null");
    if (typeof value !== "object" || value === null) return null;
    const { path, at } = value as { path?: unknown; at?: unknown };
    if (typeof path !== "string" || !path.startsWith("/nop/") || typeof at !== "number") return null;
    return now - at <= RESUME_WITHIN_MS ? path : null;
  } catch {
    return null;
  }
}
