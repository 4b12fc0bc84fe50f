import {
  acknowledgementDue,
  DOSSIER_STATUS_INFO,
  dossierStatusSchema,
  isDossierOverdue,
  NOTICE_DELIVERY_LABELS,
  nextStatuses,
  type OfficerDossier,
  type OfficerInboxItem,
} from "@dvc/shared";
import { type CommuneDossier, dossierNoticeKey, pendingSupplement } from "../dossiers";
import type { InboxRow } from "./inbox-repo";

/** A row of the inbox, with the national label officers use. */
export function toInboxItem(row: InboxRow, now: Date): OfficerInboxItem {
  const status = dossierStatusSchema.parse(row.status);
  const overdue = isDossierOverdue(status, row.dueAt, now);
  return {
    code: row.code,
    procedureCode: row.procedureCode,
    procedureTitle: row.procedureTitle,
    status,
    statusLabel: DOSSIER_STATUS_INFO[status].officerLabel,
    submittedAt: row.submittedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
    overdue,
    acknowledgeBy: status === "submitted" ? acknowledgementDue(row.submittedAt).toISOString() : null,
    needsApology: overdue,
  };
}

/** The officer's whole view of a dossier: answers, timeline with who acted and each message's fate. */
export function toOfficerDossier(
  { row, answers, events, notices, resultFile }: CommuneDossier,
  now: Date,
): OfficerDossier {
  const status = dossierStatusSchema.parse(row.status);
  const noticeOf = new Map(notices.map((notice) => [notice.key, notice.state]));
  const request = status === "supplement_requested" ? pendingSupplement(row.supplement) : undefined;
  return {
    ...toInboxItem(row, now),
    communeCode: row.communeCode,
    procedureVersion: row.procedureVersion,
    answers,
    timeline: events.map((event) => {
      const eventStatus = dossierStatusSchema.parse(event.status);
      const state = noticeOf.get(dossierNoticeKey(row.code, event.id));
      return {
        status: eventStatus,
        label: DOSSIER_STATUS_INFO[eventStatus].officerLabel,
        at: event.at.toISOString(),
        note: event.note,
        actor: event.actor,
        notice: state ? { state, label: NOTICE_DELIVERY_LABELS[state] } : null,
      };
    }),
    supplement: request
      ? { fieldIds: request.fieldIds, message: request.message, requestedAt: request.requestedAt }
      : null,
    allowedNext: nextStatuses(status, "officer"),
    resultFile,
  };
}
