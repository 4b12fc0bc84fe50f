import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot-server/src/app";
import { oaGroups } from "../../bot-server/src/db/schema";
import { createGroupsService } from "../../bot-server/src/modules/broadcast";
import { createOaClient, type OaClient } from "../../bot-server/src/zalo/oa-client";
import { createOaTokenStore } from "../../bot-server/src/zalo/oa-token-store";
import { SEEDED_GROUPS } from "../../bot-server/src/zalo-sandbox/oa-groups-repo";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";
import { solidPng } from "../support/test-png";

/**
 * The OA client's GMF calls and the groups registry over HTTP against the Zalo sandbox (its GMF answers,
 * zalo-sandbox/openapi-groups.ts): the seeded groups sync, an asset is read and used to create a group,
 * and an uploaded image is posted into a group with its caption.
 */

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;
let client: OaClient;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  const deps = { config: test.config, database: database.handle, logger: test.logger, sealer: test.sealer };
  const app = createApp(deps);
  app.route("/sandbox", sandboxRoutes(deps));
  served = await serveOverHttp(app.fetch);
  const { zalo } = test.config;
  const tokens = createOaTokenStore({
    db: database.handle.db,
    sealer: test.sealer,
    logger: test.logger,
    oaId: zalo.oaId,
    appId: zalo.appId,
    appSecret: zalo.appSecret,
    seedRefreshToken: zalo.oaRefreshToken,
    oauthBaseUrl: `${served.baseUrl}/sandbox/oauth`,
  });
  client = createOaClient({
    baseUrl: `${served.baseUrl}/sandbox/openapi`,
    appSecret: zalo.appSecret,
    tokens,
    logger: test.logger,
  });
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

describe("groups registry against the sandbox", () => {
  it("syncs the seeded groups, creates one on an available asset, and posts an image with a caption", async () => {
    const service = createGroupsService({ db: database.handle.db, logger: test.logger, oa: client });
    const { found } = await service.syncFromZalo();
    expect(found).toBeGreaterThanOrEqual(SEEDED_GROUPS.length);
    const stored = await database.handle.db.select().from(oaGroups);
    for (const seeded of SEEDED_GROUPS)
      expect(stored.find((row) => row.groupId === seeded.id)).toMatchObject({ name: seeded.name });

    const before = (await client.getGroupQuota()).availableAssetIds;
    expect(before.length).toBeGreaterThan(0);
    const created = await client.createGroupWithOa({
      name: "Tổ dân phố 9",
      description: null,
      assetId: before[0] ?? "",
      memberUserIds: ["2468458835296197922"],
    });
    expect(await client.getGroup(created.groupId)).toMatchObject({
      groupId: created.groupId,
      name: "Tổ dân phố 9",
    });
    expect((await client.getGroupQuota()).availableAssetIds).toEqual(before.slice(1));

    const attachmentId = await client.uploadImage({ bytes: solidPng(32, 32), contentType: "image/png" });
    const sent = await client.sendGroupImage(SEEDED_GROUPS[0].id, attachmentId, "Lịch cắt nước thứ Bảy");
    expect(sent.messageId).toMatch(/^\w+$/);
  });
});
