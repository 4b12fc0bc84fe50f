/**
 * The last list of notices loaded for a commune, kept on the device (like drafts): with no connection
 * the tab still shows it, saying when it was loaded, and a notice opened from it shows at once.
 */
import { type PublicNotice, publicNoticeSchema } from "@dvc/shared/api/notices";
import { z } from "zod";
import { storage } from "../platform/zalo";

/** Versioned: a later shape gets a new key instead of misreading this one. */
export const NOTICE_CACHE_KEY = "dvc.notices.v1";

const keptSchema = z.object({
  communeCode: z.string(),
  savedAt: z.string(),
  notices: z.array(publicNoticeSchema),
});
export type KeptNotices = z.infer<typeof keptSchema>;

export function keepNotices(communeCode: string, notices: readonly PublicNotice[], now = new Date()): void {
  const kept: KeptNotices = { communeCode, savedAt: now.toISOString(), notices: [...notices] };
  try {
    storage.setItem(NOTICE_CACHE_KEY, JSON.stringify(kept));
  } catch {
    // storage full: the list still shows, it is just not kept for later
  }
}

/** The kept list of this commune, or null (none, another commune's, or unreadable). */
export function keptNotices(communeCode: string): KeptNotices | null {
  try {
    const parsed = keptSchema.safeParse(JSON.parse(storage.getItem(NOTICE_CACHE_KEY) ?? "null"));
    return parsed.success && parsed.data.communeCode === communeCode ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A notice from the kept list, whatever commune it was kept for (a chat link opens it offline too). */
export function keptNotice(id: string): { notice: PublicNotice; savedAt: string } | null {
  try {
    const parsed = keptSchema.safeParse(JSON.parse(storage.getItem(NOTICE_CACHE_KEY) ?? "null"));
    const notice = parsed.success ? parsed.data.notices.find((kept) => kept.id === id) : undefined;
    return parsed.success && notice ? { notice, savedAt: parsed.data.savedAt } : null;
  } catch {
    return null;
  }
}
