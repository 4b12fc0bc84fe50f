import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db/client";
import type { AppEnv } from "../http/env";
import { readDataParam, readJson, zaloOk, zaloRefuse } from "./envelope";
import { createOaGroup, findOaGroup, listOaGroups, type SandboxOaGroup } from "./oa-groups-repo";
import { attachmentsKnown, groupMessageBodySchema } from "./oa-message-schema";
import { recordSent } from "./sent-messages-repo";
import { OA_REFUSALS } from "./zalo-errors";
import { zaloHexId, zaloTime } from "./zalo-likeness";

/**
 * The OA's GMF groups (zalo-oa.md §5):
 *   POST /v3.0/oa/group/message             `{"recipient":{"group_id"},"message":{…}}`, 24/7, no window [U]
 *   GET  /v3.0/oa/group/getgroupsofoa       `?offset=&count=` (or one `data={…}` param) [C: 3 code bases]
 *   POST /v3.0/oa/group/creategroupwithoa   `{group_name, group_description?, asset_id, member_user_ids?}`
 * The sandbox keeps no GMF assets or members: any non-empty asset_id is accepted [U].
 */

/** [U: SPEC] default page size 5; [U] at most 50, like the follower list. */
const DEFAULT_COUNT = 5;
const MAX_COUNT = 50;

const pageSchema = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  count: z.coerce.number().int().min(1).max(MAX_COUNT).default(DEFAULT_COUNT),
});

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

/** [U: a test fake and a client of the real API] `{group_id, name, status, …}`. */
function describeGroup(group: SandboxOaGroup) {
  return {
    group_id: group.id,
    name: group.name,
    description: group.description ?? "",
    status: "enabled",
    group_link: groupLink(group.id),
  };
}

function pageOf(c: Context<AppEnv>) {
  const data = readDataParam(c);
  const source = typeof data === "object" && data !== null ? data : c.req.query();
  return pageSchema.safeParse(source);
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
      const page = pageOf(c);
      if (!page.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const { groups, total } = await listOaGroups(db, page.data);
      return zaloOk(c, {
        offset: page.data.offset,
        count: groups.length,
        total,
        groups: groups.map(describeGroup),
      });
    })
    .post("/v3.0/oa/group/creategroupwithoa", async (c) => {
      const body = createSchema.safeParse(await readJson(c));
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const group = await createOaGroup(db, {
        name: body.data.group_name,
        description: body.data.group_description,
      });
      return zaloOk(c, { group_id: group.id, group_link: groupLink(group.id) });
    });
}
