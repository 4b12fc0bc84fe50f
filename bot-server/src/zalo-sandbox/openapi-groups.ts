import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db/client";
import type { AppEnv } from "../http/env";
import { readDataParam, readJson, zaloOk, zaloRefuse } from "./envelope";
import {
  assetOfGroup,
  findGmfAsset,
  GMF_PRODUCT_TYPES,
  GMF_QUOTA_TYPES,
  groupIdForAsset,
  listGmfAssets,
} from "./gmf-assets";
import { createOaGroup, findOaGroup, listOaGroups, type SandboxOaGroup } from "./oa-groups-repo";
import { attachmentsKnown, groupMessageBodySchema } from "./oa-message-schema";
import { recordSent } from "./sent-messages-repo";
import { OA_REFUSALS } from "./zalo-errors";
import { zaloHexId, zaloTime } from "./zalo-likeness";

/**
 * The OA's GMF groups (zalo-oa.md §0/§5, endpoints [C], shapes below [U] unless marked):
 *   POST /v3.0/oa/group/message             `{"recipient":{"group_id"},"message":{…}}`, 24/7, no window;
 *                                           text, or an image (`attachment` template/media with the
 *                                           `attachment_id` of /v2.0/oa/upload/image) + `text` caption
 *   GET  /v3.0/oa/group/getgroupsofoa       `?offset=&count=` (or one `data={…}` param) [C: 3 code bases]
 *                                           → `{offset, count, total, groups:[GROUP]}`
 *   GET  /v3.0/oa/group/getgroup            `?group_id=` (or `data={"group_id"}`) → GROUP
 *   POST /v3.0/oa/group/creategroupwithoa   `{group_name, group_description?, asset_id, member_user_ids?}`
 *                                           → `{group_id, group_link, status}`; consumes `asset_id`
 *   POST /v3.0/oa/quota/group               `{quota_owner:"OA", product_type?, quota_type?}` → QUOTA
 *
 * GROUP = `{group_id, name, description, status:"enabled", group_link, asset_id}` (asset_id "" for a
 * group the sandbox seeded without one). Ids are strings (hex, 20 characters).
 *
 * QUOTA — THE ONE PLACE THIS SHAPE IS DEFINED [U: no published sample; GO + SPEC name the request
 * fields and say it yields `asset_id`s]. `data` is an array, one element per asset:
 *   {"error":0,"message":"Success","data":[
 *     {"asset_id":"a5e0f1c2d3b4a5968778","product_type":"gmf10","quota_type":"sub_quota",
 *      "quota_owner":"OA","status":"available","used_id":"","valid_through":"1830272399000"} ]}
 *   status "available" | "used"; used_id = the group_id that consumed it ("" while available);
 *   valid_through = epoch milliseconds as a string, like Zalo's timestamps.
 * A creation naming an unknown asset answers -201, a used one -211 (zalo-errors.ts, both [U]).
 */

/** [U: SPEC] default page size 5; [U] at most 50, like the follower list. */
const DEFAULT_COUNT = 5;
const MAX_COUNT = 50;

const pageSchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  count: z.coerce.number().int().min(1).max(MAX_COUNT).default(DEFAULT_COUNT),
});

const quotaSchema = z.object({
  quota_owner: z.literal("OA"),
  product_type: z.enum(GMF_PRODUCT_TYPES).optional(),
  quota_type: z.enum(GMF_QUOTA_TYPES).optional(),
});

const groupIdSchema = z.object({ group_id: z.string().regex(/^[0-9a-zA-Z]{1,64}$/) });

const createSchema = z.object({
  group_name: z.string().trim().min(1).max(100),
  group_description: z.string().max(500).optional(),
  asset_id: z.string().min(1),
  /** [C §5] at most 99 members to invite. */
  member_user_ids: z
    .array(z.string().regex(/^\d{1,32}$/))
    .max(99)
    .optional(),
});

/** [U] the group link is not kept; this stands in for Zalo's invitation link. */
const groupLink = (groupId: string) => `https://zalo.me/g/sandbox${groupId}`;

/** GROUP (see the top); asset_id "" for a seeded group. */
function describeGroup(group: SandboxOaGroup) {
  return {
    group_id: group.id,
    name: group.name,
    description: group.description ?? "",
    status: "enabled",
    group_link: groupLink(group.id),
    asset_id: assetOfGroup(group.id)?.assetId ?? "",
  };
}

/** GET parameters come as one `data=` JSON param or as plain query parameters (code bases use both). */
function queryOf(c: Context<AppEnv>): unknown {
  const data = readDataParam(c);
  return typeof data === "object" && data !== null ? data : c.req.query();
}

export function oaGroupRoutes(db: Database) {
  return new Hono<AppEnv>()
    .post("/v3.0/oa/group/message", async (c) => {
      const raw = await readJson(c);
      const body = groupMessageBodySchema.safeParse(raw);
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const group = await findOaGroup(db, body.data.recipient.group_id);
      if (!group) return zaloRefuse(c, OA_REFUSALS.unknownGroup);
      if (!(await attachmentsKnown(db, body.data.message))) return zaloRefuse(c, OA_REFUSALS.badParams);
      const now = new Date();
      const messageId = zaloHexId();
      await recordSent(db, { channel: "oa_group", recipient: group.id, messageId, payload: raw, at: now });
      // [U: SPEC] `{"data":{"message_id","group_id"}}`.
      return zaloOk(c, { message_id: messageId, group_id: group.id, sent_time: zaloTime(now) });
    })
    .get("/v3.0/oa/group/getgroupsofoa", async (c) => {
      const page = pageSchema.safeParse(queryOf(c));
      if (!page.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const { groups, total } = await listOaGroups(db, page.data);
      return zaloOk(c, {
        offset: page.data.offset,
        count: groups.length,
        total,
        groups: groups.map(describeGroup),
      });
    })
    .get("/v3.0/oa/group/getgroup", async (c) => {
      const query = groupIdSchema.safeParse(queryOf(c));
      if (!query.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const group = await findOaGroup(db, query.data.group_id);
      return group ? zaloOk(c, describeGroup(group)) : zaloRefuse(c, OA_REFUSALS.unknownGroup);
    })
    .post("/v3.0/oa/group/creategroupwithoa", async (c) => {
      const body = createSchema.safeParse(await readJson(c));
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const asset = findGmfAsset(body.data.asset_id);
      if (!asset) return zaloRefuse(c, OA_REFUSALS.unknownAsset);
      const group = await createOaGroup(db, {
        id: groupIdForAsset(asset.assetId),
        name: body.data.group_name,
        description: body.data.group_description,
      });
      if (!group) return zaloRefuse(c, OA_REFUSALS.usedAsset);
      return zaloOk(c, { group_id: group.id, group_link: groupLink(group.id), status: "enabled" });
    })
    .post("/v3.0/oa/quota/group", async (c) => {
      const body = quotaSchema.safeParse(await readJson(c));
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const assets = await listGmfAssets(db, {
        productType: body.data.product_type,
        quotaType: body.data.quota_type,
      });
      return zaloOk(
        c,
        assets.map(({ asset, usedBy }) => ({
          asset_id: asset.assetId,
          product_type: asset.productType,
          quota_type: asset.quotaType,
          quota_owner: "OA",
          status: usedBy ? "used" : "available",
          used_id: usedBy ?? "",
          valid_through: zaloTime(asset.validThrough),
        })),
      );
    });
}
