import { and, asc, count, eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { sandboxOaUsers } from "../db/schema";
import { zaloLikeId } from "./zalo-likeness";

/**
 * The sandbox OA's followers: what Zalo knows about a person who follows or writes to the OA. The
 * /sandbox chat page creates them and records their interactions; the OA endpoints read them (the 7-day
 * window, user detail, tags). Plain functions over the database, no state of their own.
 */

export interface SandboxOaUser {
  /** The OA-scoped user id (webhook `sender.id` / `follower.id`): a 19-digit string. */
  id: string;
  /** The per-app id (a sandbox Mini App user's id), when this person also uses the Mini App. */
  userIdByApp: string | null;
  displayName: string;
  following: boolean;
  /** Drives the 7-day window for consultation messages (zalo-oa.md §2 [C]). */
  lastInteractionAt: Date | null;
  tags: string[];
  createdAt: Date;
}

export interface UpsertOaUserInput {
  /** Omitted: a new Zalo-like id is made. */
  id?: string;
  displayName: string;
  /** Omitted: left as it is (null for a new user). */
  userIdByApp?: string | null;
  /** Omitted: left as it is (false for a new user). */
  following?: boolean;
  /** Omitted: left as it is; given: the later of the stored and the given time is kept. */
  lastInteractionAt?: Date;
}

/** Creates the follower or updates the fields given; returns the stored row. */
export async function upsertOaUser(db: Database, input: UpsertOaUserInput): Promise<SandboxOaUser> {
  const changes = {
    displayName: input.displayName,
    ...(input.userIdByApp === undefined ? {} : { userIdByApp: input.userIdByApp }),
    ...(input.following === undefined ? {} : { following: input.following }),
    ...(input.lastInteractionAt === undefined
      ? {}
      : {
          lastInteractionAt: sql`greatest(${sandboxOaUsers.lastInteractionAt}, ${timestamp(input.lastInteractionAt)})`,
        }),
  };
  const [row] = await db
    .insert(sandboxOaUsers)
    .values({
      id: input.id ?? zaloLikeId(),
      displayName: input.displayName,
      userIdByApp: input.userIdByApp ?? null,
      following: input.following ?? false,
      lastInteractionAt: input.lastInteractionAt ?? null,
    })
    .onConflictDoUpdate({ target: sandboxOaUsers.id, set: changes })
    .returning();
  if (!row) throw new Error("sandbox OA user upsert returned no row");
  return row;
}

/**
 * The person wrote to the OA, tapped a menu or a button: the 7-day window restarts at `at`. Never moves
 * backwards (a late event does not shorten the window). undefined: no such follower.
 */
export async function recordInteraction(
  db: Database,
  input: { oaUserId: string; at: Date },
): Promise<SandboxOaUser | undefined> {
  const [row] = await db
    .update(sandboxOaUsers)
    .set({ lastInteractionAt: sql`greatest(${sandboxOaUsers.lastInteractionAt}, ${timestamp(input.at)})` })
    .where(eq(sandboxOaUsers.id, input.oaUserId))
    .returning();
  return row;
}

/**
 * Follow or unfollow. [U: SPEC, zalo-oa.md §2] following counts as an interaction, so a follow at `at`
 * (default now) also restarts the window; an unfollow does not touch it. undefined: no such follower.
 */
export async function setFollowing(
  db: Database,
  input: { oaUserId: string; following: boolean; at?: Date },
): Promise<SandboxOaUser | undefined> {
  const at = input.at ?? new Date();
  const [row] = await db
    .update(sandboxOaUsers)
    .set({
      following: input.following,
      ...(input.following
        ? { lastInteractionAt: sql`greatest(${sandboxOaUsers.lastInteractionAt}, ${timestamp(at)})` }
        : {}),
    })
    .where(eq(sandboxOaUsers.id, input.oaUserId))
    .returning();
  return row;
}

/** Every follower, oldest first. */
export function listOaUsers(db: Database): Promise<SandboxOaUser[]> {
  return db.select().from(sandboxOaUsers).orderBy(asc(sandboxOaUsers.createdAt), asc(sandboxOaUsers.id));
}

/**
 * A page of the OA's users for /v3.0/oa/user/getlist, oldest first: their ids and how many match in all.
 * `tag` keeps those carrying it; `following` those who follow (true) or not (false).
 */
export async function pageOaUserIds(
  db: Database,
  query: { offset: number; count: number; tag?: string | undefined; following?: boolean | undefined },
): Promise<{ ids: string[]; total: number }> {
  const where = and(
    query.tag === undefined ? undefined : sql`${sandboxOaUsers.tags} @> ${jsonArray(query.tag)}`,
    query.following === undefined ? undefined : eq(sandboxOaUsers.following, query.following),
  );
  const rows = await db
    .select({ id: sandboxOaUsers.id })
    .from(sandboxOaUsers)
    .where(where)
    .orderBy(asc(sandboxOaUsers.createdAt), asc(sandboxOaUsers.id))
    .offset(query.offset)
    .limit(query.count);
  const [all] = await db.select({ total: count() }).from(sandboxOaUsers).where(where);
  return { ids: rows.map((row) => row.id), total: all?.total ?? rows.length };
}

export async function findOaUser(db: Database, oaUserId: string): Promise<SandboxOaUser | undefined> {
  const [row] = await db.select().from(sandboxOaUsers).where(eq(sandboxOaUsers.id, oaUserId));
  return row;
}

/** Adds a tag (once) to a follower; Zalo creates the tag on first use (§6 [C]). false: no such follower. */
export async function tagOaUser(db: Database, input: { oaUserId: string; tag: string }): Promise<boolean> {
  const tagged = await db
    .update(sandboxOaUsers)
    .set({
      tags: sql`case when ${sandboxOaUsers.tags} @> ${jsonArray(input.tag)} then ${sandboxOaUsers.tags}
        else ${sandboxOaUsers.tags} || ${jsonArray(input.tag)} end`,
    })
    .where(eq(sandboxOaUsers.id, input.oaUserId))
    .returning({ id: sandboxOaUsers.id });
  return tagged.length === 1;
}

/** Removes a tag from a follower (no-op if absent). false: no such follower. */
export async function untagOaUser(db: Database, input: { oaUserId: string; tag: string }): Promise<boolean> {
  const untagged = await db
    .update(sandboxOaUsers)
    .set({ tags: sql`${sandboxOaUsers.tags} - ${input.tag}::text` })
    .where(eq(sandboxOaUsers.id, input.oaUserId))
    .returning({ id: sandboxOaUsers.id });
  return untagged.length === 1;
}

/** Removes a tag from every follower (Zalo's rmtag). */
export async function deleteOaTag(db: Database, tag: string): Promise<void> {
  await db
    .update(sandboxOaUsers)
    .set({ tags: sql`${sandboxOaUsers.tags} - ${tag}::text` })
    .where(sql`${sandboxOaUsers.tags} @> ${jsonArray(tag)}`);
}

/**
 * The OA's tags, sorted. [U] The schema keeps tags on followers only, so a tag exists while one follower
 * carries it; Zalo keeps an emptied tag until rmtag.
 */
export async function listOaTags(db: Database): Promise<string[]> {
  const tag = sql<string>`jsonb_array_elements_text(${sandboxOaUsers.tags})`.as("tag");
  const rows = await db.selectDistinct({ tag }).from(sandboxOaUsers).orderBy(sql`tag`);
  return rows.map((row) => row.tag);
}

/** A timestamptz parameter every driver binds the same way. */
function timestamp(at: Date) {
  return sql`${at.toISOString()}::timestamptz`;
}

function jsonArray(value: string) {
  return sql`jsonb_build_array(${value}::text)`;
}
