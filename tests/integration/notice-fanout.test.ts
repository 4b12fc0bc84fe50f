import { randomUUID } from "node:crypto";
import {
  communeTag,
  noticeProgressSchema,
  noticeReportSchema,
  oaGroupListSchema,
  officerSignInResponseSchema,
} from "@dvc/shared";
import { and, eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  deliveries,
  noticeSteps,
  noticeSubscriptions,
  notices,
  oaGroups,
  residents,
} from "../../bot-server/src/db/schema";
import type { AppEnv } from "../../bot-server/src/http/env";
import { errorHandler } from "../../bot-server/src/http/error-handler";
import {
  clearNoticeCommune,
  createTagSync,
  type DispatcherDeps,
  fanoutStep,
  groupRoutes,
  runDueNotices,
} from "../../bot-server/src/modules/broadcast";
import {
  createSendBudget,
  type DeliveryDeps,
  drainDue,
  enqueue,
} from "../../bot-server/src/modules/delivery";
import { createOfficer } from "../../bot-server/src/modules/officer-auth";
import { createOaClient } from "../../bot-server/src/zalo/oa-client";
import { call, randomTestIp } from "../support/citizen-client";
import { TEST_COMMUNE } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { createFakeZaloPort } from "../support/fake-zalo-port";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * The fan-out of a notice through the delivery engine (issue 13 §6), on a real database: one row per
 * group of the commune and per following subscriber, each with notice_id; a run cut at a batch
 * boundary resumes with no duplicate and no gap; the report and "send again to the failed"; the groups
 * registry against Zalo's GMF answers (msw).
 */

const OTHER_COMMUNE = "00070";
const PASSWORD = "mat-khau-thu-nghiem-2026";
const DAY = 86_400_000;
const MINI_APP_ID = "3000000000000000003";

let database: FreshDatabase;
let test: TestApp;
const db = () => database.handle.db;
const officerIds = new Map<string, string>();
let fake: ReturnType<typeof createFakeZaloPort>;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  for (const [username, role, communeCode] of [
    ["canbo.a", "officer", TEST_COMMUNE],
    ["lanhdao.a", "leader", TEST_COMMUNE],
    ["canbo.b", "officer", OTHER_COMMUNE],
    ["admin.tinh", "admin", null],
  ] as const) {
    const created = await createOfficer(db(), { username, password: PASSWORD, role, communeCode });
    if (!("created" in created)) throw new Error(`officer ${username}: ${created.error}`);
    officerIds.set(username, created.created.id);
  }
  fake = createFakeZaloPort();
});
afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});

async function tokenOf(username: string): Promise<string> {
  const response = await call(test.app, "POST", "/api/officer/session", {
    body: { username, password: PASSWORD },
    ip: randomTestIp(),
  });
  expect(response.status).toBe(200);
  return officerSignInResponseSchema.parse(response.body).token;
}

function dispatcherDeps(overrides: Partial<DispatcherDeps> = {}): DispatcherDeps {
  return {
    db: db(),
    logger: test.logger,
    miniAppId: MINI_APP_ID,
    uploadImage: async () => "att-1",
    ...overrides,
  };
}

function deliveryDeps(): DeliveryDeps {
  return {
    db: db(),
    logger: test.logger,
    sealer: test.sealer,
    zalo: fake.port,
    budget: createSendBudget(db(), { name: `test-${randomUUID()}`, perMinute: 6_000_000 }),
    miniAppId: MINI_APP_ID,
    templates: {},
  };
}

const groupId = () => randomUUID().replaceAll("-", "").slice(0, 20);

/** `count` following residents subscribed to `commune` (ids sort in creation order), and their ids. */
async function followers(commune: string, count: number, following = true): Promise<string[]> {
  const prefix = `9${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  const ids = Array.from({ length: count }, (_, n) => `${prefix}${String(n).padStart(6, "0")}`);
  if (ids.length === 0) return ids;
  await db()
    .insert(residents)
    .values(ids.map((oaUserId) => ({ oaUserId, following, lastInteractionAt: new Date(Date.now() - DAY) })));
  await db()
    .insert(noticeSubscriptions)
    .values(ids.map((oaUserId) => ({ oaUserId, communeCode: commune, source: "mini_app" as const })));
  return ids;
}

async function group(commune: string | null, name = "Tổ dân phố"): Promise<string> {
  const id = groupId();
  await db().insert(oaGroups).values({ groupId: id, name, communeCode: commune });
  return id;
}

async function approvedNotice(values: { groupIds: string[]; communeCode?: string | null }) {
  const [row] = await db()
    .insert(notices)
    .values({
      communeCode: values.communeCode === undefined ? TEST_COMMUNE : values.communeCode,
      authorId: officerIds.get("canbo.a") ?? "",
      status: "approved",
      category: "utilities",
      title: "Lịch cắt nước",
      body: "Thứ Bảy cắt nước từ 8:00 đến 12:00 để sửa đường ống.",
      groupIds: values.groupIds,
      toFollowers: true,
      expiresAt: new Date(Date.now() + 3 * DAY),
    })
    .returning();
  if (!row) throw new Error("no notice");
  return row;
}

async function rowsOf(noticeId: string) {
  return db().select().from(deliveries).where(eq(deliveries.noticeId, noticeId)).orderBy(deliveries.id);
}

async function noticeRow(id: string) {
  const [row] = await db().select().from(notices).where(eq(notices.id, id));
  if (!row) throw new Error("no notice");
  return row;
}

/** Recipients of the notice's rows: each must appear once. */
function recipients(rows: Awaited<ReturnType<typeof rowsOf>>): string[] {
  return rows.map((row) => row.groupId ?? row.oaUserId ?? "");
}

describe("fan-out", () => {
  it("enqueues one row per commune group and per following subscriber, with notice_id, then finishes", async () => {
    const [g1, g2, elsewhere] = [
      await group(TEST_COMMUNE),
      await group(TEST_COMMUNE),
      await group(OTHER_COMMUNE),
    ];
    const mine = await followers(TEST_COMMUNE, 7);
    await followers(TEST_COMMUNE, 2, false);
    await followers(OTHER_COMMUNE, 3);
    const notice = await approvedNotice({ groupIds: [g1 ?? "", g2 ?? "", elsewhere ?? ""] });

    await runDueNotices(dispatcherDeps());
    const rows = await rowsOf(notice.id);
    expect(
      rows
        .filter((row) => row.kind === "group_notice")
        .map((row) => row.groupId)
        .sort(),
    ).toEqual([g1, g2].sort());
    expect(rows.filter((row) => row.kind === "follower_notice").map((row) => row.oaUserId)).toEqual(mine);
    expect(new Set(rows.map((row) => row.idempotencyKey)).size).toBe(rows.length);
    const follower = rows.find((row) => row.kind === "follower_notice");
    expect(follower?.expiresAt).toEqual(notice.expiresAt);
    expect(follower?.payload).toMatchObject({
      text: expect.stringContaining("Lịch cắt nước"),
      buttons: [{ title: "Xem thông báo", type: "oa.open.url" }],
    });
    expect(await noticeRow(notice.id)).toMatchObject({ status: "sending", fanoutCursor: mine.at(-1) });

    await drainDue(deliveryDeps());
    await runDueNotices(dispatcherDeps());
    expect((await noticeRow(notice.id)).status).toBe("sent");
    const steps = await db().select().from(noticeSteps).where(eq(noticeSteps.noticeId, notice.id));
    expect(steps.map((step) => step.step)).toEqual(["start", "finish"]);
  });

  it("a notice with an image uploads it once and posts it to groups with the text as caption", async () => {
    const g = await group(TEST_COMMUNE);
    const notice = await approvedNotice({ groupIds: [g] });
    await db().execute(
      sql`insert into notice_images (notice_id, content_type, bytes) values (${notice.id}, 'image/png', '\\x89504e47'::bytea)`,
    );
    let uploads = 0;
    await runDueNotices(dispatcherDeps({ uploadImage: async () => `att-${++uploads}` }));
    expect(uploads).toBe(1);
    expect((await noticeRow(notice.id)).imageAttachmentId).toBe("att-1");
    const [post] = (await rowsOf(notice.id)).filter((row) => row.kind === "group_notice");
    expect(post?.payload).toMatchObject({ imageAttachmentId: "att-1" });
    await drainDue(deliveryDeps());
    expect(fake.calls.find((c) => c.to === g)).toMatchObject({ channel: "group", attachmentId: "att-1" });
  });

  it("cut at a batch boundary and resumed by another process: every follower exactly once", async () => {
    // This commune only: earlier tests' subscribers are another notice's concern.
    const commune = "00004";
    const ids = await followers(commune, 25);
    const notice = await approvedNotice({ groupIds: [], communeCode: commune });
    const small = dispatcherDeps({ batchSize: 10 });

    // The group step and one batch of 10, then the "process" dies.
    await runDueNotices(small, new Date(), { maxSteps: 2 });
    expect((await rowsOf(notice.id)).length).toBe(10);
    expect((await noticeRow(notice.id)).fanoutCursor).toBe(ids[9]);
    // A row of the next batch already there (as if written twice): still one row for them.
    await enqueue(db(), {
      kind: "follower_notice",
      key: `notice:${notice.id}:u:${ids[12]}`,
      oaUserId: ids[12] ?? "",
      noticeId: notice.id,
      text: "x",
    });

    // Two dispatchers resume at once.
    await Promise.all([runDueNotices(small), runDueNotices(small)]);
    const rows = await rowsOf(notice.id);
    expect(recipients(rows).sort()).toEqual([...ids].sort());
    const note = await noticeRow(notice.id);
    expect(note.enqueuedAt).not.toBeNull();
    expect(await fanoutStep(small, notice.id, new Date())).toBe("done");
  });
});

describe("progress, report and send again to the failed", () => {
  it("counts, words the failures, requeues them once, and hides the notice from another commune", async () => {
    const [ok, broken] = [await group(TEST_COMMUNE, "Tổ 1"), await group(TEST_COMMUNE, "Tổ 2 (hỏng)")];
    const notice = await approvedNotice({ groupIds: [ok, broken] });
    await runDueNotices(dispatcherDeps());
    fake.script("group", (c) =>
      c.to === broken ? { action: "permanent", reason: "rejected:-201" } : undefined,
    );
    await drainDue(deliveryDeps());
    fake.script("group", undefined);
    await runDueNotices(dispatcherDeps());

    const leader = await tokenOf("lanhdao.a");
    const progress = await call(test.app, "GET", `/api/officer/notices/${notice.id}/progress`, {
      token: leader,
    });
    expect(progress.status).toBe(200);
    expect(noticeProgressSchema.parse(progress.body).groups).toMatchObject({ sent: 1, failed: 1 });

    const report = noticeReportSchema.parse(
      (await call(test.app, "GET", `/api/officer/notices/${notice.id}/report`, { token: leader })).body,
    );
    expect(report.failures).toEqual([
      expect.objectContaining({ target: "group", label: "Tổ 2 (hỏng)", reason: "rejected:-201" }),
    ]);
    expect(report.failures[0]?.reasonText).toMatch(/đồng bộ lại/);

    const other = await tokenOf("canbo.b");
    for (const [method, path] of [
      ["GET", "progress"],
      ["GET", "report"],
      ["POST", "resend-failed"],
    ] as const) {
      const answer = await call(test.app, method, `/api/officer/notices/${notice.id}/${path}`, {
        token: other,
      });
      expect(answer.status).toBe(404);
      const signedOut = await call(test.app, method, `/api/officer/notices/${notice.id}/${path}`, {});
      expect(signedOut.status).toBe(401);
    }

    const resent = await call(test.app, "POST", `/api/officer/notices/${notice.id}/resend-failed`, {
      token: leader,
    });
    expect(resent.body).toEqual({ requeued: 1 });
    const [again] = (await rowsOf(notice.id)).filter((row) => row.groupId === broken);
    expect(again).toMatchObject({ status: "queued", attempts: 0 });
    expect((await noticeRow(notice.id)).status).toBe("sending");
    const audits = await db()
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, "notice.resend"), sql`${auditLog.detail} ->> 'noticeId' = ${notice.id}`),
      );
    expect(audits).toHaveLength(1);

    await drainDue(deliveryDeps());
    await runDueNotices(dispatcherDeps());
    // The commune's followers from the first test got it too: every row went.
    expect(new Set((await rowsOf(notice.id)).map((row) => row.status))).toEqual(new Set(["sent"]));
    expect((await noticeRow(notice.id)).status).toBe("sent");
  });
});

describe("follower tags", () => {
  it("untags the old commune, tags the new one, and records it; a failure is tried again later", async () => {
    const [moved, fresh] = await followers(TEST_COMMUNE, 2);
    await db()
      .update(noticeSubscriptions)
      .set({ taggedAs: communeTag(OTHER_COMMUNE) })
      .where(eq(noticeSubscriptions.oaUserId, moved ?? ""));
    const calls: string[] = [];
    let failFresh = true;
    const sync = createTagSync({
      db: db(),
      logger: test.logger,
      perRound: 1_000,
      takeBudget: async (n) => ({ granted: n }),
      untagFollower: async (user, tag) => {
        calls.push(`untag ${user} ${tag}`);
      },
      tagFollower: async (user, tag) => {
        if (user === fresh && failFresh) throw new Error("busy");
        calls.push(`tag ${user} ${tag}`);
      },
    });
    await sync.round(new Date());
    expect(calls).toContain(`untag ${moved} ${communeTag(OTHER_COMMUNE)}`);
    expect(calls).toContain(`tag ${moved} ${communeTag(TEST_COMMUNE)}`);
    const taggedAs = async (id: string | undefined) =>
      (
        await db()
          .select()
          .from(noticeSubscriptions)
          .where(eq(noticeSubscriptions.oaUserId, id ?? ""))
      )[0]?.taggedAs;
    expect(await taggedAs(moved)).toBe(communeTag(TEST_COMMUNE));
    expect(await taggedAs(fresh)).toBeNull();
    failFresh = false;
    await sync.round(new Date(Date.now() + 10 * 60_000));
    expect(await taggedAs(fresh)).toBe(communeTag(TEST_COMMUNE));

    // Stopping: fan-out no longer reaches them at once; the tag comes off at Zalo, then the row goes.
    await clearNoticeCommune(db(), moved ?? "");
    expect(await taggedAs(moved)).toBe(communeTag(TEST_COMMUNE));
    calls.length = 0;
    await sync.round(new Date(Date.now() + 20 * 60_000));
    expect(calls).toEqual([`untag ${moved} ${communeTag(TEST_COMMUNE)}`]);
    expect(await taggedAs(moved)).toBeUndefined();
  });
});

describe("groups registry (Zalo's GMF answers over msw)", () => {
  const BASE = "https://openapi.groups.test";
  const mock = setupServer();
  let zaloGroups: { group_id: string; name: string }[] = [];
  let assets: { asset_id: string; status?: string }[] = [];
  const created: unknown[] = [];
  let app: TestApp["app"];

  beforeAll(() => {
    mock.listen({ onUnhandledRequest: "bypass" });
    mock.use(
      http.get(`${BASE}/v3.0/oa/group/getgroupsofoa`, ({ request }) => {
        const url = new URL(request.url);
        const offset = Number(url.searchParams.get("offset"));
        const count = Number(url.searchParams.get("count"));
        const page = zaloGroups.slice(offset, offset + count);
        return HttpResponse.json({ error: 0, data: { total: zaloGroups.length, groups: page } });
      }),
      http.post(`${BASE}/v3.0/oa/quota/group`, () => HttpResponse.json({ error: 0, data: assets })),
      http.post(`${BASE}/v3.0/oa/group/creategroupwithoa`, async ({ request }) => {
        created.push(await request.json());
        return HttpResponse.json({
          error: 0,
          data: { group_id: "c0ffee01", group_link: "https://zalo.me/g/c0" },
        });
      }),
    );
    const oa = createOaClient({
      baseUrl: BASE,
      appSecret: "s",
      tokens: { getAccessToken: async () => "tok", forceRefresh: async () => "tok" },
      logger: test.logger,
    });
    const deps = { config: test.config, database: database.handle, logger: test.logger, sealer: test.sealer };
    const groupsApp = new Hono<AppEnv>();
    groupsApp.onError(errorHandler(test.logger));
    groupsApp.route("/api/officer/groups", groupRoutes(deps, { oa }));
    app = groupsApp as unknown as TestApp["app"];
  });
  afterAll(() => mock.close());

  it("syncs every page, keeps the commune of a known group, marks a vanished one gone", async () => {
    const known = await group(TEST_COMMUNE, "Tổ cũ");
    const vanished = await group(TEST_COMMUNE, "Tổ đã giải tán");
    zaloGroups = [
      { group_id: known, name: "Tổ cũ (đổi tên)" },
      ...Array.from({ length: 60 }, (_, n) => ({
        group_id: `f00d${String(n).padStart(4, "0")}`,
        name: `Nhóm ${n}`,
      })),
    ];
    const admin = await tokenOf("admin.tinh");
    const officer = await tokenOf("canbo.a");
    expect((await call(app, "POST", "/api/officer/groups/sync", { token: officer })).status).toBe(403);
    const synced = await call(app, "POST", "/api/officer/groups/sync", { token: admin });
    expect(synced.body).toMatchObject({ found: 61 });
    const [row] = await db().select().from(oaGroups).where(eq(oaGroups.groupId, known));
    expect(row).toMatchObject({ name: "Tổ cũ (đổi tên)", communeCode: TEST_COMMUNE, status: "enabled" });
    const [gone] = await db().select().from(oaGroups).where(eq(oaGroups.groupId, vanished));
    expect(gone?.status).toBe("gone");

    const mine = oaGroupListSchema.parse(
      (await call(app, "GET", "/api/officer/groups", { token: officer })).body,
    );
    expect(mine.groups.every((g) => g.communeCode === TEST_COMMUNE)).toBe(true);
    expect(mine.groups.some((g) => g.groupId === "f00d0001")).toBe(false);

    const assigned = await call(app, "PUT", "/api/officer/groups/f00d0001/commune", {
      token: admin,
      body: { communeCode: TEST_COMMUNE },
    });
    expect(assigned.status).toBe(200);
    expect(
      (
        await call(app, "PUT", "/api/officer/groups/f00d0002/commune", {
          token: officer,
          body: { communeCode: TEST_COMMUNE },
        })
      ).status,
    ).toBe(403);
  });

  it("creates a group on an available asset for the officer's commune; none left is a 422 that says so", async () => {
    const officer = await tokenOf("canbo.a");
    const input = { name: "Tổ dân phố 9", description: null, memberUserIds: ["2468458835296197922"] };
    assets = [{ asset_id: "a1", status: "used" }];
    const refused = await call(app, "POST", "/api/officer/groups", { token: officer, body: input });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toContain("hết lượt tạo nhóm");
    assets = [{ asset_id: "a1", status: "used" }, { asset_id: "a2" }];
    const made = await call(app, "POST", "/api/officer/groups", { token: officer, body: input });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ groupId: "c0ffee01", communeCode: TEST_COMMUNE });
    expect(created.at(-1)).toMatchObject({ asset_id: "a2", group_name: "Tổ dân phố 9" });
    const audits = await db().select().from(auditLog).where(eq(auditLog.action, "group.create"));
    expect(audits).toHaveLength(1);

    // The quota the list shows is Zalo's answer now, never a count kept here.
    assets = [{ asset_id: "a1", status: "used" }, { asset_id: "a3" }, { asset_id: "a4" }];
    const listed = await call(app, "GET", "/api/officer/groups", { token: officer });
    expect(listed.body).toMatchObject({ groupQuota: 2 });
  });
});
