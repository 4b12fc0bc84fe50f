import { sql } from "drizzle-orm";
import type { Database } from "../../bot-server/src/db/client";

/**
 * Bench-only seeding for the dashboard row: a province's dossiers over two years, their timeline events
 * and some status messages, each table in one INSERT … SELECT over generate_series (a million inserts
 * from Node would take many minutes). Hashes of the row number, not random(), make every run seed the
 * same rows relative to `now()`.
 */

export interface DashboardSeed {
  dossiers: number;
  events: number;
  deliveries: number;
  /** Wall time of the seeding transaction: the three inserts and the index builds. */
  seconds: number;
}

/** Hà Nội (province 01): its first `communes` communes, as the officer inbox row uses. */
export const SEED_PROVINCE = "01";

const SEEDED_TABLES = ["dossiers", "dossier_events", "deliveries"] as const;

/**
 * The mix, decided per dossier from hashes of its row number:
 * - submitted over the last 730 days in row order (a real table fills in time order, so a month's rows
 *   share pages), up to an hour out of order; due 3–15 days later (calendar days, bench-only);
 * - 2 % refused at the desk, 1.5 % withdrawn, 0.5 % stopped; 1 % stuck for 40–100 days (the overdue
 *   list); the rest resolve after 0–130 % of their allowed time (about three quarters on time);
 * - a resolved dossier is `returned` once picked up 0–6 days later, else still `result_ready`; one in
 *   twenty returned ones never went through result_ready (handed over at once: resolved_at = return);
 * - unresolved ones younger than their resolution are open (submitted … payment_requested);
 * - 65 % online (88 % of those by the citizen), 35 % at the counter, typed by an officer;
 * - resolved_working_days ≈ 5/7 of the elapsed days: the bench has no calendar of holidays in SQL.
 * `updated_at` is the last move (the return, the result, or the latest event), which the events reuse.
 *
 * One transaction. The tables' plain indexes are dropped first and built again after the inserts (a
 * sorted build takes seconds where a million random inserts into a dozen indexes took minutes on this
 * shared machine); the primary and unique keys stay and are checked row by row. Foreign-key triggers
 * are skipped (session_replication_role = replica): every commune, procedure and dossier code a row
 * names comes from the tables it references.
 */
export async function seedDashboardData(
  db: Database,
  options: { dossiers: number; communes: number },
): Promise<DashboardSeed> {
  const started = performance.now();
  const counts = await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`set local maintenance_work_mem = '256MB'`);
    const indexes = (await tx.execute(sql`
      select indexname as name, indexdef as definition from pg_indexes
      where schemaname = 'public' and tablename in (${sql.join(
        SEEDED_TABLES.map((table) => sql`${table}`),
        sql`, `,
      )})
        and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))
    `)) as unknown as { rows: { name: string; definition: string }[] };
    for (const index of indexes.rows) await tx.execute(sql.raw(`drop index "${index.name}"`));
    await seedDossiers(tx as unknown as Database, options);
    const events = await seedEvents(tx as unknown as Database);
    const deliveries = await seedDeliveries(tx as unknown as Database);
    for (const index of indexes.rows) await tx.execute(sql.raw(index.definition));
    return { events, deliveries };
  });
  const counted = (await db.execute(sql`select count(*)::int as n from dossiers`)) as unknown as {
    rows: { n: number }[];
  };
  return {
    dossiers: Number(counted.rows[0]?.n),
    ...counts,
    seconds: (performance.now() - started) / 1000,
  };
}

async function seedDossiers(db: Database, options: { dossiers: number; communes: number }): Promise<void> {
  // Seconds since the epoch as float8 throughout: timestamptz + interval '… days' goes through the time
  // zone rules on every row, and numeric is slower still; this keeps a million rows to seconds. Every
  // lateral step is fenced (offset 0) so PostgreSQL computes it once instead of inlining it into each
  // expression that reads it.
  await db.execute(sql`
    with c as (
      select array_agg(code order by code) as codes, extract(epoch from now())::float8 as now_s
      from (select code from communes where province_code = ${SEED_PROVINCE} order by code limit ${options.communes}) picked
    ), p as (
      select array_agg(code order by code, version) as codes, array_agg(version order by code, version) as versions
      from procedure_versions
    )
    insert into dossiers (code, draft_id, procedure_code, procedure_version, commune_code, status,
      answers_sealed, submitted_at, due_at, idempotency_key, request_hash, channel, filed_by,
      resolved_at, resolved_working_days, updated_at)
    select c.codes[k.commune] || '-' || substr(k.hex, 1, 4) || '-' || substr(k.hex, 5, 4),
      md5(g::text)::uuid, p.codes[k.procedure], p.versions[k.procedure], c.codes[k.commune], s.status,
      'bench', to_timestamp(t.submitted), to_timestamp(t.due), 'bench-' || g, 'bench', k.channel,
      case when k.channel = 'counter' or k.h7 >= 88 then 'officer' else 'citizen' end,
      to_timestamp(f.resolved),
      round((f.resolved - t.submitted) / 1209.6) / 100,
      to_timestamp(f.updated)
    from generate_series(1, ${options.dossiers}::int) g
    cross join c
    cross join p
    cross join lateral (
      select 1 + (hashint4(g) & 2147483647) % cardinality(c.codes) as commune,
        1 + (hashint4(g + 8) & 2147483647) % cardinality(p.codes) as procedure,
        upper(lpad(to_hex((g::bigint * 2654435761) % 4294967296), 8, '0')) as hex,
        (hashint4(g + 1) & 2147483647) % 1000 as r,
        (hashint4(g + 2) & 2147483647) % 3600 as jitter,
        hashint4(g + 3) & 2147483647 as h3,
        (hashint4(g + 5) & 2147483647) % 1300 as pace,
        (hashint4(g + 6) & 2147483647) % (6 * 86400) as pickup,
        (hashint4(g + 7) & 2147483647) % 100 as h7,
        case when (hashint4(g + 4) & 2147483647) % 100 < 65 then 'online' else 'counter' end as channel
      offset 0
    ) k
    cross join lateral (
      select a.submitted, a.submitted + a.allowed * 86400 as due,
        case when k.r >= 40 and k.r < 50 then (40 + k.pace % 61) * 86400.0::float8
          else a.allowed * k.pace * 86.4::float8 end as takes
      from (select c.now_s - 730 * 86400 + g * (730 * 86400.0::float8 / ${options.dossiers}) - k.jitter as submitted,
        3 + k.h3 % 13 as allowed) a
      offset 0
    ) t
    cross join lateral (
      select case
          when k.r < 20 then 'refused' when k.r < 35 then 'withdrawn' when k.r < 40 then 'stopped'
          when t.submitted + t.takes > c.now_s then (array['submitted', 'received', 'processing', 'processing',
            'supplement_requested', 'payment_requested'])[1 + (k.h3 / 13) % 6]
          when t.submitted + t.takes + k.pickup <= c.now_s then 'returned'
          else 'result_ready'
        end as status
      offset 0
    ) s
    cross join lateral (
      select
        case when s.status = 'returned' and k.r % 20 = 0 then t.submitted + t.takes + k.pickup
             when s.status in ('returned', 'result_ready') then t.submitted + t.takes
        end as resolved,
        case when s.status = 'returned' then t.submitted + t.takes + k.pickup
             when s.status = 'result_ready' then t.submitted + t.takes
             when s.status in ('refused', 'withdrawn', 'stopped') then t.submitted + 86400
             else least(c.now_s, t.submitted + 7200)
        end as updated
      offset 0
    ) f
  `);
}

/**
 * The timeline the baseline reads resolution from: `result_ready` at resolved_at when the dossier went
 * through it, and the last move (returned, refused, withdrawn, stopped) at updated_at. Filing, receipt
 * and processing steps are left out: a real timeline holds four to six events a dossier, which would
 * only make the baseline's scan of it slower (and the ratio larger), and double the seeding time.
 */
async function seedEvents(db: Database): Promise<number> {
  const result = (await db.execute(sql`
    insert into dossier_events (dossier_code, status, actor, at)
    select d.code, e.status, 'officer', e.at
    from dossiers d
    cross join lateral (values
      ('result_ready', case when d.resolved_at < d.updated_at or d.status = 'result_ready'
        then d.resolved_at end),
      (d.status, case when d.status in ('returned', 'refused', 'withdrawn', 'stopped') then d.updated_at end)
    ) e(status, at)
    where e.at is not null
  `)) as unknown as { rowCount: number | null };
  return result.rowCount ?? 0;
}

/**
 * Status messages for about a third of the dossiers, one each, sent when it was resolved or filed: 92 %
 * reached the resident (sent, delivered, seen), the rest did not (in_app, failed, expired, dead), which
 * the dashboard lists as messages that could not reach residents.
 */
async function seedDeliveries(db: Database): Promise<number> {
  const result = (await db.execute(sql`
    insert into deliveries (idempotency_key, kind, status, channel, dossier_code, payload, attempts,
      next_attempt_at, expires_at, last_error, created_at, sent_at, finished_at)
    select 'bench-' || d.code, 'dossier_status', m.status,
      case when m.status = 'in_app' then 'in_app' else 'oa_cs' end, d.code, '{}'::jsonb, 1,
      m.at, m.at + interval '3 days',
      case when m.status in ('failed', 'dead') then 'bench' end, m.at,
      case when m.status in ('sent', 'delivered', 'seen') then m.at + interval '2 seconds' end,
      m.at + interval '1 minute'
    from dossiers d
    cross join lateral (
      select coalesce(d.resolved_at, d.submitted_at) as at,
        (hashtext(d.code) & 2147483647) % 1000 as r
    ) h
    cross join lateral (
      select h.at, case
          when h.r < 20 then 'in_app' when h.r < 45 then 'failed' when h.r < 65 then 'expired'
          when h.r < 80 then 'dead' when h.r < 400 then 'sent' when h.r < 700 then 'delivered' else 'seen'
        end as status
    ) m
    where (hashtext(d.code) & 2147483647) % 3 = 0
  `)) as unknown as { rowCount: number | null };
  return result.rowCount ?? 0;
}
