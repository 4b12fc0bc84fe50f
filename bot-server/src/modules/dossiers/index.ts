/**
 * The dossiers module's public face for other modules: the officer area moves and reads dossiers through
 * these (the citizen routes are mounted by app.ts from routes.ts).
 */

export { type CommuneDossier, readCommuneDossier } from "./commune-read";
export {
  type IntegrationMove,
  type IntegrationMoved,
  moveDossierByIntegration,
  ONE_STOP_ACTOR,
} from "./integration-move";
export { backfillNameTerms } from "./name-terms-backfill";
export { apologizeByOfficer, type OfficerApologyInput } from "./officer-apology";
export { moveDossierByOfficer, type OfficerMove } from "./officer-move";
export { dossierNoticeKey } from "./outbox-hook";
export {
  type DossierEventRow,
  type DossierWithTitle,
  listEvents,
  procedureTitleSql,
  procedureVersionOfDossier,
} from "./repo";
export { type ResolutionPatch, resolutionOf } from "./resolution";
export { backfillResolutions } from "./resolution-backfill";
export { findResultFile, PENDING_RESULT_FIELD_ID, RESULT_FIELD_ID } from "./result-file";
export { pendingSupplement } from "./supplement-record";
