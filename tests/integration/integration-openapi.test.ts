import {
  DOSSIER_STATUS_INFO,
  dossierCodeSchema,
  ERROR_TABLE,
  errorBodySchema,
  INTEGRATION_API_KEY_HEADER,
  INTEGRATION_BASE_PATH,
  INTEGRATION_SIGNATURE_HEADER,
  INTEGRATION_TIMESTAMP_HEADER,
  pullQuerySchema,
  pullResponseSchema,
  statusEventBodySchema,
  statusEventResponseSchema,
} from "@dvc/shared";
import { compileErrors, validate } from "@readme/openapi-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIntegrationKey, expectedSignature } from "../../bot-server/src/modules/integration";
import type { OpenApiDocument, OpenApiOperation } from "../../bot-server/src/modules/integration/openapi";
import { signingExample } from "../../bot-server/src/modules/integration/openapi-examples";
import {
  API_KEY_HEADER,
  createIntegrationClient,
  SIGNATURE_HEADER,
  sign,
  TIMESTAMP_HEADER,
} from "../../scripts/integration-client";
import { type FreshDatabase, freshDatabase } from "../support/database";
import { buildTestApp, type ServedApp, serveOverHttp, type TestApp } from "../support/in-process-app";

/**
 * The integration API's OpenAPI document and reference page (issue 14): the document validates, covers
 * every route the app serves under /api/integration/v1, and its examples pass the routes' own validation
 * when sent, signed by the reference client, to the real app over HTTP.
 */

const PUBLIC_URL = "https://dvc.example.vn";
const COMMUNE = "00070";

let database: FreshDatabase;
let test: TestApp;
let served: ServedApp;
let document: OpenApiDocument;
let client: ReturnType<typeof createIntegrationClient>;

beforeAll(async () => {
  database = await freshDatabase();
  test = buildTestApp(database.handle, { PUBLIC_URL });
  served = await serveOverHttp(test.app.fetch);
  const created = await createIntegrationKey(database.handle.db, test.sealer, {
    name: "Một cửa thử OpenAPI",
    communeCodes: [COMMUNE],
    now: new Date(),
  });
  if ("error" in created) throw new Error(`key not created: ${created.error}`);
  client = createIntegrationClient({
    baseUrl: served.baseUrl,
    apiKey: created.apiKey,
    secret: created.secret,
  });
  const response = await fetch(`${served.baseUrl}/api/integration/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
});

afterAll(async () => {
  await served?.close();
  test?.cleanup();
  await database?.drop();
});

function operations(): { method: string; path: string; operation: OpenApiOperation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ method, path, operation })),
  );
}

function operation(operationId: string): { path: string; operation: OpenApiOperation } {
  const found = operations().find((entry) => entry.operation.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

function example(op: OpenApiOperation, name: string): string {
  const value = op.parameters.find((p) => p.name === name)?.example;
  if (typeof value !== "string") throw new Error(`no example for ${name}`);
  return value;
}

describe("GET /api/integration/openapi.json", () => {
  it("is an OpenAPI 3.1.0 document that @readme/openapi-parser validates", async () => {
    expect(document.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(document) as never);
    expect(result.valid, result.valid ? "" : compileErrors(result)).toBe(true);
  });

  it("names this server from config.publicUrl", () => {
    expect(document.servers.map((server) => server.url)).toEqual([PUBLIC_URL]);
  });

  it("describes the three signed headers as apiKey header schemes, all required together", () => {
    const schemes = Object.values(document.components.securitySchemes);
    expect(schemes.map((scheme) => [scheme.type, scheme.in, scheme.name])).toEqual([
      ["apiKey", "header", INTEGRATION_API_KEY_HEADER],
      ["apiKey", "header", INTEGRATION_TIMESTAMP_HEADER],
      ["apiKey", "header", INTEGRATION_SIGNATURE_HEADER],
    ]);
    expect(document.security).toEqual([
      Object.fromEntries(Object.keys(document.components.securitySchemes).map((name) => [name, []])),
    ]);
    expect(document.info.description).toContain("HMAC-SHA256");
  });

  it("lists every route the app serves under /api/integration/v1, and no other", () => {
    const routes = test.app.routes
      .filter((route) => route.method !== "ALL" && route.path.startsWith(`${INTEGRATION_BASE_PATH}/`))
      .map((route) => `${route.method} ${route.path}`);
    const documented = operations().map(
      ({ method, path }) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`,
    );
    expect(routes.length).toBeGreaterThan(0);
    expect(new Set(documented)).toEqual(new Set(routes));
  });

  it("answers the status change with 200, 400, 401, 404, 409 and 429, each error with the envelope", () => {
    const { operation: post } = operation("postDossierStatus");
    expect(Object.keys(post.responses)).toEqual(
      expect.arrayContaining(["200", "400", "401", "404", "409", "429"]),
    );
    for (const { operation: op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        const media = response.content["application/json"];
        if (status === "200") continue;
        expect(media.schema, status).toEqual({ $ref: "#/components/schemas/ErrorBody" });
        const body = errorBodySchema.parse(media.example);
        // The example's code is one the server answers with this status.
        expect(ERROR_TABLE[body.code].status, body.code).toBe(Number(status));
      }
    }
  });

  it("has examples the shared schemas accept", () => {
    const { operation: post } = operation("postDossierStatus");
    expect(dossierCodeSchema.safeParse(example(post, "code")).success).toBe(true);
    statusEventBodySchema.parse(post.requestBody?.content["application/json"].example);
    statusEventResponseSchema.parse(post.responses["200"]?.content["application/json"].example);
    const { operation: list } = operation("listDossiers");
    pullResponseSchema.parse(list.responses["200"]?.content["application/json"].example);
    const query = Object.fromEntries(
      list.parameters.filter((p) => p.example !== undefined).map((p) => [p.name, String(p.example)]),
    );
    expect(pullQuerySchema.safeParse(query).success).toBe(true);
  });
});

describe("requests built from the document's examples", () => {
  it("POST status: the example body passes the route's validation (404: no such dossier here)", async () => {
    const { operation: post } = operation("postDossierStatus");
    const body = statusEventBodySchema.parse(post.requestBody?.content["application/json"].example);
    const answer = await client.postStatus(example(post, "code"), body);
    expect(answer.status).toBe(404);
    expect(errorBodySchema.parse(answer.body).code).toBe("NOT_FOUND");
    // The control: the same request with a status the schema refuses stops at validation.
    const refused = await client.postStatus(example(post, "code"), { ...body, status: 11 });
    expect(refused.status).toBe(400);
    expect(errorBodySchema.parse(refused.body)).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("GET dossiers: the example query passes the route's validation and the answer its schema", async () => {
    const { operation: list } = operation("listDossiers");
    const answer = await client.listDossiers(example(list, "updatedSince"));
    expect(answer.status).toBe(200);
    expect(pullResponseSchema.parse(answer.body).nextCursor).toBeNull();
    const refused = await client.listDossiers("yesterday");
    expect(refused.status).toBe(400);
  });
});

describe("the reference client and the documented signature", () => {
  it("uses the server's header names", () => {
    expect([API_KEY_HEADER, TIMESTAMP_HEADER, SIGNATURE_HEADER]).toEqual([
      INTEGRATION_API_KEY_HEADER,
      INTEGRATION_TIMESTAMP_HEADER,
      INTEGRATION_SIGNATURE_HEADER,
    ]);
  });

  it("signs the worked example exactly as the server checks it", () => {
    const worked = signingExample();
    expect(sign(worked.secret, worked.timestamp, worked.rawBody)).toBe(worked.signature);
    expect(expectedSignature(worked.secret, worked.timestamp, worked.rawBody)).toBe(worked.signature);
    expect(worked.signingInput).toBe(`${worked.timestamp}.${worked.rawBody}`);
    expect(document.info.description).toContain(worked.signature);
  });
});

describe("GET /api/integration/docs", () => {
  it("renders the reference page: each operation, the signing recipe, the errors; no script, no CDN", async () => {
    const response = await fetch(`${served.baseUrl}/api/integration/docs`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain("script-src");
    const html = await response.text();
    for (const { method, path, operation: op } of operations()) {
      expect(html).toContain(`id="${op.operationId}"`);
      expect(html).toContain(`${method.toUpperCase()}</span> <code>${path}</code>`);
    }
    expect(html).toContain(signingExample().signature);
    for (const status of ["400", "401", "404", "409", "429"]) expect(html).toContain(`<td>${status}</td>`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="https?:/i);
    expect(html).toContain('href="/api/integration/openapi.json"');
    expect(html).toContain(String(DOSSIER_STATUS_INFO.processing.nationalCode));
  });
});
