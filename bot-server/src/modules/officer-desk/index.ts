/** The officer desk: the inbox, a dossier, moving it on. Mounted by app.ts at /api/officer. */

export { type AuditAction, recordAudit } from "./audit";
export { returnUnansweredHandovers, startHandoverTimeouts } from "./handover-timeout";
export { type InboxFilter, listInbox } from "./inbox-repo";
export { officerRoutes } from "./routes";
