import { sql } from "drizzle-orm";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { SEEDED_GMF_ASSETS } from "../../bot-server/src/zalo-sandbox/gmf-assets";
import {
  listOaUsers,
  recordInteraction,
  setFollowing,
  upsertOaUser,
} from "../../bot-server/src/zalo-sandbox/oa-users-repo";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { sqlRows } from "../support/citizen-client";
import { type CallOptions, DAY, useSandboxOaHarness } from "../support/sandbox-oa-harness";
import { solidPng } from "../support/test-png";

/**
 * The sandbox's OA Open API (followers, tags, groups, uploads, templates) and ZNS hosts, driven over HTTP
 * by the REAL product client where it exists and by plain requests for what has no client yet; and the
 * followers repo behind the sandbox chat page. OAuth and consultation messages: sandbox-oauth.test.ts.
 */

const { db, deps, product, zalo, resident, rows, sentTo } = useSandboxOaHarness();

describe("followers: detail, quota, tags", () => {
  const detailPath = (userId: string) =>
    `/openapi/v3.0/oa/user/detail?data=${encodeURIComponent(JSON.stringify({ user_id: userId }))}`;

  it("user detail and quota answer Zalo's shapes, read by the product's client", async () => {
    const at = new Date(Date.now() - 2 * DAY);
    const user = await upsertOaUser(db(), {
      displayName: "Trần Thị Chi Tiết",
      userIdByApp: "5318479563581384576",
      following: true,
      lastInteractionAt: at,
    });
    const { client } = product();
    expect(await client.getUserDetail(user.id)).toEqual({
      userId: user.id,
      displayName: "Trần Thị Chi Tiết",
      isFollower: true,
    });
    expect(await client.getQuota(user.id)).toEqual({ lastInteraction: at.getTime() });
    const localDate = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh" }).format(at);
    expect((await zalo(detailPath(user.id))).data).toEqual({
      user_id: user.id,
      user_id_by_app: "5318479563581384576",
      display_name: "Trần Thị Chi Tiết",
      avatar: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
      avatars: { "120": expect.any(String), "240": expect.any(String) },
      user_is_follower: true,
      user_last_interaction_date: localDate,
      tags_and_notes_info: { tag_names: [], notes: [] },
    });
    expect(await zalo(detailPath("1234567890123456789"))).toMatchObject({ error: -213 });
    expect(await zalo("/openapi/v3.0/oa/user/detail?data=%7Bbroken")).toMatchObject({ error: -201 });
  });

  it("tags a follower once, lists the OA's tags, removes them", async () => {
    const user = await resident(0);
    const tag = (path: string, body: unknown) => zalo(`/openapi/v2.0/oa/tag/${path}`, { body });
    for (const name of ["phuong-ba-dinh", "phuong-ba-dinh", "to-dan-pho-5"]) {
      expect(await tag("tagfollower", { user_id: user.id, tag_name: name })).toEqual({
        error: 0,
        message: "Success",
      });
    }
    const tagsOf = async () =>
      ((await zalo(detailPath(user.id))).data as { tags_and_notes_info: { tag_names: string[] } })
        .tags_and_notes_info.tag_names;
    expect(await tagsOf()).toEqual(["phuong-ba-dinh", "to-dan-pho-5"]);
    expect((await zalo("/openapi/v2.0/oa/tag/gettagsofoa")).data).toEqual(
      expect.arrayContaining(["phuong-ba-dinh", "to-dan-pho-5"]),
    );
    await tag("rmfollowerfromtag", { user_id: user.id, tag_name: "phuong-ba-dinh" });
    await tag("rmtag", { tag_name: "to-dan-pho-5" });
    expect(await tagsOf()).toEqual([]);
    expect(await tag("tagfollower", { user_id: "1234567890123456789", tag_name: "x" })).toMatchObject({
      error: -213,
    });
    expect(await tag("tagfollower", { user_id: 2468458835296197, tag_name: "x" })).toMatchObject({
      error: -201,
    });
  });
});

describe("groups (GMF), uploads and template messages", () => {
  it("lists two seeded groups, posts to one (recorded), refuses an unknown group, creates one", async () => {
    const listed = await zalo("/openapi/v3.0/oa/group/getgroupsofoa?offset=0&count=5");
    const { groups, total } = listed.data as { groups: { group_id: string; name: string }[]; total: number };
    expect(groups.map((group) => group.name)).toEqual([
      "Cán bộ Phường Ba Đình",
      "Tổ dân phố 5 — Phường Ba Đình",
    ]);
    expect(total).toBe(2);
    const groupId = groups[1]?.group_id ?? "";
    expect(groupId).toMatch(/^[0-9a-f]{20}$/);
    const body = { recipient: { group_id: groupId }, message: { text: "Lịch tiếp dân tuần này: thứ Ba" } };
    const posted = await zalo("/openapi/v3.0/oa/group/message", { body });
    expect(posted.data).toMatchObject({
      message_id: expect.stringMatching(/^[0-9a-f]{20}$/),
      group_id: groupId,
    });
    expect(await sentTo(groupId)).toEqual([expect.objectContaining({ channel: "oa_group", payload: body })]);
    const unknown = { ...body, recipient: { group_id: "ffffffffffffffffffff" } };
    expect(await zalo("/openapi/v3.0/oa/group/message", { body: unknown })).toMatchObject({ error: -201 });
    expect(await sentTo("ffffffffffffffffffff")).toEqual([]);
    const created = await zalo("/openapi/v3.0/oa/group/creategroupwithoa", {
      body: { group_name: "Tổ dân phố 6", asset_id: SEEDED_GMF_ASSETS[0]?.assetId, member_user_ids: [] },
    });
    expect(created.data).toMatchObject({ group_id: expect.any(String), group_link: expect.any(String) });
    const page = `/openapi/v3.0/oa/group/getgroupsofoa?data=${encodeURIComponent('{"offset":2,"count":5}')}`;
    expect((await zalo(page)).data).toMatchObject({ total: 3, groups: [{ name: "Tổ dân phố 6" }] });
  });

  it("uploads by magic bytes within their limits and keeps only metadata", async () => {
    const upload = async (kind: string, bytes: Uint8Array, app?: Hono) => {
      const form = new FormData();
      form.append("file", new Blob([new Uint8Array(bytes)]), "tep");
      if (!app) return zalo(`/openapi/v2.0/oa/upload/${kind}`, { form });
      const token = await product().tokens.getAccessToken();
      const response = await app.request(`/sandbox/openapi/v2.0/oa/upload/${kind}`, {
        method: "POST",
        headers: { access_token: token },
        body: form,
      });
      return (await response.json()) as Record<string, unknown>;
    };
    const pdf = new TextEncoder().encode("%PDF-1.7\n%…\n");
    expect((await upload("file", pdf)).data).toEqual({ token: expect.any(String) });
    expect(await upload("image", pdf)).toMatchObject({ error: -201 });
    expect(await upload("file", solidPng(2, 2))).toMatchObject({ error: -201 });
    // Over 1 MB: through a bare mount, since the server's app-wide 256 KB limit would answer first.
    const bare = new Hono().route("/sandbox", sandboxRoutes(deps()));
    const big = new Uint8Array(1024 * 1024 + 1);
    big.set(solidPng(1, 1));
    expect(await upload("image", big, bare)).toMatchObject({ error: -201 });
    const uploads = await sqlRows(db(), sql`select kind, content_type, size from sandbox_oa_uploads`);
    expect(uploads.rows).toEqual(
      expect.arrayContaining([{ kind: "file", content_type: "application/pdf", size: pdf.length }]),
    );
  });

  it("sends a template by user id without the 7-day window, checking template and data", async () => {
    const user = await resident(30);
    const body = {
      user_id: user.id,
      template_id: "300001",
      template_data: { ma_ho_so: "HS-2025-000123", trang_thai: "Đã tiếp nhận", thu_tuc: "Đăng ký khai sinh" },
    };
    const sent = await zalo("/openapi/v3.0/oa/message/template", { body });
    expect(sent.data).toMatchObject({ message_id: expect.any(String), user_id: user.id });
    expect(await sentTo(user.id)).toEqual([
      expect.objectContaining({ channel: "oa_template", payload: body }),
    ]);
    const without = { ...body, template_data: { ma_ho_so: "HS-2025-000123" } };
    expect(await zalo("/openapi/v3.0/oa/message/template", { body: without })).toMatchObject({ error: -201 });
    const unknown = { ...body, template_id: "999999" };
    expect(await zalo("/openapi/v3.0/oa/message/template", { body: unknown })).toMatchObject({ error: -201 });
  });
});

describe("ZNS by phone (/sandbox/business)", () => {
  const send = (body: Record<string, unknown>, options: CallOptions = {}) =>
    zalo("/business/message/template", { ...options, body });
  const valid = {
    phone: "84987654321",
    template_id: "300001",
    template_data: { ma_ho_so: "HS-2025-000123", trang_thai: "Đã có kết quả", thu_tuc: "Cấp bản sao" },
    tracking_id: "hs-000123-done",
  };

  it("describes its templates", async () => {
    const info = await zalo("/business/template/info/v2?template_id=300001");
    expect(info.data).toMatchObject({ template_id: "300001", status: "ENABLE" });
    const names = (info.data as { listParams: { name: string }[] }).listParams.map((param) => param.name);
    expect(names).toEqual(["ma_ho_so", "trang_thai", "thu_tuc"]);
    expect(await zalo("/business/template/info/v2?template_id=1")).toMatchObject({ error: -109 });
  });

  it("sends, counts the daily quota, and never stores the phone number raw", async () => {
    const first = await send(valid);
    expect(first).toEqual({
      error: 0,
      message: "Success",
      data: {
        msg_id: expect.stringMatching(/^[0-9a-f]{20}$/),
        sent_time: expect.stringMatching(/^\d{13}$/),
        sending_mode: "1",
        quota: { dailyQuota: "500", remainingQuota: "499" },
      },
    });
    const second = await send({ ...valid, phone: "+84912345678" });
    expect(second.data).toMatchObject({ quota: { remainingQuota: "498" } });
    const zns = (await rows("sandbox_sent_messages")).filter((row) => row.channel === "zns");
    expect(zns.map((row) => row.recipient)).toEqual(["0987 ••• 321", "0912 ••• 678"]);
    const payload = zns[0]?.payload as { phone: string; tracking_id: string };
    expect(payload.phone).toBe("0987 ••• 321");
    expect(payload.tracking_id).toBe("hs-000123-done");
    const everything = JSON.stringify((await sqlRows(db(), sql`select * from sandbox_sent_messages`)).rows);
    expect(everything).not.toMatch(/(84|0)(987654321|912345678)/);
  });

  it("refuses a bad phone (-108), tracking id (-122), data (-112), token (-124); then the quota (-144)", async () => {
    for (const phone of ["0987654321", "84112345678", "8498765432"]) {
      expect(await send({ ...valid, phone })).toMatchObject({ error: -108 });
    }
    expect(await send({ ...valid, tracking_id: undefined })).toMatchObject({ error: -122 });
    expect(await send({ ...valid, tracking_id: "x".repeat(49) })).toMatchObject({ error: -122 });
    expect(await send({ ...valid, template_data: { ma_ho_so: "HS" } })).toMatchObject({ error: -112 });
    expect(await send(valid, { token: "made-up", proof: null })).toMatchObject({ error: -124 });
    expect(await send(valid, { proof: "00" })).toMatchObject({ error: -124 });
    await db().execute(sql`insert into sandbox_sent_messages (channel, recipient, message_id, payload)
      select 'zns', '•••', 'filler' || n, '{}'::jsonb from generate_series(1, 498) as n`);
    expect(await send(valid)).toMatchObject({ error: -144 });
    await db().execute(sql`delete from sandbox_sent_messages where message_id like 'filler%'`);
  });
});

describe("the followers repo the chat page uses", () => {
  it("upserts, records interactions forwards only, follows and unfollows", async () => {
    const created = await upsertOaUser(db(), { displayName: "Lê Văn Mới" });
    expect(created).toMatchObject({ following: false, lastInteractionAt: null, tags: [] });
    expect(created.id).toMatch(/^[1-9]\d{18}$/);
    const renamed = await upsertOaUser(db(), { id: created.id, displayName: "Lê Văn Đổi Tên" });
    expect(renamed).toMatchObject({ id: created.id, displayName: "Lê Văn Đổi Tên", following: false });
    const now = new Date();
    await recordInteraction(db(), { oaUserId: created.id, at: now });
    const late = await recordInteraction(db(), { oaUserId: created.id, at: new Date(now.getTime() - DAY) });
    expect(late?.lastInteractionAt?.getTime()).toBe(now.getTime());
    const later = new Date(now.getTime() + 1000);
    expect(await setFollowing(db(), { oaUserId: created.id, following: true, at: later })).toMatchObject({
      following: true,
      lastInteractionAt: later,
    });
    const unfollowed = await setFollowing(db(), { oaUserId: created.id, following: false, at: new Date() });
    expect(unfollowed).toMatchObject({ following: false, lastInteractionAt: later });
    expect((await listOaUsers(db())).map((user) => user.id)).toContain(created.id);
    expect(await recordInteraction(db(), { oaUserId: "1", at: now })).toBeUndefined();
  });
});
