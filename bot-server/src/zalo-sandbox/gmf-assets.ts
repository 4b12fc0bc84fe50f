import { createHash } from "node:crypto";
import type { Database } from "../db/client";
import { findOaGroup } from "./oa-groups-repo";

/**
 * The sandbox OA's GMF assets (zalo-oa.md §0/§5 [C: GO + SPEC]): each group the OA creates consumes one
 * asset of its quota (`gmf10|gmf50|gmf100|gmf1000` = the group's member size). Three gmf10 assets are
 * seeded, enough for a demo and a test; they are fixed in code, not stored.
 *
 * Which asset is used needs no table: the group a creation makes gets an id derived from the asset id
 * (groupIdForAsset), so "used" = that group exists, and two creations racing on one asset collide on the
 * group's primary key — one wins, the other is refused as Zalo refuses a used asset.
 */

export const GMF_PRODUCT_TYPES = ["gmf10", "gmf50", "gmf100", "gmf1000"] as const;
export type GmfProductType = (typeof GMF_PRODUCT_TYPES)[number];
export const GMF_QUOTA_TYPES = ["sub_quota", "purchase_quota", "reward_quota"] as const;
export type GmfQuotaType = (typeof GMF_QUOTA_TYPES)[number];

export interface SandboxGmfAsset {
  assetId: string;
  productType: GmfProductType;
  quotaType: GmfQuotaType;
  /** [U] when the asset (and the group made with it) expires; Zalo's groups die with their asset (-237). */
  validThrough: Date;
}

/** Fixed ids, so a demo can name them; valid through the end of 2027, Vietnam time. */
const VALID_THROUGH = new Date("2027-12-31T16:59:59.000Z");

export const SEEDED_GMF_ASSETS: readonly SandboxGmfAsset[] = [
  "a5e0f1c2d3b4a5968778",
  "b6f1a2d3e4c5b6079889",
  "c7a2b3e4f5d6c718a99a",
].map((assetId) => ({
  assetId,
  productType: "gmf10",
  quotaType: "sub_quota",
  validThrough: VALID_THROUGH,
}));

export function findGmfAsset(assetId: string): SandboxGmfAsset | undefined {
  return SEEDED_GMF_ASSETS.find((asset) => asset.assetId === assetId);
}

/** The id of the group made with `assetId`: 20 hex characters, like every Zalo group id (§0 [C]). */
export function groupIdForAsset(assetId: string): string {
  return createHash("sha256").update(`sandbox-gmf-asset:${assetId}`).digest("hex").slice(0, 20);
}

/** The asset a group was made with, if it was made with one. */
export function assetOfGroup(groupId: string): SandboxGmfAsset | undefined {
  return SEEDED_GMF_ASSETS.find((asset) => groupIdForAsset(asset.assetId) === groupId);
}

/** Each seeded asset (filtered by product and quota type when given) with the group that used it, if any. */
export async function listGmfAssets(
  db: Database,
  filter: { productType?: GmfProductType | undefined; quotaType?: GmfQuotaType | undefined },
): Promise<{ asset: SandboxGmfAsset; usedBy: string | null }[]> {
  const wanted = SEEDED_GMF_ASSETS.filter(
    (asset) =>
      (filter.productType === undefined || asset.productType === filter.productType) &&
      (filter.quotaType === undefined || asset.quotaType === filter.quotaType),
  );
  return Promise.all(
    wanted.map(async (asset) => {
      const group = await findOaGroup(db, groupIdForAsset(asset.assetId));
      return { asset, usedBy: group ? group.id : null };
    }),
  );
}
