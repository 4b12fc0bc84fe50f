import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../lib/logger";
import { createOaClient } from "./oa-client";
import type { OaTokenStore } from "./oa-token-store";

/**
 * The OA client's GMF calls (zalo-oa.md §0/§5) against msw: an image post with a caption, the group list
 * page by page, one group, creating a group on an asset, and the group quota ([U] shape, oa-contract.ts).
 */

const BASE = "https://openapi.unit.test";
const GROUP = "df7d5a31765c9f02c64d";
const mock = setupServer();
const store: OaTokenStore = { getAccessToken: async () => "tok", forceRefresh: async () => "tok" };
const client = () =>
  createOaClient({
    baseUrl: BASE,
    appSecret: "s",
    tokens: store,
    logger: createLogger("error", {}, () => {}),
  });

beforeAll(() => mock.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.resetHandlers());
afterAll(() => mock.close());

describe("OA client: groups (GMF)", () => {
  it("posts an uploaded image with the text as its caption (template/media, §5)", async () => {
    let body: unknown;
    mock.use(
      http.post(`${BASE}/v3.0/oa/group/message`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ error: 0, data: { message_id: "g2", group_id: GROUP } });
      }),
    );
    expect(await client().sendGroupImage(GROUP, "att-1", "Lịch cắt nước")).toEqual({ messageId: "g2" });
    expect(body).toEqual({
      recipient: { group_id: GROUP },
      message: {
        text: "Lịch cắt nước",
        attachment: {
          type: "template",
          payload: { template_type: "media", elements: [{ media_type: "image", attachment_id: "att-1" }] },
        },
      },
    });
  });

  it("reads a page of groups by offset and count, the name as name or group_name", async () => {
    let query: URLSearchParams | undefined;
    mock.use(
      http.get(`${BASE}/v3.0/oa/group/getgroupsofoa`, ({ request }) => {
        query = new URL(request.url).searchParams;
        return HttpResponse.json({
          error: 0,
          data: {
            total: 2,
            groups: [
              { group_id: GROUP, name: "Tổ 5", status: "enabled", group_link: "https://zalo.me/g/x" },
              { group_id: "ab12", group_name: "Tổ 6" },
            ],
          },
        });
      }),
    );
    const page = await client().getGroupsOfOa(50, 50);
    expect(query?.get("offset")).toBe("50");
    expect(query?.get("count")).toBe("50");
    expect(page).toEqual({
      total: 2,
      groups: [
        {
          groupId: GROUP,
          name: "Tổ 5",
          description: null,
          status: "enabled",
          groupLink: "https://zalo.me/g/x",
        },
        { groupId: "ab12", name: "Tổ 6", description: null, status: "enabled", groupLink: null },
      ],
    });
  });

  it("reads one group, under data.group_info or data", async () => {
    mock.use(
      http.get(`${BASE}/v3.0/oa/group/getgroup`, ({ request }) =>
        HttpResponse.json({
          error: 0,
          data: { group_info: { group_id: new URL(request.url).searchParams.get("group_id"), name: "Tổ 5" } },
        }),
      ),
    );
    expect(await client().getGroup(GROUP)).toMatchObject({ groupId: GROUP, name: "Tổ 5" });
  });

  it("creates a group on an asset with its first members and reads group_id and group_link", async () => {
    let body: unknown;
    mock.use(
      http.post(`${BASE}/v3.0/oa/group/creategroupwithoa`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({
          error: 0,
          data: { group_id: "new1", group_link: "https://zalo.me/g/new1" },
        });
      }),
    );
    const created = await client().createGroupWithOa({
      name: "Tổ 7",
      description: null,
      assetId: "asset-9",
      memberUserIds: ["2468458835296197922"],
    });
    expect(created).toEqual({ groupId: "new1", groupLink: "https://zalo.me/g/new1" });
    expect(body).toEqual({
      group_name: "Tổ 7",
      asset_id: "asset-9",
      member_user_ids: ["2468458835296197922"],
    });
  });

  it("counts only the assets not used yet, whichever of the two [U] shapes Zalo answers", async () => {
    const assets = [
      { asset_id: "a1", product_type: "gmf10", status: "available" },
      { asset_id: "a2", product_type: "gmf10", status: "used" },
      { asset_id: "a3", is_used: true },
      { asset_id: "a4" },
    ];
    mock.use(http.post(`${BASE}/v3.0/oa/quota/group`, () => HttpResponse.json({ error: 0, data: assets })));
    expect(await client().getGroupQuota()).toEqual({ availableAssetIds: ["a1", "a4"] });
    mock.use(
      http.post(`${BASE}/v3.0/oa/quota/group`, () => HttpResponse.json({ error: 0, data: { assets } })),
    );
    expect(await client().getGroupQuota()).toEqual({ availableAssetIds: ["a1", "a4"] });
  });
});
