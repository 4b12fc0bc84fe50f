import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, vi } from "vitest";
import { createApp } from "../../bot-server/src/app";
import type { Config } from "../../bot-server/src/config";
import type { Database } from "../../bot-server/src/db/client";
import type { AppDeps } from "../../bot-server/src/http/env";
import { createSealer, type Sealer } from "../../bot-server/src/lib/crypto";
import { createOaClient, type OaClient } from "../../bot-server/src/zalo/oa-client";
import { appsecretProof } from "../../bot-server/src/zalo/oa-contract";
import { OaError } from "../../bot-server/src/zalo/oa-error";
import { createOaTokenStore, type OaTokenStore } from "../../bot-server/src/zalo/oa-token-store";
import { type SandboxOaUser, upsertOaUser } from "../../bot-server/src/zalo-sandbox/oa-users-repo";
import { sandboxRoutes } from "../../bot-server/src/zalo-sandbox/routes";
import { sqlRows } from "./citizen-client";
import { type FreshDatabase, freshDatabase } from "./database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "./in-process-app";

/**
 * The sandbox's OA Open API, OAuth v4 and ZNS hosts over HTTP, for tests that drive them with the REAL
 * product clients (createOaTokenStore + createOaClient) or with plain requests. `useSandboxOaHarness()`
 * gives the calling test file its own database and server (beforeAll/afterAll); each server "restart" is
 * a new app over the same database.
 */

export const DAY = 24 * 60 * 60 * 1000;

export interface CallOptions {
  method?: "GET" | "POST";
  body?: unknown;
  form?: FormData;
  token?: string;
  proof?: string | null;
  baseUrl?: string;
}

export type SandboxTable = "sandbox_sent_messages" | "sandbox_oa_tokens" | "oa_tokens";

export interface SandboxOaHarness {
  /** Every answer the product's clients received, raw, in order (empty it with `answers.length = 0`). */
  answers: { path: string; body: Record<string, unknown> }[];
  db(): Database;
  sealer(): Sealer;
  config(): Config;
  /** What server.ts gives the app and the /sandbox routes, over the file's database. */
  deps(): AppDeps;
  /** Another sandbox server (createApp + /sandbox, as server.ts mounts it) over the file's database. */
  startSandbox(config?: Config): Promise<ServedApp>;
  /** Closes the server the helpers call and starts a new one over the same database, as a real restart. */
  restart(): Promise<void>;
  /** The product's token store and OA client, as one server process builds them, pointed at `baseUrl`. */
  product(baseUrl?: string): { tokens: OaTokenStore; client: OaClient };
  /** A plain request to a sandbox host with the product's current OA token; the body of its HTTP 200. */
  zalo(path: string, options?: CallOptions): Promise<Record<string, unknown>>;
  /** A form POST to the OAuth v4 access_token endpoint; the body of its HTTP 200. */
  oauth(form: Record<string, string>, secret?: string): Promise<Record<string, unknown>>;
  refreshForm(refreshToken: string): { refresh_token: string; app_id: string; grant_type: string };
  /** The OaError a promise rejects with (the test fails if it resolves or rejects otherwise). */
  failure(promise: Promise<unknown>): Promise<OaError>;
  /** A following OA user who last wrote `daysAgo` days ago (null: never). */
  resident(daysAgo: number | null, name?: string): Promise<SandboxOaUser>;
  rows(table: SandboxTable): Promise<Record<string, unknown>[]>;
  sentTo(recipient: string): Promise<Record<string, unknown>[]>;
  /** Runs `close` in afterAll, before the database is dropped. */
  onClose(close: () => Promise<void> | void): void;
}

/** Registers the file's lifecycle (own database, served app, real timers after each test). */
export function useSandboxOaHarness(): SandboxOaHarness {
  let database: FreshDatabase;
  let test: TestApp;
  let served: ServedApp;
  const closers: (() => Promise<void> | void)[] = [];
  const answers: SandboxOaHarness["answers"] = [];

  const db = () => database.handle.db;
  const sealer = () => createSealer(test.config.dataEncryptionKey);
  const config = () => test.config;
  const deps = (): AppDeps => ({
    config: test.config,
    database: database.handle,
    logger: test.logger,
    sealer: sealer(),
  });

  async function recordingFetch(input: string, init: RequestInit): Promise<Response> {
    const response = await fetch(input, init);
    answers.push({
      path: new URL(input).pathname,
      body: (await response.clone().json()) as Record<string, unknown>,
    });
    return response;
  }

  async function startSandbox(config: Config = test.config): Promise<ServedApp> {
    const appDeps = { ...deps(), config };
    const app = createApp(appDeps);
    app.route("/sandbox", sandboxRoutes(appDeps));
    const server = await serveOverHttp(app.fetch);
    closers.push(() => server.close());
    return server;
  }

  function product(baseUrl = served.baseUrl) {
    const { zalo } = test.config;
    const tokens = createOaTokenStore({
      db: db(),
      sealer: sealer(),
      logger: test.logger,
      oaId: zalo.oaId,
      appId: zalo.appId,
      appSecret: zalo.appSecret,
      seedRefreshToken: zalo.oaRefreshToken,
      oauthBaseUrl: `${baseUrl}/sandbox/oauth`,
      fetch: recordingFetch,
    });
    const client = createOaClient({
      baseUrl: `${baseUrl}/sandbox/openapi`,
      appSecret: zalo.appSecret,
      tokens,
      logger: test.logger,
      fetch: recordingFetch,
    });
    return { tokens, client };
  }

  async function zalo(path: string, options: CallOptions = {}): Promise<Record<string, unknown>> {
    const token = options.token ?? (await product().tokens.getAccessToken());
    const headers: Record<string, string> = { access_token: token };
    const proof =
      options.proof === undefined ? appsecretProof(token, test.config.zalo.appSecret) : options.proof;
    if (proof !== null) headers.appsecret_proof = proof;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(`${options.baseUrl ?? served.baseUrl}/sandbox${path}`, {
      method: options.method ?? (options.body === undefined && !options.form ? "GET" : "POST"),
      headers,
      body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    expect(response.status, path).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  async function oauth(form: Record<string, string>, secret = test.config.zalo.appSecret) {
    const response = await fetch(`${served.baseUrl}/sandbox/oauth/v4/oa/access_token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", secret_key: secret },
      body: new URLSearchParams(form).toString(),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Record<string, unknown>;
  }

  const refreshForm = (refreshToken: string) => ({
    refresh_token: refreshToken,
    app_id: test.config.zalo.appId,
    grant_type: "refresh_token",
  });

  async function failure(promise: Promise<unknown>): Promise<OaError> {
    const error = await promise.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(OaError);
    return error as OaError;
  }

  const resident = (daysAgo: number | null, name = "Nguyễn Văn Cư Dân") =>
    upsertOaUser(db(), {
      displayName: name,
      following: true,
      ...(daysAgo === null ? {} : { lastInteractionAt: new Date(Date.now() - daysAgo * DAY) }),
    });

  async function rows(table: SandboxTable) {
    return (await sqlRows(db(), sql`select * from ${sql.identifier(table)} order by 1`)).rows;
  }

  const sentTo = async (recipient: string) =>
    (await rows("sandbox_sent_messages")).filter((row) => row.recipient === recipient);

  async function restart() {
    await served.close();
    served = await startSandbox();
  }

  beforeAll(async () => {
    database = await freshDatabase();
    test = buildTestApp(database.handle);
    test.app.route("/sandbox", sandboxRoutes(deps()));
    served = await serveOverHttp(test.app.fetch);
    closers.push(() => served.close());
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  afterAll(async () => {
    for (const close of closers) await close();
    test?.cleanup();
    await database?.drop();
  });

  return {
    answers,
    db,
    sealer,
    config,
    deps,
    startSandbox,
    restart,
    product,
    zalo,
    oauth,
    refreshForm,
    failure,
    resident,
    rows,
    sentTo,
    onClose: (close) => closers.push(close),
  };
}
