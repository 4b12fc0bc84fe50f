import { NOTICE_CATEGORY_LABELS, type PublicNotice } from "@dvc/shared";
import { and, desc, eq, gt, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Database } from "../../db/client";
import { noticeImages, notices } from "../../db/schema";

/**
 * What residents see of notices (Mini App "Thông báo" tab, the board page, GET /api/notices): only
 * notices the fan-out has started (so approved and due), not expired, and public text only — never the
 * author, the reviewer or the audience.
 */

/** A notice id in a URL is untrusted: anything but a uuid is simply not found (not a database error). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PUBLISHED_STATUSES = ["sending", "sent"] as const;

const columns = {
  id: notices.id,
  communeCode: notices.communeCode,
  category: notices.category,
  title: notices.title,
  body: notices.body,
  procedureCode: notices.procedureCode,
  startedAt: notices.startedAt,
  expiresAt: notices.expiresAt,
  hasImage: sql<boolean>`exists (select 1 from ${noticeImages} where ${noticeImages.noticeId} = ${notices.id})`,
};

type Row = {
  id: string;
  communeCode: string | null;
  category: PublicNotice["category"];
  title: string;
  body: string;
  procedureCode: string | null;
  startedAt: Date | null;
  expiresAt: Date;
  hasImage: boolean;
};

function published(now: Date): SQL {
  return and(inArray(notices.status, [...PUBLISHED_STATUSES]), gt(notices.expiresAt, now)) as SQL;
}

function toPublic(row: Row): PublicNotice {
  return {
    id: row.id,
    communeCode: row.communeCode,
    category: row.category,
    categoryLabel: NOTICE_CATEGORY_LABELS[row.category],
    title: row.title,
    body: row.body,
    procedureCode: row.procedureCode,
    hasImage: row.hasImage,
    // Published when the fan-out started; a sending/sent notice always has it (fallback for safety).
    publishedAt: (row.startedAt ?? row.expiresAt).toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** A commune's published notices, province-wide ones included, newest first. */
export async function listPublicNotices(
  db: Database,
  communeCode: string,
  now: Date,
  limit = 20,
): Promise<PublicNotice[]> {
  const rows = await db
    .select(columns)
    .from(notices)
    .where(and(published(now), or(eq(notices.communeCode, communeCode), isNull(notices.communeCode))))
    .orderBy(desc(notices.startedAt), desc(notices.id))
    .limit(limit);
  return rows.map(toPublic);
}

/** One published notice; null when it does not exist, is not published (yet) or has expired. */
export async function findPublicNotice(db: Database, id: string, now: Date): Promise<PublicNotice | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select(columns)
    .from(notices)
    .where(and(eq(notices.id, id), published(now)))
    .limit(1);
  return row ? toPublic(row) : null;
}
