import { describe, expect, it } from "vitest";
import { SEEDED_GMF_ASSETS } from "../../bot-server/src/zalo-sandbox/gmf-assets";
import { SEEDED_GROUPS } from "../../bot-server/src/zalo-sandbox/oa-groups-repo";
import { tagOaUser, upsertOaUser } from "../../bot-server/src/zalo-sandbox/oa-users-repo";
import { useSandboxOaHarness } from "../support/sandbox-oa-harness";
import { solidPng } from "../support/test-png";

/**
 * The sandbox's GMF quota, group lookup and creation, group image posts, and the follower list by tag
 * (zalo-oa.md §0/§5/§6), driven over HTTP with plain requests: Zalo's envelope, refusals in HTTP 200.
 */

const { db, zalo, sentTo } = useSandboxOaHarness();

const dataParam = (value: unknown) => `data=${encodeURIComponent(JSON.stringify(value))}`;

interface QuotaAsset {
  asset_id: string;
  product_type: string;
  status: string;
  used_id: string;
}

async function quota(body: unknown = { quota_owner: "OA", product_type: "gmf10", quota_type: "sub_quota" }) {
  return zalo("/openapi/v3.0/oa/quota/group", { body });
}

describe("GMF quota and group creation", () => {
  it("lists the OA's assets, consumes one per group, refuses an unknown or used asset", async () => {
    const before = (await quota()).data as QuotaAsset[];
    expect(before).toHaveLength(3);
    expect(before.every((asset) => asset.status === "available" && asset.used_id === "")).toBe(true);
    expect((await quota({ quota_owner: "OA", product_type: "gmf100" })).data).toEqual([]);
    expect(await quota({ product_type: "gmf10" })).toMatchObject({ error: -201 });

    const assetId = before[0]?.asset_id ?? "";
    const create = (asset_id: string, group_name = "Tổ dân phố 7 — Phường Ba Đình") =>
      zalo("/openapi/v3.0/oa/group/creategroupwithoa", {
        body: { group_name, group_description: "Thông báo của phường", asset_id, member_user_ids: [] },
      });
    const created = await create(assetId);
    expect(created).toMatchObject({ error: 0, data: { status: "enabled" } });
    const groupId = (created.data as { group_id: string }).group_id;
    expect(groupId).toMatch(/^[0-9a-f]{20}$/);

    const after = (await quota()).data as QuotaAsset[];
    expect(after.find((asset) => asset.asset_id === assetId)).toMatchObject({
      status: "used",
      used_id: groupId,
    });
    expect(after.filter((asset) => asset.status === "available")).toHaveLength(2);
    expect(await create(assetId, "Lần hai")).toMatchObject({ error: -211 });
    expect(await create("not-an-asset")).toMatchObject({ error: -201 });

    const info = await zalo(`/openapi/v3.0/oa/group/getgroup?group_id=${groupId}`);
    expect(info.data).toMatchObject({
      group_id: groupId,
      name: "Tổ dân phố 7 — Phường Ba Đình",
      description: "Thông báo của phường",
      status: "enabled",
      asset_id: assetId,
    });
    const seeded = SEEDED_GROUPS[0].id;
    const byData = await zalo(`/openapi/v3.0/oa/group/getgroup?${dataParam({ group_id: seeded })}`);
    expect(byData.data).toMatchObject({ group_id: seeded, name: SEEDED_GROUPS[0].name, asset_id: "" });
    expect(await zalo("/openapi/v3.0/oa/group/getgroup?group_id=ffffffffffffffffffff")).toMatchObject({
      error: -201,
    });
    expect(await zalo("/openapi/v3.0/oa/group/getgroup")).toMatchObject({ error: -201 });
  });

  it("pages the OA's groups with total, offset and count", async () => {
    const second = SEEDED_GMF_ASSETS[1]?.assetId ?? "";
    await zalo("/openapi/v3.0/oa/group/creategroupwithoa", {
      body: { group_name: "Hội người cao tuổi", asset_id: second },
    });
    const page = (offset: number, count: number) =>
      zalo(`/openapi/v3.0/oa/group/getgroupsofoa?${dataParam({ offset, count })}`);
    const first = (await page(0, 2)).data as {
      total: number;
      count: number;
      offset: number;
      groups: unknown[];
    };
    expect(first).toMatchObject({ total: 4, count: 2, offset: 0 });
    expect((await page(2, 2)).data).toMatchObject({ total: 4, count: 2, offset: 2 });
    expect((await page(4, 2)).data).toMatchObject({ total: 4, count: 0, offset: 4, groups: [] });
    expect(await page(0, 51)).toMatchObject({ error: -201 });
  });
});

describe("group posts with an image", () => {
  it("accepts an uploaded image with a caption and records it; refuses an image it never issued", async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(solidPng(4, 4))]), "thong-bao.png");
    const uploaded = await zalo("/openapi/v2.0/oa/upload/image", { form });
    const attachmentId = (uploaded.data as { attachment_id: string }).attachment_id;
    const groupId = SEEDED_GROUPS[1].id;
    const imagePost = (attachment_id: string) => ({
      recipient: { group_id: groupId },
      message: {
        text: "Lịch cắt nước ngày 12/12\nXem chi tiết: https://example.vn/thong-bao",
        attachment: {
          type: "template",
          payload: { template_type: "media", elements: [{ media_type: "image", attachment_id }] },
        },
      },
    });
    const posted = await zalo("/openapi/v3.0/oa/group/message", { body: imagePost(attachmentId) });
    expect(posted).toMatchObject({ error: 0, data: { group_id: groupId } });
    expect(await sentTo(groupId)).toEqual([
      expect.objectContaining({ channel: "oa_group", payload: imagePost(attachmentId) }),
    ]);
    expect(await zalo("/openapi/v3.0/oa/group/message", { body: imagePost("never-issued") })).toMatchObject({
      error: -201,
    });
    expect(await sentTo(groupId)).toHaveLength(1);
  });
});

describe("follower list (getlist)", () => {
  it("pages followers, filters by tag and follow state, stops at Zalo's offset limit", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const user = await upsertOaUser(db(), { displayName: `Cư dân ${i}`, following: i !== 4 });
      if (i < 3) await tagOaUser(db(), { oaUserId: user.id, tag: "phuong-00004" });
      ids.push(user.id);
    }
    const list = async (query: unknown) =>
      (await zalo(`/openapi/v3.0/oa/user/getlist?${dataParam(query)}`)) as {
        error: number;
        data?: { total: number; count: number; offset: number; users: { user_id: string }[] };
      };
    const tagged = await list({ offset: 0, count: 2, tag_name: "phuong-00004", is_follower: "true" });
    expect(tagged.data).toEqual({
      total: 3,
      count: 2,
      offset: 0,
      users: [{ user_id: ids[0] }, { user_id: ids[1] }],
    });
    expect((await list({ offset: 2, count: 2, tag_name: "phuong-00004" })).data?.users).toEqual([
      { user_id: ids[2] },
    ]);
    expect((await list({ offset: 0, count: 50 })).data?.total).toBe(5);
    expect((await list({ offset: 0, count: 50, is_follower: "false" })).data?.users).toEqual([
      { user_id: ids[4] },
    ]);
    expect((await list({ offset: 0, count: 10, tag_name: "khong-ai" })).data).toMatchObject({
      total: 0,
      users: [],
    });
    expect(await list({ offset: 9952, count: 50 })).toMatchObject({ error: -201 });
    expect((await list({ offset: 9951, count: 50 })).data).toMatchObject({ offset: 9951, users: [] });
    expect(await list({ offset: 0, count: 51 })).toMatchObject({ error: -201 });
    expect(await zalo("/openapi/v3.0/oa/user/getlist?data=%7Bbroken")).toMatchObject({ error: -201 });
  });
});
