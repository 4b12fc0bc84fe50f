import {
  dossierCodeSchema,
  type ErrorCode,
  INTEGRATION_API_KEY_HEADER,
  INTEGRATION_BASE_PATH,
  INTEGRATION_SIGNATURE_HEADER,
  INTEGRATION_TIMESTAMP_HEADER,
  integrationErrorBodySchema,
  pullQuerySchema,
  pullResponseSchema,
  statusEventBodySchema,
  statusEventResponseSchema,
} from "@dvc/shared";
import { z } from "zod";
import {
  describeApi,
  EXAMPLE_DOSSIER_CODE,
  EXAMPLE_PULL_QUERY,
  EXAMPLE_PULL_RESPONSE,
  EXAMPLE_STATUS_BODY,
  EXAMPLE_STATUS_RESPONSE,
  errorExample,
  SIGNING_RECIPE,
} from "./openapi-examples";

/**
 * The integration API's OpenAPI 3.1 document (issue 14), generated from the zod schemas the routes
 * validate with (shared/src/api/integration.ts) by zod's own z.toJSONSchema: JSON Schema 2020-12 is
 * OpenAPI 3.1's schema dialect, so the shapes are never written twice. The examples are typed by the
 * same schemas' types, and the test parses them with the schemas themselves.
 */

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiParameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  description: string;
  schema: JsonSchema;
  example?: unknown;
}

export interface OpenApiMediaType {
  schema: JsonSchema;
  example: unknown;
}

export interface OpenApiResponse {
  description: string;
  content: { "application/json": OpenApiMediaType };
}

export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  parameters: OpenApiParameter[];
  requestBody?: { required: true; content: { "application/json": OpenApiMediaType } };
  responses: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, { get?: OpenApiOperation; post?: OpenApiOperation }>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, { type: "apiKey"; in: "header"; name: string; description: string }>;
  };
}

/** A zod schema as a JSON Schema 2020-12 object without its `$schema` (the document's dialect says it). */
function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const generated: JsonSchema = z.toJSONSchema(schema, { io, unrepresentable: "any" });
  delete generated.$schema;
  return generated;
}

const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

// ---- Responses ----

const ERROR_RESPONSES = {
  "400": [
    "VALIDATION_FAILED",
    "The body or query failed validation (`fields` names each field), e.g. a status that needs a `note` (3, 5, 8, 9) without one. Also MALFORMED_JSON. Fix the request; do not retry it unchanged.",
  ],
  "401": [
    "UNAUTHENTICATED",
    "Unknown or revoked key, a wrong signature, or X-Timestamp more than 5 minutes from the server's clock: one answer for all, and nothing changed. Check your clock, key and secret, and that you signed the exact bytes sent.",
  ],
  "404": [
    "NOT_FOUND",
    "No dossier with this code in the communes this key is for (another commune's dossier answers the same). Nothing changed.",
  ],
  "409": [
    "CONFLICT",
    "This eventId was already used with another body (each change needs its own eventId), or the status machine does not allow this move from the dossier's current status. Nothing changed.",
  ],
  "413": ["PAYLOAD_TOO_LARGE", "The body is over 16 KB."],
  "429": [
    "RATE_LIMITED",
    "Too many requests from this key (20 a second, 600 a minute) or address; `retryAfterSeconds` says how long to wait.",
  ],
} as const satisfies Record<string, readonly [ErrorCode, string]>;

type ErrorStatus = keyof typeof ERROR_RESPONSES;

function errorResponses(statuses: readonly ErrorStatus[]): Record<string, OpenApiResponse> {
  const responses: Record<string, OpenApiResponse> = {};
  for (const status of statuses) {
    const [code, description] = ERROR_RESPONSES[status];
    responses[status] = {
      description,
      content: { "application/json": { schema: ref("ErrorBody"), example: errorExample(code) } },
    };
  }
  return responses;
}

/** Query parameters from an object schema's generated properties (`required` as the schema says). */
function queryParameters(
  schema: JsonSchema,
  descriptions: Record<string, string>,
  example: Record<string, string>,
) {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(
    ([name, property]): OpenApiParameter => ({
      name,
      in: "query",
      required: required.has(name),
      description: descriptions[name] ?? "",
      schema: property,
      ...(example[name] === undefined ? {} : { example: example[name] }),
    }),
  );
}

function postStatusOperation(): OpenApiOperation {
  return {
    operationId: "postDossierStatus",
    summary: "Report a dossier's status change / Cập nhật trạng thái hồ sơ",
    description:
      "Moves the dossier to the national status `status` (1–10), checked by the same status machine as the officer area, and sends the resident the same Zalo message. Idempotent by `eventId`: sending the same eventId and body again answers the first answer (`replayed: true`) and changes nothing.",
    tags: ["dossiers"],
    parameters: [
      {
        name: "code",
        in: "path",
        required: true,
        description: "The dossier's code (mã hồ sơ) as on the resident's receipt.",
        schema: jsonSchemaOf(dossierCodeSchema, "input"),
        example: EXAMPLE_DOSSIER_CODE,
      },
    ],
    requestBody: {
      required: true,
      content: { "application/json": { schema: ref("StatusEventBody"), example: EXAMPLE_STATUS_BODY } },
    },
    responses: {
      "200": {
        description: "The dossier's status after the move (the first answer again on a replayed eventId).",
        content: {
          "application/json": { schema: ref("StatusEventResponse"), example: EXAMPLE_STATUS_RESPONSE },
        },
      },
      ...errorResponses(["400", "401", "404", "409", "413", "429"]),
    },
  };
}

function listDossiersOperation(): OpenApiOperation {
  return {
    operationId: "listDossiers",
    summary: "Pull dossiers updated since a time / Lấy hồ sơ mới cập nhật",
    description:
      "The dossiers of this key's communes updated at or after `updatedSince`, oldest first, a page at a time: pass `nextCursor` as `cursor` until it is null.",
    tags: ["dossiers"],
    parameters: queryParameters(
      jsonSchemaOf(pullQuerySchema, "input"),
      {
        updatedSince: "ISO-8601 date-time with offset; dossiers updated at or after it.",
        cursor: "The previous page's `nextCursor` (opaque).",
        limit: "Page size.",
      },
      EXAMPLE_PULL_QUERY,
    ),
    responses: {
      "200": {
        description: "One page of dossiers.",
        content: { "application/json": { schema: ref("PullResponse"), example: EXAMPLE_PULL_RESPONSE } },
      },
      ...errorResponses(["400", "401", "429"]),
    },
  };
}

/** The document, for the server reachable at `publicUrl` (config.publicUrl). */
export function buildIntegrationOpenApi(publicUrl: string): OpenApiDocument {
  const securityScheme = (name: string, description: string) =>
    ({ type: "apiKey", in: "header", name, description }) as const;
  return {
    openapi: "3.1.0",
    info: {
      title: "DVC Zalo — Integration API (one-stop systems)",
      version: "1.0.0",
      description: describeApi(),
    },
    servers: [{ url: publicUrl, description: "This server" }],
    tags: [{ name: "dossiers", description: "Dossiers filed through Zalo" }],
    security: [{ ApiKey: [], Timestamp: [], Signature: [] }],
    paths: {
      [`${INTEGRATION_BASE_PATH}/dossiers/{code}/status`]: { post: postStatusOperation() },
      [`${INTEGRATION_BASE_PATH}/dossiers`]: { get: listDossiersOperation() },
    },
    components: {
      schemas: {
        StatusEventBody: jsonSchemaOf(statusEventBodySchema, "input"),
        StatusEventResponse: jsonSchemaOf(statusEventResponseSchema, "output"),
        PullResponse: jsonSchemaOf(pullResponseSchema, "output"),
        // "input": without additionalProperties false, since a 429 adds retryAfterSeconds.
        ErrorBody: jsonSchemaOf(integrationErrorBodySchema, "input"),
      },
      securitySchemes: {
        ApiKey: securityScheme(INTEGRATION_API_KEY_HEADER, "The key's public part."),
        Timestamp: securityScheme(INTEGRATION_TIMESTAMP_HEADER, SIGNING_RECIPE[0]),
        Signature: securityScheme(INTEGRATION_SIGNATURE_HEADER, SIGNING_RECIPE[1]),
      },
    },
  };
}
