import {
  errorBodySchema,
  noticeAudienceSchema,
  noticeSubscriptionSchema,
  officerNoticeListSchema,
  officerNoticeSchema,
  officerSignInResponseSchema,
  publicNoticeListSchema,
  publicNoticeSchema,
} from "@dvc/shared";
import { and, eq, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  auditLog,
  deliveries,
  noticeSubscriptions,
  notices,
  oaGroups,
  residents,
} from "../../bot-server/src/db/schema";
import { createOfficer } from "../../bot-server/src/modules/officer-auth";
import { type CallResult, call, callPatiently, randomTestIp } from "../support/citizen-client";
import { SAMPLE_BYTES, signedInCitizen, TEST_COMMUNE } from "../support/citizens";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type TestApp } from "../support/in-process-app";

/**
 * Broadcast notices' lifecycle (issue 13 §4): draft → approval → (the dispatcher) published; the scope
 * matrix (another commune's notice or group does not exist for an officer); who may approve; the steps
 * and audit rows of every change; the audience preview; the public list; the citizen's subscription.
 */

const OTHER_COMMUNE = "00070";
const PASSWORD = "mat-khau-thu-nghiem-2026";
const GROUP_A = "a1b2c3d4e5f60001";
const GROUP_A2 = "a1b2c3d4e5f60002";
const GROUP_B = "b1b2c3d4e5f60001";
const UNASSIGNED = "c1b2c3d4e5f60001";
const DAY = 24 * 3_600_000;

let database: FreshDatabase;
let test: TestApp;
const db = () => database.handle.db;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  for (const [username, role, communeCode] of [
    ["canbo.a", "officer", TEST_COMMUNE],
    ["canbo.a2", "officer", TEST_COMMUNE],
    ["lanhdao.a", "leader", TEST_COMMUNE],
    ["canbo.b", "officer", OTHER_COMMUNE],
    ["lanhdao.b", "leader", OTHER_COMMUNE],
    ["admin.tinh", "admin", null],
  ] as const) {
    await createOfficer(db(), { username, password: PASSWORD, role, communeCode });
    const signedIn = await call(test.app, "POST", "/api/officer/session", {
      body: { username, password: PASSWORD },
      ip: randomTestIp(),
    });
    tokens[username] = officerSignInResponseSchema.parse(signedIn.body).token;
  }
  await db()
    .insert(oaGroups)
    .values([
      { groupId: GROUP_A, name: "Tổ dân phố 1", communeCode: TEST_COMMUNE },
      { groupId: GROUP_A2, name: "Tổ dân phố 2", communeCode: TEST_COMMUNE },
      { groupId: GROUP_B, name: "Tổ dân phố B", communeCode: OTHER_COMMUNE },
      { groupId: UNASSIGNED, name: "Chưa gán", communeCode: null },
    ]);
});
afterAll(async () => {
  test?.cleanup();
  await database?.drop();
});

const as = (username: string, method: string, path: string, body?: unknown): Promise<CallResult> =>
  callPatiently(test.app, method, path, {
    token: tokens[username] ?? "",
    ...(body !== undefined ? { body } : {}),
  });

function draftInput(overrides: Record<string, unknown> = {}) {
  return {
    communeCode: TEST_COMMUNE,
    category: "utilities",
    title: "Tạm ngừng cấp nước",
    body: "Ngày mai từ 8 giờ đến 12 giờ, tổ dân phố 1 tạm ngừng cấp nước để sửa đường ống.",
    groupIds: [GROUP_A],
    toFollowers: true,
    expiresAt: new Date(Date.now() + 3 * DAY).toISOString(),
    ...overrides,
  };
}

async function created(username = "canbo.a", overrides: Record<string, unknown> = {}) {
  const response = await as(username, "POST", "/api/officer/notices", draftInput(overrides));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return officerNoticeSchema.parse(response.body);
}

async function moved(username: string, id: string, action: string, body: Record<string, unknown>) {
  const response = await as(username, "POST", `/api/officer/notices/${id}/${action}`, body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return officerNoticeSchema.parse(response.body);
}

async function approved(overrides: Record<string, unknown> = {}, author = "canbo.a", reviewer = "lanhdao.a") {
  const draft = await created(author, overrides);
  const pending = await moved(author, draft.id, "submit", { version: draft.version });
  return moved(reviewer, draft.id, "approve", { version: pending.version });
}

/** What the dispatcher does when it claims a due notice: the notice is then published. */
async function startFanout(id: string) {
  await db().update(notices).set({ status: "sending", startedAt: new Date() }).where(eq(notices.id, id));
}

async function deliveriesOf(id: string) {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(deliveries)
    .where(eq(deliveries.noticeId, id));
  return row?.n;
}

async function auditActions(id: string) {
  const rows = await db()
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(and(like(auditLog.action, "notice.%"), sql`${auditLog.detail} ->> 'noticeId' = ${id}`))
    .orderBy(auditLog.id);
  return rows.map((row) => row.action);
}

describe("the approval path", () => {
  it("draft → submit → return → edit → submit → approve, each a step and an audit row", async () => {
    const draft = await created();
    expect(draft).toMatchObject({ status: "draft", author: "canbo.a", communeCode: TEST_COMMUNE });
    expect(draft.can).toMatchObject({ edit: true, submit: true, review: false, cancel: true });

    const pending = await moved("canbo.a", draft.id, "submit", { version: draft.version });
    expect(pending.status).toBe("pending");
    // The leader may review; the author may not.
    const leaderView = officerNoticeSchema.parse(
      (await as("lanhdao.a", "GET", `/api/officer/notices/${draft.id}`)).body,
    );
    expect(leaderView.can.review).toBe(true);
    expect(pending.can.review).toBe(false);

    const returned = await moved("lanhdao.a", draft.id, "return", {
      version: pending.version,
      comment: "Ghi rõ khu vực bị ảnh hưởng.",
    });
    expect(returned).toMatchObject({ status: "returned", returnComment: "Ghi rõ khu vực bị ảnh hưởng." });

    const edited = await as("canbo.a", "PUT", `/api/officer/notices/${draft.id}`, {
      ...draftInput({ body: "Ngõ 1 đến ngõ 9 tổ dân phố 1 tạm ngừng cấp nước từ 8 giờ đến 12 giờ." }),
      version: returned.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const afterEdit = officerNoticeSchema.parse(edited.body);
    const resubmitted = await moved("canbo.a", draft.id, "submit", { version: afterEdit.version });
    expect(resubmitted.returnComment).toBeNull();
    const done = await moved("lanhdao.a", draft.id, "approve", { version: resubmitted.version });

    expect(done.status).toBe("approved");
    expect(done.steps.map((step) => [step.step, step.by])).toEqual([
      ["draft", "canbo.a"],
      ["submit", "canbo.a"],
      ["return", "lanhdao.a"],
      ["edit", "canbo.a"],
      ["submit", "canbo.a"],
      ["approve", "lanhdao.a"],
    ]);
    expect(done.steps[2]?.comment).toBe("Ghi rõ khu vực bị ảnh hưởng.");
    expect(await auditActions(draft.id)).toEqual([
      "notice.draft",
      "notice.submit",
      "notice.return",
      "notice.edit",
      "notice.submit",
      "notice.approve",
    ]);
    const [row] = await db().select().from(notices).where(eq(notices.id, draft.id));
    expect(row?.reviewedAt).not.toBeNull();
    expect(row?.scheduledAt).toBeNull();
  });

  it("sends nothing and publishes nothing without an approval", async () => {
    const draft = await created();
    await moved("canbo.a", draft.id, "submit", { version: draft.version });
    expect(await deliveriesOf(draft.id)).toBe(0);
    expect((await call(test.app, "GET", `/api/notices/${draft.id}`)).status).toBe(404);
    const list = publicNoticeListSchema.parse(
      (await call(test.app, "GET", `/api/notices?communeCode=${TEST_COMMUNE}`)).body,
    );
    expect(list.notices.map((n) => n.id)).not.toContain(draft.id);
    // Approved but not started by the dispatcher: still not public, still no delivery row.
    const ready = await approved();
    expect(await deliveriesOf(ready.id)).toBe(0);
    expect((await call(test.app, "GET", `/api/notices/${ready.id}`)).status).toBe(404);
  });

  it("refuses an edit or a review against a stale version (409) and changes nothing", async () => {
    const draft = await created();
    const first = await as("canbo.a", "PUT", `/api/officer/notices/${draft.id}`, {
      ...draftInput({ title: "Bản 2" }),
      version: 1,
    });
    expect(first.status).toBe(200);
    const stale = await as("canbo.a", "PUT", `/api/officer/notices/${draft.id}`, {
      ...draftInput({ title: "Bản 3" }),
      version: 1,
    });
    expect(stale.status).toBe(409);
    const [row] = await db()
      .select({ title: notices.title, version: notices.version })
      .from(notices)
      .where(eq(notices.id, draft.id));
    expect(row).toEqual({ title: "Bản 2", version: 2 });
  });

  it("cancels until the fan-out starts, then refuses", async () => {
    const ready = await approved();
    const cancelled = await moved("canbo.a", ready.id, "cancel", { version: ready.version });
    expect(cancelled.status).toBe("cancelled");
    const started = await approved();
    await startFanout(started.id);
    const late = await as("lanhdao.a", "POST", `/api/officer/notices/${started.id}/cancel`, {
      version: started.version,
    });
    expect(late.status).toBe(409);
    expect(errorBodySchema.parse(late.body).message).toMatch(/chưa bắt đầu gửi/);
  });
});

describe("who may approve", () => {
  it("refuses the author, an officer and another commune's leader; the other commune sees a 404", async () => {
    const own = await created("lanhdao.a");
    const pendingOwn = await moved("lanhdao.a", own.id, "submit", { version: own.version });
    const self = await as("lanhdao.a", "POST", `/api/officer/notices/${own.id}/approve`, {
      version: pendingOwn.version,
    });
    expect(self.status).toBe(403);
    expect(errorBodySchema.parse(self.body).message).toMatch(/tự duyệt/);

    const draft = await created();
    const pending = await moved("canbo.a", draft.id, "submit", { version: draft.version });
    expect(
      (await as("canbo.a2", "POST", `/api/officer/notices/${draft.id}/approve`, { version: pending.version }))
        .status,
    ).toBe(403);
    expect(
      (
        await as("lanhdao.b", "POST", `/api/officer/notices/${draft.id}/approve`, {
          version: pending.version,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await as("lanhdao.b", "POST", `/api/officer/notices/${draft.id}/return`, {
          version: pending.version,
          comment: "Không",
        })
      ).status,
    ).toBe(404);
    const [row] = await db().select({ status: notices.status }).from(notices).where(eq(notices.id, draft.id));
    expect(row?.status).toBe("pending");
    // An admin may approve a commune's notice; only an admin drafts a province-wide one.
    expect(
      (
        await as("admin.tinh", "POST", `/api/officer/notices/${draft.id}/approve`, {
          version: pending.version,
        })
      ).status,
    ).toBe(200);
    expect(
      (await as("lanhdao.a", "POST", "/api/officer/notices", draftInput({ communeCode: null }))).status,
    ).toBe(403);
  });
});

describe("the scope of a commune", () => {
  it("hides another commune's notices from its officers: read, edit, submit, image are 404; the list leaves it out", async () => {
    const draft = await created();
    for (const [method, path, body] of [
      ["GET", `/api/officer/notices/${draft.id}`, undefined],
      [
        "PUT",
        `/api/officer/notices/${draft.id}`,
        { ...draftInput({ communeCode: OTHER_COMMUNE, groupIds: [GROUP_B] }), version: draft.version },
      ],
      ["POST", `/api/officer/notices/${draft.id}/submit`, { version: draft.version }],
      ["POST", `/api/officer/notices/${draft.id}/cancel`, { version: draft.version }],
      ["DELETE", `/api/officer/notices/${draft.id}/image`, undefined],
    ] as const) {
      expect((await as("canbo.b", method, path, body)).status, `${method} ${path}`).toBe(404);
    }
    const list = officerNoticeListSchema.parse((await as("canbo.b", "GET", "/api/officer/notices")).body);
    expect(list.notices.every((notice) => notice.communeCode === OTHER_COMMUNE)).toBe(true);
    const [row] = await db()
      .select({ version: notices.version, status: notices.status })
      .from(notices)
      .where(eq(notices.id, draft.id));
    expect(row).toEqual({ version: 1, status: "draft" });
  });

  it("refuses another commune's groups (422), an unassigned one, and drafting for another commune (403)", async () => {
    const targeting = await as(
      "canbo.a",
      "POST",
      "/api/officer/notices",
      draftInput({ groupIds: [GROUP_B] }),
    );
    expect(targeting.status).toBe(422);
    expect(errorBodySchema.parse(targeting.body).fields?.groupIds).toContain(GROUP_B);
    expect(
      (await as("canbo.a", "POST", "/api/officer/notices", draftInput({ groupIds: [UNASSIGNED] }))).status,
    ).toBe(422);
    expect(
      (await as("canbo.a", "GET", `/api/officer/notices/audience?groupIds=${GROUP_A},${GROUP_B}`)).status,
    ).toBe(422);
    expect(
      (
        await as(
          "canbo.a",
          "POST",
          "/api/officer/notices",
          draftInput({ communeCode: OTHER_COMMUNE, groupIds: [] }),
        )
      ).status,
    ).toBe(403);
    expect(
      (await as("canbo.a", "GET", `/api/officer/notices/audience?communeCode=${OTHER_COMMUNE}`)).status,
    ).toBe(403);
    // A province-wide notice may go to any assigned group.
    const provinceWide = await created("admin.tinh", { communeCode: null, groupIds: [GROUP_A, GROUP_B] });
    expect(provinceWide.groupIds).toEqual([GROUP_A, GROUP_B]);
  });

  it("lists a commune's published notices and the province's, never another commune's", async () => {
    const ours = await approved({ title: "Tiêm chủng tại trạm y tế", category: "health" });
    const theirs = await approved(
      { communeCode: OTHER_COMMUNE, groupIds: [GROUP_B] },
      "canbo.b",
      "lanhdao.b",
    );
    const provinceDraft = await created("admin.tinh", { communeCode: null, groupIds: [] });
    const provincePending = await moved("admin.tinh", provinceDraft.id, "submit", {
      version: provinceDraft.version,
    });
    // A commune's leader neither sees nor approves a province-wide notice; another admin does.
    expect((await as("lanhdao.a", "GET", `/api/officer/notices/${provinceDraft.id}`)).status).toBe(404);
    expect(
      (
        await as("lanhdao.a", "POST", `/api/officer/notices/${provinceDraft.id}/approve`, {
          version: provincePending.version,
        })
      ).status,
    ).toBe(404);
    await createOfficer(db(), {
      username: "admin.hai",
      password: PASSWORD,
      role: "admin",
      communeCode: null,
    });
    const signedIn = await call(test.app, "POST", "/api/officer/session", {
      body: { username: "admin.hai", password: PASSWORD },
      ip: randomTestIp(),
    });
    tokens["admin.hai"] = officerSignInResponseSchema.parse(signedIn.body).token;
    await moved("admin.hai", provinceDraft.id, "approve", { version: provincePending.version });
    for (const id of [ours.id, theirs.id, provinceDraft.id]) await startFanout(id);
    const expired = await approved();
    await startFanout(expired.id);
    await db()
      .update(notices)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(notices.id, expired.id));

    const listOf = async (code: string) =>
      publicNoticeListSchema
        .parse((await call(test.app, "GET", `/api/notices?communeCode=${code}`)).body)
        .notices.map((n) => n.id);
    const inA = await listOf(TEST_COMMUNE);
    const inB = await listOf(OTHER_COMMUNE);
    expect(inA).toEqual(expect.arrayContaining([ours.id, provinceDraft.id]));
    expect(inA).not.toContain(theirs.id);
    expect(inA).not.toContain(expired.id);
    expect(inB).toEqual(expect.arrayContaining([theirs.id, provinceDraft.id]));
    expect(inB).not.toContain(ours.id);

    const one = await call(test.app, "GET", `/api/notices/${ours.id}`);
    expect(one.status).toBe(200);
    const publicNotice = publicNoticeSchema.parse(one.body);
    expect(publicNotice).toMatchObject({
      title: "Tiêm chủng tại trạm y tế",
      categoryLabel: "Y tế, tiêm chủng",
    });
    // Public text only: nothing about who wrote or approved it, nor its audience.
    expect(Object.keys(one.body as object).sort()).toEqual(Object.keys(publicNotice).sort());
    expect(JSON.stringify(one.body)).not.toMatch(/canbo|lanhdao|groupIds/);
    expect((await call(test.app, "GET", `/api/notices/${expired.id}`)).status).toBe(404);
    expect((await call(test.app, "GET", "/api/notices/not-a-uuid")).status).toBe(404);
  });
});

describe("content checks", () => {
  it("names each problem on its field (422) and keeps nothing", async () => {
    const before = await db().select({ n: sql<number>`count(*)::int` }).from(notices);
    const longBody = "Nội dung rất dài. ".repeat(150);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ body: longBody }, "summary", /tóm tắt/],
      [{ expiresAt: new Date(Date.now() - DAY).toISOString() }, "expiresAt", /sau thời điểm hiện tại/],
      [
        {
          scheduledAt: new Date(Date.now() + 2 * DAY).toISOString(),
          expiresAt: new Date(Date.now() + DAY).toISOString(),
        },
        "expiresAt",
        /sau thời điểm gửi/,
      ],
      [{ scheduledAt: new Date(Date.now() - 10 * 60_000).toISOString() }, "scheduledAt", /đã qua/],
      [{ procedureCode: "9.999999" }, "procedureCode", /danh mục/],
      [{ groupIds: [], toFollowers: false }, "groupIds", /ít nhất một nơi nhận/],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await as("canbo.a", "POST", "/api/officer/notices", draftInput(overrides));
      expect(response.status, field).toBe(422);
      expect(errorBodySchema.parse(response.body).fields?.[field], field).toMatch(message);
    }
    const after = await db().select({ n: sql<number>`count(*)::int` }).from(notices);
    expect(after).toEqual(before);
    // With a summary, a long notice is accepted.
    await created("canbo.a", { body: longBody, summary: "Tóm tắt ngắn." });
  });
});

describe("the image", () => {
  const upload = (id: string, bytes: Uint8Array, username = "canbo.a") => {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(bytes)]), "anh.png");
    return test.app.request(`/api/officer/notices/${id}/image`, {
      method: "POST",
      headers: { Authorization: `Bearer ${tokens[username]}` },
      body: form,
    });
  };

  it("takes a PNG or JPEG by its bytes, refuses anything else, and is public once published", async () => {
    const draft = await created();
    const refused = await upload(draft.id, SAMPLE_BYTES.exe);
    expect(refused.status).toBe(400);
    expect(errorBodySchema.parse(await refused.json()).message).toMatch(/JPEG hoặc PNG/);
    const tooBig = await upload(draft.id, new Uint8Array(1_100_000).fill(0xff));
    expect([400, 413]).toContain(tooBig.status);
    const ok = await upload(draft.id, SAMPLE_BYTES.png);
    expect(ok.status).toBe(200);
    const withImage = officerNoticeSchema.parse(await ok.json());
    expect(withImage).toMatchObject({ hasImage: true, version: 2 });
    expect((await upload(draft.id, SAMPLE_BYTES.png, "canbo.b")).status).toBe(404);

    expect((await call(test.app, "GET", `/api/notices/${draft.id}/image`)).status).toBe(404);
    const pending = await moved("canbo.a", draft.id, "submit", { version: withImage.version });
    await moved("lanhdao.a", draft.id, "approve", { version: pending.version });
    await startFanout(draft.id);
    const image = await test.app.request(`/api/notices/${draft.id}/image`);
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/png");
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(SAMPLE_BYTES.png);
  });
});

describe("the audience preview", () => {
  it("counts the commune's following subscribers by channel, and the chosen groups", async () => {
    const now = Date.now();
    const seed = [
      ["u-a-1", TEST_COMMUNE, true, now - DAY],
      ["u-a-2", TEST_COMMUNE, true, now - 2 * DAY],
      ["u-a-3", TEST_COMMUNE, true, now - 6 * DAY],
      ["u-a-4", TEST_COMMUNE, true, now - 20 * DAY],
      ["u-a-5", TEST_COMMUNE, true, null],
      ["u-a-6", TEST_COMMUNE, false, now - DAY],
      ["u-b-1", OTHER_COMMUNE, true, now - DAY],
    ] as const;
    await db()
      .insert(residents)
      .values(
        seed.map(([oaUserId, , following, last]) => ({
          oaUserId,
          following,
          lastInteractionAt: last === null ? null : new Date(last),
        })),
      );
    await db()
      .insert(noticeSubscriptions)
      .values(seed.map(([oaUserId, communeCode]) => ({ oaUserId, communeCode, source: "bot" as const })));

    const preview = await as(
      "canbo.a",
      "GET",
      `/api/officer/notices/audience?groupIds=${GROUP_A},${GROUP_A2}`,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(noticeAudienceSchema.parse(preview.body)).toEqual({
      groups: 2,
      followers: { consultation: 3, template: 0, unreachable: 2 },
    });
    const noFollowers = await as("canbo.a", "GET", "/api/officer/notices/audience?toFollowers=false");
    expect(noticeAudienceSchema.parse(noFollowers.body)).toEqual({
      groups: 0,
      followers: { consultation: 0, template: 0, unreachable: 0 },
    });
    // With a follower notice template configured, those outside the 7-day window get it.
    const withTemplate = buildTestApp(database.handle, { ZALO_TEMPLATE_FOLLOWER_NOTICE: "300003" });
    try {
      const counted = await call(withTemplate.app, "GET", "/api/officer/notices/audience", {
        token: tokens["canbo.a"] ?? "",
      });
      expect(noticeAudienceSchema.parse(counted.body).followers).toEqual({
        consultation: 3,
        template: 2,
        unreachable: 0,
      });
      // Province-wide (an admin, no commune): every subscriber who follows.
      const province = await call(withTemplate.app, "GET", "/api/officer/notices/audience", {
        token: tokens["admin.tinh"] ?? "",
      });
      expect(noticeAudienceSchema.parse(province.body).followers).toEqual({
        consultation: 4,
        template: 2,
        unreachable: 0,
      });
    } finally {
      withTemplate.cleanup();
    }
    await db()
      .delete(noticeSubscriptions)
      .where(
        inArray(
          noticeSubscriptions.oaUserId,
          seed.map(([id]) => id),
        ),
      );
  });
});

describe("the citizen's subscription", () => {
  it("stores the commune of a citizen who follows the OA, and nothing for one who does not", async () => {
    const citizen = await signedInCitizen(db());
    const asCitizen = (method: string, body?: unknown) =>
      call(test.app, method, "/api/notices/subscription", {
        token: citizen.token,
        ...(body !== undefined ? { body } : {}),
      });
    expect(noticeSubscriptionSchema.parse((await asCitizen("GET")).body)).toEqual({
      communeCode: null,
      zalo: "not_following",
    });
    expect(
      noticeSubscriptionSchema.parse((await asCitizen("PUT", { communeCode: TEST_COMMUNE })).body).zalo,
    ).toBe("not_following");

    await db()
      .insert(residents)
      .values({ oaUserId: "u-citizen-1", citizenId: citizen.citizenId, following: true });
    expect(noticeSubscriptionSchema.parse((await asCitizen("GET")).body)).toEqual({
      communeCode: null,
      zalo: "not_subscribed",
    });
    const subscribed = await asCitizen("PUT", { communeCode: TEST_COMMUNE });
    expect(noticeSubscriptionSchema.parse(subscribed.body)).toEqual({
      communeCode: TEST_COMMUNE,
      zalo: "subscribed",
    });
    const [row] = await db()
      .select()
      .from(noticeSubscriptions)
      .where(eq(noticeSubscriptions.oaUserId, "u-citizen-1"));
    expect(row).toMatchObject({ communeCode: TEST_COMMUNE, source: "mini_app" });
    expect((await asCitizen("PUT", { communeCode: "99999" })).status).toBe(422);
    expect(noticeSubscriptionSchema.parse((await asCitizen("PUT", { communeCode: null })).body).zalo).toBe(
      "not_subscribed",
    );
    expect((await call(test.app, "GET", "/api/notices/subscription")).status).toBe(401);
  });
});

describe("mounting", () => {
  it("serves /api/officer/notices beside the officer desk's routes", async () => {
    expect((await as("canbo.a", "GET", "/api/officer/notices")).status).toBe(200);
    expect((await as("canbo.a", "GET", "/api/officer/dossiers")).status).toBe(200);
    expect((await as("canbo.a", "GET", "/api/officer/conversations")).status).toBe(200);
    expect((await call(test.app, "GET", "/api/officer/notices")).status).toBe(401);
    // The delivery views are composed into the notices router, scoped the same way.
    const draft = await created();
    expect((await as("canbo.a", "GET", `/api/officer/notices/${draft.id}/progress`)).status).toBe(200);
    expect((await as("canbo.b", "GET", `/api/officer/notices/${draft.id}/progress`)).status).toBe(404);
  });
});
