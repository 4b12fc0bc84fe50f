/**
 * The integration API for one-stop systems (issue 14): routes mounted by app.ts at /api/integration/v1,
 * and the key commands of the admin CLI.
 */
export { type CreatedIntegrationKey, createIntegrationKey, revokeIntegrationKeys } from "./keys";
export { integrationRoutes, MAX_INTEGRATION_BODY_BYTES } from "./routes";
export { expectedSignature } from "./signature";
