import { createHmac } from "node:crypto";
import {
  DOSSIER_STATUS_INFO,
  ERROR_TABLE,
  type ErrorBody,
  type ErrorCode,
  generateDossierCode,
  INTEGRATION_API_KEY_HEADER,
  INTEGRATION_CLOCK_SKEW_SECONDS,
  INTEGRATION_SIGNATURE_HEADER,
  INTEGRATION_TIMESTAMP_HEADER,
  integrationSigningInput,
  type PullResponse,
  type StatusEventBody,
  type StatusEventResponse,
} from "@dvc/shared";

/**
 * The OpenAPI document's examples and its signing recipe (openapi.ts), typed by the shared schemas'
 * own types; the test parses each with the schemas and sends them to the routes.
 */

// ---- Examples (typed by the schemas' own types) ----

/** A valid code (its check symbol right) for the example commune 00070. */
export const EXAMPLE_DOSSIER_CODE = generateDossierCode("00070", new Uint8Array([7, 1, 4, 2, 9, 6, 3, 5]));

export const EXAMPLE_STATUS_BODY: StatusEventBody = {
  eventId: "motcua-2026-000123",
  status: DOSSIER_STATUS_INFO.processing.nationalCode,
  at: "2026-12-07T09:30:00+07:00",
  note: "Hồ sơ đã chuyển phòng chuyên môn xử lý.",
};

export const EXAMPLE_STATUS_RESPONSE: StatusEventResponse = {
  code: EXAMPLE_DOSSIER_CODE,
  eventId: EXAMPLE_STATUS_BODY.eventId,
  status: "processing",
  nationalCode: DOSSIER_STATUS_INFO.processing.nationalCode,
  updatedAt: "2026-12-07T02:30:01.000Z",
  replayed: false,
};

/** The query of a pull, as the strings a URL carries. */
export const EXAMPLE_PULL_QUERY = { updatedSince: "2026-12-07T00:00:00+07:00", limit: "50" } as const;

export const EXAMPLE_PULL_RESPONSE: PullResponse = {
  dossiers: [
    {
      code: EXAMPLE_DOSSIER_CODE,
      procedureCode: "1.001193",
      procedureVersion: 1,
      communeCode: "00070",
      status: "submitted",
      nationalCode: DOSSIER_STATUS_INFO.submitted.nationalCode,
      submittedAt: "2026-12-07T01:15:00.000Z",
      dueAt: "2026-12-10T10:00:00.000Z",
      updatedAt: "2026-12-07T01:15:00.000Z",
      channel: "online",
      answers: { purpose: "Bổ sung hồ sơ xin việc" },
    },
  ],
  nextCursor: null,
};

/** The envelope; a 429 also says how long to wait (the route adds `retryAfterSeconds`). */
export function errorExample(code: ErrorCode): ErrorBody & { retryAfterSeconds?: number } {
  const { number, message } = ERROR_TABLE[code];
  const body = { code, number, message, requestId: "3f0d6c2e-8a41-4b7e-9d52-1c6a0e5b7f90" };
  return code === "RATE_LIMITED" ? { ...body, retryAfterSeconds: 1 } : body;
}

// ---- Signing: the recipe and a worked example (the docs page shows the same) ----

export interface SigningExample {
  secret: string;
  timestamp: string;
  rawBody: string;
  signingInput: string;
  signature: string;
}

/** Computed, never pasted: the worked example can only be right. */
export function signingExample(): SigningExample {
  const secret = "example-secret-do-not-use";
  const timestamp = "1796610600"; // 2026-12-07T02:30:00Z, the example body's `at`
  const rawBody = JSON.stringify(EXAMPLE_STATUS_BODY);
  const signingInput = integrationSigningInput(timestamp, rawBody);
  const signature = createHmac("sha256", secret).update(signingInput, "utf8").digest("hex");
  return { secret, timestamp, rawBody, signingInput, signature };
}

export const SIGNING_RECIPE = [
  `${INTEGRATION_TIMESTAMP_HEADER}: the current Unix time in seconds; refused when more than ${INTEGRATION_CLOCK_SKEW_SECONDS / 60} minutes from the server's clock.`,
  `${INTEGRATION_SIGNATURE_HEADER}: hex(HMAC-SHA256(secret, timestamp + "." + raw body)), lower-case hex; a GET signs an empty body (timestamp + ".").`,
  `${INTEGRATION_API_KEY_HEADER}: the key printed by \`npm run admin -- create-integration-key\` (the secret is printed once, beside it).`,
  "Sign the exact bytes you send: serialising the JSON again after signing changes them.",
] as const;

export function describeApi(): string {
  const example = signingExample();
  return [
    "Lets a provincial one-stop system (Một cửa điện tử) report status changes of the dossiers filed here, so the",
    "resident gets the Zalo message, and pull new online dossiers. Every request is signed:",
    "",
    ...SIGNING_RECIPE.map((line) => `- ${line}`),
    "",
    `Worked example: secret \`${example.secret}\`, timestamp \`${example.timestamp}\`, body \`${example.rawBody}\``,
    `→ ${INTEGRATION_SIGNATURE_HEADER}: \`${example.signature}\`.`,
    "",
    "Errors are one JSON envelope {code, number, message, requestId}; the message is in Vietnamese.",
  ].join("\n");
}
