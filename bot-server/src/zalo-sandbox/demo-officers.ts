import type { OfficerRole } from "@dvc/shared";
import type { Database } from "../db/client";
import type { Logger } from "../lib/logger";
import { createOfficer } from "../modules/officer-auth";

/**
 * Sandbox mode only: demo accounts for the officer area, so the officer API can be tried at once after `npm start`.
 * The password is public (README); these accounts never exist in production, where accounts come from
 * `npm run admin -- create-officer`.
 */
export const DEMO_OFFICER_PASSWORD = "demo-can-bo-2026";

/** Phường Hoàn Kiếm, Phường Ba Đình, Phường Bạch Mai (Hà Nội, codes of July 2025). */
const DEMO_COMMUNES = ["00070", "00004", "00292"] as const;

const DEMO_ACCOUNTS: readonly { username: string; role: OfficerRole; communeCode: string | null }[] = [
  ...DEMO_COMMUNES.flatMap((code) => [
    { username: `canbo.${code}`, role: "officer" as const, communeCode: code },
    { username: `lanhdao.${code}`, role: "leader" as const, communeCode: code },
  ]),
  { username: "admin.hanoi", role: "admin", communeCode: null },
];

/** Creates the demo accounts that do not exist yet and says how to sign in. */
export async function seedDemoOfficers(db: Database, logger: Logger, publicUrl: string): Promise<void> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    const result = await createOfficer(db, { ...account, password: DEMO_OFFICER_PASSWORD });
    if ("created" in result) created += 1;
  }
  logger.info("sandbox demo officers", {
    created,
    signIn: `POST ${publicUrl.replace(/\/$/, "")}/api/officer/session`,
    usernames: DEMO_ACCOUNTS.map((account) => account.username).join(", "),
    password: DEMO_OFFICER_PASSWORD,
  });
}
