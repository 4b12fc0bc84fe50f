import { type CitizenProfile, normalisePhone, type ProfileUpdate } from "@dvc/shared";
import type { Database } from "../../db/client";
import type { Sealer } from "../../lib/crypto";
import { AppError } from "../../lib/errors";
import type { GraphClient } from "../../zalo/graph-client";
import { findCitizen } from "../citizen-auth/repo";
import { hasLiveConsent, withdrawConsents } from "./consent-repo";
import { readProfile, writeProfile } from "./profile-repo";
import { mergeProfile, storesIdentifier, vietnamToday } from "./profile-rules";

/** Purpose the profile's CCCD and phone number are held for (shared CONSENT_PURPOSES). */
export const PROFILE_PURPOSE = "prefill_profile";

export const PROFILE_MESSAGES = {
  consentNeeded:
    "Để lưu số CCCD hoặc số điện thoại vào hồ sơ, bạn cần đọc và đồng ý với thông báo xử lý dữ liệu cá nhân trước. Vui lòng mở mục “Dữ liệu của tôi” và bấm “Đồng ý”.",
  notYourZalo:
    "Mã Zalo gửi lên không thuộc tài khoản đang đăng nhập. Vui lòng đóng ứng dụng, mở lại rồi thử lại.",
  foreignPhone:
    "Số điện thoại của tài khoản Zalo này không phải số di động Việt Nam. Vui lòng tự nhập số di động của bạn vào hồ sơ.",
} as const;

interface ProfileDeps {
  db: Database;
  sealer: Sealer;
}

/**
 * PUT /api/profile. PDP-1 (Nghị định 13/2023 Art. 11): a CCCD or phone number is stored only under a live
 * consent for "prefill_profile", else 409. Read, merge and write run in one transaction holding the
 * row lock, so two saves from two screens cannot undo each other. The consent is checked in that same
 * transaction with its row locked (consent-repo.ts), so a withdrawal racing the save either waits and
 * erases what it stored, or wins and the save is refused.
 */
export async function updateProfile(
  { db, sealer }: ProfileDeps,
  citizenId: string,
  update: ProfileUpdate,
  now = new Date(),
): Promise<CitizenProfile> {
  return db.transaction(async (tx) => {
    if (storesIdentifier(update) && !(await hasLiveConsent(tx, citizenId, PROFILE_PURPOSE, { lock: true }))) {
      throw new AppError("CONFLICT", PROFILE_MESSAGES.consentNeeded);
    }
    const current = await readProfile(tx, sealer, citizenId, { forUpdate: true });
    const merged = mergeProfile(current, update, { today: vietnamToday(now) });
    if (!merged.ok) throw new AppError("VALIDATION_FAILED", undefined, { fields: merged.fields });
    await writeProfile(tx, sealer, citizenId, merged.profile, now);
    return merged.profile;
  });
}

/**
 * POST /api/profile/phone: the number behind a getPhoneNumber token, fetched from Zalo server-side
 * (the app never sees the secret). Consent is checked before Zalo is asked, so a number we may not keep
 * is never fetched; the access token must belong to the signed-in citizen's Zalo account.
 */
export async function storePhoneFromZalo(
  deps: ProfileDeps & { graph: GraphClient },
  citizenId: string,
  tokens: { accessToken: string; phoneToken: string },
): Promise<CitizenProfile> {
  const { db, graph } = deps;
  if (!(await hasLiveConsent(db, citizenId, PROFILE_PURPOSE))) {
    throw new AppError("CONFLICT", PROFILE_MESSAGES.consentNeeded);
  }
  const [zaloUser, citizen] = await Promise.all([
    graph.getMe(tokens.accessToken),
    findCitizen(db, citizenId),
  ]);
  if (!citizen) throw new AppError("UNAUTHENTICATED");
  if (zaloUser.id !== citizen.zaloUserId) throw new AppError("FORBIDDEN", PROFILE_MESSAGES.notYourZalo);
  const number = await graph.getPhoneNumber(tokens.accessToken, tokens.phoneToken);
  const phone = normalisePhone(number);
  if (!phone.ok) throw new AppError("BAD_REQUEST", PROFILE_MESSAGES.foreignPhone);
  return updateProfile(deps, citizenId, { phone: phone.value });
}

/**
 * DELETE /api/consents. Withdrawal stops processing (Nghị định 13/2023 Art. 12): with no live consent
 * left we may not hold the CCCD or phone number any more, so they are erased from the profile at once
 * (the 72-hour limit is met by doing it in the same request). Other profile fields stay until the
 * citizen deletes them (DELETE /api/profile).
 */
export async function withdrawAndErase({ db, sealer }: ProfileDeps, citizenId: string, now = new Date()) {
  await db.transaction(async (tx) => {
    await withdrawConsents(tx, citizenId, now);
    const profile = await readProfile(tx, sealer, citizenId, { forUpdate: true });
    if (profile.cccd !== null || profile.phone !== null) {
      await writeProfile(tx, sealer, citizenId, { ...profile, cccd: null, phone: null }, now);
    }
  });
}
