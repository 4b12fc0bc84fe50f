import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../bot-server/src/app";
import { sandboxOaUploads } from "../../bot-server/src/db/schema";
import { createSealer } from "../../bot-server/src/lib/crypto";
import { createOaClient, type OaClient } from "../../bot-server/src/zalo/oa-client";
import { OaError } from "../../bot-server/src/zalo/oa-error";
import { createOaTokenStore } from "../../bot-server/src/zalo/oa-token-store";
import { upsertOaUser } from "../../bot-server/src/zalo-sandbox/oa-users-repo";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";
import { solidPng } from "../support/test-png";

/** The OA client's image upload and tag calls, over HTTP against the Zalo sandbox (Zalo's rules). */

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;
let client: OaClient;
const USER = "4455667788990011223";

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle);
  const sealer = createSealer(test.config.dataEncryptionKey);
  const deps = { config: test.config, database: database.handle, logger: test.logger, sealer };
  const app = createApp(deps);
  app.route("/sandbox", sandboxRoutes(deps));
  served = await serveOverHttp(app.fetch);
  const { zalo } = test.config;
  const tokens = createOaTokenStore({
    db: database.handle.db,
    sealer,
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
  await upsertOaUser(database.handle.db, { id: USER, displayName: "Trần Thị Bình", following: true });
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

describe("OA client: uploads and tags", () => {
  it("uploads a PNG as multipart and gets a string attachment id", async () => {
    const attachmentId = await client.uploadImage({ bytes: solidPng(64, 64), contentType: "image/png" });
    expect(attachmentId).toMatch(/^[\w-]+$/);
    const [upload] = await database.handle.db.select().from(sandboxOaUploads);
    expect(upload).toMatchObject({ id: attachmentId, kind: "image", contentType: "image/png" });
  });

  it("refuses an image over 1 MB before calling Zalo", async () => {
    const error = await client
      .uploadImage({ bytes: new Uint8Array(1024 * 1024 + 1), contentType: "image/jpeg" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OaError);
    expect((error as OaError).kind).toBe("invalid");
  });

  it("bytes that are not the image they claim: Zalo's refusal in a 200 body becomes an OaError", async () => {
    const error = await client
      .uploadImage({ bytes: new TextEncoder().encode("not a picture"), contentType: "image/png" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OaError);
    expect((error as OaError).kind).toBe("rejected");
  });

  it("tags a follower, lists the OA's tags, removes the tag", async () => {
    await client.tagFollower(USER, "da-nop-khai-sinh");
    expect(await client.listTags()).toContain("da-nop-khai-sinh");
    await client.untagFollower(USER, "da-nop-khai-sinh");
    expect(await client.listTags()).not.toContain("da-nop-khai-sinh");
  });
});
