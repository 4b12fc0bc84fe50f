import { randomInt } from "node:crypto";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { sandboxZaloTokens, sandboxZaloUsers } from "../db/schema";
import { SEALED } from "../db/sealed-places";
import { hashToken, newToken, type Sealer } from "../lib/crypto";
import { letterAvatar, zaloLikeId } from "./zalo-likeness";

/**
 * The sandbox's pretend Zalo accounts and the tokens it hands out for them, as Zalo would: an access
 * token (zmp-sdk getAccessToken) and a phone token (getPhoneNumber). Only token hashes are stored.
 */

/** [U] Lifetime of a Mini App user access token: Zalo's social OAuth gives 3600 s; not documented here. */
export const SANDBOX_ACCESS_TOKEN_SECONDS = 3600;
/** [U: SPEC] A phone token lives about 2 minutes and can be exchanged once. */
export const SANDBOX_PHONE_TOKEN_MS = 2 * 60 * 1000;

export interface SandboxZaloUser {
  id: string;
  name: string;
  avatarUrl: string | null;
  /** "84…", opened from its sealed form. */
  phone: string;
}

type Row = typeof sandboxZaloUsers.$inferSelect;

export function createSandboxUsers(db: Database, sealer: Sealer) {
  const toUser = (row: Row): SandboxZaloUser => ({
    id: row.id,
    name: row.name,
    avatarUrl: row.avatarUrl,
    phone: sealer.open(row.phoneSealed, SEALED.sandboxUserPhone(row.id)),
  });

  return {
    async list(): Promise<SandboxZaloUser[]> {
      const rows = await db.select().from(sandboxZaloUsers).orderBy(asc(sandboxZaloUsers.createdAt));
      return rows.map(toUser);
    },

    async find(id: string): Promise<SandboxZaloUser | undefined> {
      const [row] = await db.select().from(sandboxZaloUsers).where(eq(sandboxZaloUsers.id, id));
      return row ? toUser(row) : undefined;
    },

    async create(input: { name: string; phone?: string | undefined }): Promise<SandboxZaloUser> {
      const id = zaloLikeId();
      const [row] = await db
        .insert(sandboxZaloUsers)
        .values({
          id,
          name: input.name,
          avatarUrl: letterAvatar(input.name),
          phoneSealed: sealer.seal(input.phone ?? randomMobile(), SEALED.sandboxUserPhone(id)),
        })
        .returning();
      if (!row) throw new Error("sandbox user insert returned no row");
      return toUser(row);
    },

    async issueToken(userId: string, kind: "access" | "phone", now = new Date()): Promise<string> {
      const { token, hash } = newToken();
      const lifetimeMs = kind === "access" ? SANDBOX_ACCESS_TOKEN_SECONDS * 1000 : SANDBOX_PHONE_TOKEN_MS;
      await db.insert(sandboxZaloTokens).values({
        tokenHash: hash,
        kind,
        userId,
        expiresAt: new Date(now.getTime() + lifetimeMs),
        createdAt: now,
      });
      return token;
    },

    /** The user an access token belongs to: "unknown" and "expired" are told apart, like Zalo does. */
    async userOfAccessToken(
      token: string,
      now = new Date(),
    ): Promise<{ user: SandboxZaloUser } | { problem: "unknown" | "expired" }> {
      const [row] = await db
        .select({ user: sandboxZaloUsers, expiresAt: sandboxZaloTokens.expiresAt })
        .from(sandboxZaloTokens)
        .innerJoin(sandboxZaloUsers, eq(sandboxZaloUsers.id, sandboxZaloTokens.userId))
        .where(and(eq(sandboxZaloTokens.tokenHash, hashToken(token)), eq(sandboxZaloTokens.kind, "access")));
      if (!row) return { problem: "unknown" };
      if (row.expiresAt <= now) return { problem: "expired" };
      return { user: toUser(row.user) };
    },

    /** Marks a phone token used, atomically: true once, for its own user, within its lifetime. */
    async consumePhoneToken(token: string, userId: string, now = new Date()): Promise<boolean> {
      const used = await db
        .update(sandboxZaloTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(sandboxZaloTokens.tokenHash, hashToken(token)),
            eq(sandboxZaloTokens.kind, "phone"),
            eq(sandboxZaloTokens.userId, userId),
            isNull(sandboxZaloTokens.usedAt),
            gt(sandboxZaloTokens.expiresAt, now),
          ),
        )
        .returning({ userId: sandboxZaloTokens.userId });
      return used.length === 1;
    },
  };
}

export type SandboxUsers = ReturnType<typeof createSandboxUsers>;

/**
 * A random Viettel 098 number, valid for shared/identity. It may belong to someone real, but nothing is ever
 * sent to it: in sandbox mode every Zalo/ZNS send goes to the sandbox, which only records it.
 */
function randomMobile(): string {
  return `8498${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
}
