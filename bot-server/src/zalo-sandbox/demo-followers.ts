import type { Database } from "../db/client";
import type { ChatEventKind } from "./event-payloads";
import { findOaUser, type SandboxOaUser, upsertOaUser } from "./oa-users-repo";

/**
 * Sandbox mode only: demo residents who follow the OA and chose Phường Ba Đình for notices, so a demo
 * notice (issue 13) reaches someone. They come in the way every resident does: the sandbox sends Zalo's
 * signed `follow` event, then their message "Nhận thông báo phường Ba Đình", to the product's own
 * webhook; the event worker makes them residents and the chatbot records their choice through the
 * broadcast module (notice_subscriptions, source "bot") — nothing is written into the product directly.
 * Asked for from the /sandbox page (not at start-up: the page and its tests start with no residents).
 */

/** What one resident action needs: Zalo's record, the signed event to the webhook, its history. */
export type ResidentAct = (
  resident: SandboxOaUser,
  kind: ChatEventKind,
  text?: string,
) => Promise<{ accepted: boolean }>;

export const DEMO_SUBSCRIBE_TEXT = "Nhận thông báo phường Ba Đình";

/** Fixed ids (19 digits like Zalo's), so pressing the button twice adds no one twice. */
export const DEMO_FOLLOWERS = [
  { id: "8800000000000000001", userIdByApp: "8810000000000000001", displayName: "Phạm Thị Hoa (mẫu)" },
  { id: "8800000000000000002", userIdByApp: "8810000000000000002", displayName: "Lê Văn Nam (mẫu)" },
  { id: "8800000000000000003", userIdByApp: "8810000000000000003", displayName: "Đỗ Minh Anh (mẫu)" },
] as const;

/**
 * Adds each demo follower not yet following: follow, then the notice request. Returns them all, as
 * they are now; false in `accepted` when the product's webhook refused an event (nothing to redo here:
 * pressing again retries those not following).
 */
export async function seedDemoFollowers(
  db: Database,
  act: ResidentAct,
): Promise<{ residents: SandboxOaUser[]; accepted: boolean }> {
  let accepted = true;
  for (const demo of DEMO_FOLLOWERS) {
    const before = await findOaUser(db, demo.id);
    if (before?.following) continue;
    const resident = await upsertOaUser(db, { ...demo });
    const followed = await act(resident, "follow");
    const asked = followed.accepted ? await act(resident, "text", DEMO_SUBSCRIBE_TEXT) : followed;
    accepted &&= asked.accepted;
  }
  const residents = await Promise.all(DEMO_FOLLOWERS.map((demo) => findOaUser(db, demo.id)));
  return { residents: residents.filter((user) => user !== undefined), accepted };
}
