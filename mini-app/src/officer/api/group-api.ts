/** The OA's Zalo groups (GMF) as the officer area manages them: /api/officer/groups. */
import { type OaGroupView, oaGroupCreateInputSchema, oaGroupListSchema } from "@dvc/shared/api/notices";
import type { z } from "zod";
import { officerRequest, officerRequestRaw } from "./officer-http";

const BASE = "/api/officer/groups";

export type GroupCreateInput = z.input<typeof oaGroupCreateInputSchema>;
export { oaGroupCreateInputSchema };

export interface GroupList {
  groups: OaGroupView[];
  /** Null: Zalo's quota was not read (never assumed). */
  groupQuota: number | null;
}

export function listGroups(signal?: AbortSignal): Promise<GroupList> {
  return officerRequest(BASE, oaGroupListSchema, { signal });
}

/** Creating a group takes one of the OA's GMF assets; the list is read again afterwards. */
export async function createGroup(input: GroupCreateInput): Promise<void> {
  await officerRequestRaw(BASE, { method: "POST", json: input, timeoutMs: 60_000 });
}

export async function assignGroupCommune(groupId: string, communeCode: string | null): Promise<void> {
  await officerRequestRaw(`${BASE}/${encodeURIComponent(groupId)}/commune`, {
    method: "PUT",
    json: { communeCode },
  });
}

/** Admin: reads the OA's groups from Zalo again (getgroupsofoa, zalo-oa.md §0). */
export async function syncGroups(): Promise<void> {
  await officerRequestRaw(`${BASE}/sync`, { method: "POST", timeoutMs: 60_000 });
}
