import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { z } from "zod";
import type { Database } from "../db/client";
import { sandboxZaloUsers } from "../db/schema";
import type { AppEnv } from "../http/env";
import { readDataParam, readJson, zaloOk, zaloRefuse } from "./envelope";
import {
  deleteOaTag,
  findOaUser,
  listOaTags,
  pageOaUserIds,
  type SandboxOaUser,
  tagOaUser,
  untagOaUser,
} from "./oa-users-repo";
import { OA_REFUSALS } from "./zalo-errors";
import { letterAvatar, vietnamDate } from "./zalo-likeness";

/**
 * What the OA may read and mark about its followers (zalo-oa.md §2/§6):
 *   GET  /v3.0/oa/user/detail?data={"user_id"}   profile, follow state, last interaction, tags
 *   POST /v3.0/oa/quota/message {"user_id"}      `last_interaction` (epoch ms) [C: 2 code bases]
 *   POST /v2.0/oa/tag/tagfollower {"user_id","tag_name"}, /rmfollowerfromtag, /rmtag {"tag_name"}
 *   GET  /v2.0/oa/tag/gettagsofoa                `data` = array of tag names [U shape]
 *   GET  /v3.0/oa/user/getlist?data={"offset","count","tag_name"?,"is_follower"?}
 *                                                `data.{total,count,offset,users[{user_id}]}` [C §6];
 *                                                count ≤ 50, offset ≤ 9951 [U §6] else -201. The
 *                                                `last_interaction_period` filter is accepted, not applied.
 * A user id the OA does not know answers -213 (see zalo-errors.ts). `user_id` is a decimal STRING: the
 * docs type it as a long here [U], but a JSON number cannot hold a 19-digit id, so a number is -201.
 */

const userIdSchema = z.string().regex(/^\d{1,32}$/);
const userOnly = z.object({ user_id: userIdSchema });
/** [U] Zalo's tag-name limit is not documented; 50 characters is the sandbox's. */
const tagName = z.string().trim().min(1).max(50);
const tagBody = z.object({ user_id: userIdSchema, tag_name: tagName });

/** [U §6] Zalo stops paging its follower list at offset 9,951 (the product reads its own table). */
const MAX_LIST_OFFSET = 9_951;
const MAX_LIST_COUNT = 50;
const listQuery = z.object({
  offset: z.coerce.number().int().min(0).max(MAX_LIST_OFFSET).default(0),
  count: z.coerce.number().int().min(1).max(MAX_LIST_COUNT).default(MAX_LIST_COUNT),
  tag_name: tagName.optional(),
  /** Code bases send "true" (a string) or true. */
  is_follower: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")])
    .optional(),
  last_interaction_period: z.string().optional(),
});

export function oaFollowerRoutes(db: Database) {
  /** The linked Mini App user's picture (Zalo shows one picture per person), else a drawn letter. */
  async function avatarOf(user: SandboxOaUser): Promise<string> {
    if (user.userIdByApp !== null) {
      const [linked] = await db
        .select({ avatarUrl: sandboxZaloUsers.avatarUrl })
        .from(sandboxZaloUsers)
        .where(eq(sandboxZaloUsers.id, user.userIdByApp));
      if (linked?.avatarUrl) return linked.avatarUrl;
    }
    return letterAvatar(user.displayName);
  }

  return new Hono<AppEnv>()
    .get("/v3.0/oa/user/detail", async (c) => {
      const query = userOnly.safeParse(readDataParam(c));
      if (!query.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const user = await findOaUser(db, query.data.user_id);
      if (!user) return zaloRefuse(c, OA_REFUSALS.unknownUser);
      const avatar = await avatarOf(user);
      // [C §6] user_id, display_name, avatar(s); [U §6] the rest.
      return zaloOk(c, {
        user_id: user.id,
        user_id_by_app: user.userIdByApp ?? "",
        display_name: user.displayName,
        avatar,
        avatars: { "120": avatar, "240": avatar },
        user_is_follower: user.following,
        user_last_interaction_date: user.lastInteractionAt ? vietnamDate(user.lastInteractionAt) : "",
        tags_and_notes_info: { tag_names: user.tags, notes: [] },
      });
    })
    .get("/v3.0/oa/user/getlist", async (c) => {
      // No `data` at all: the first page of everyone; a broken one: -201.
      const query = listQuery.safeParse(c.req.query("data") === undefined ? {} : readDataParam(c));
      if (!query.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const { offset, count, tag_name, is_follower } = query.data;
      const page = await pageOaUserIds(db, { offset, count, tag: tag_name, following: is_follower });
      return zaloOk(c, {
        total: page.total,
        count: page.ids.length,
        offset,
        users: page.ids.map((id) => ({ user_id: id })),
      });
    })
    .post("/v3.0/oa/quota/message", async (c) => {
      // [U] the OA-level form (`quota_owner`, `product_type`, …) is not simulated: it answers -201.
      const body = userOnly.safeParse(await readJson(c));
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const user = await findOaUser(db, body.data.user_id);
      if (!user) return zaloRefuse(c, OA_REFUSALS.unknownUser);
      return zaloOk(c, {
        user_id: user.id,
        ...(user.lastInteractionAt ? { last_interaction: user.lastInteractionAt.getTime() } : {}),
      });
    })
    .post("/v2.0/oa/tag/tagfollower", async (c) => {
      const body = tagBody.safeParse(await readJson(c));
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const tagged = await tagOaUser(db, { oaUserId: body.data.user_id, tag: body.data.tag_name });
      return tagged ? zaloOk(c) : zaloRefuse(c, OA_REFUSALS.unknownUser);
    })
    .post("/v2.0/oa/tag/rmfollowerfromtag", async (c) => {
      const body = tagBody.safeParse(await readJson(c));
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      const untagged = await untagOaUser(db, { oaUserId: body.data.user_id, tag: body.data.tag_name });
      return untagged ? zaloOk(c) : zaloRefuse(c, OA_REFUSALS.unknownUser);
    })
    .post("/v2.0/oa/tag/rmtag", async (c) => {
      const body = z.object({ tag_name: tagName }).safeParse(await readJson(c));
      if (!body.success) return zaloRefuse(c, OA_REFUSALS.badParams);
      await deleteOaTag(db, body.data.tag_name);
      return zaloOk(c);
    })
    .get("/v2.0/oa/tag/gettagsofoa", async (c) => zaloOk(c, await listOaTags(db)));
}
