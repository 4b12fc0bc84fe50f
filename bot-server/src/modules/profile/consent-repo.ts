import { CONSENT_NOTICE_VERSION, type ConsentPurpose } from "@dvc/shared";
import { and, arrayContains, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "../../db/client";
import { consents } from "../../db/schema";

/**
 * Whether the citizen has a live (not withdrawn) consent to the current notice covering `purpose`.
 * Nothing holding a CCCD or phone number is stored without one (PDP-1): callers answer 409 otherwise.
 */
export async function hasLiveConsent(
  db: Database,
  citizenId: string,
  purpose: ConsentPurpose,
): Promise<boolean> {
  const [row] = await db
    .select({ id: consents.id })
    .from(consents)
    .where(
      and(
        eq(consents.citizenId, citizenId),
        eq(consents.noticeVersion, CONSENT_NOTICE_VERSION),
        isNull(consents.withdrawnAt),
        arrayContains(consents.purposes, [purpose]),
      ),
    )
    .orderBy(desc(consents.grantedAt))
    .limit(1);
  return row !== undefined;
}
