import {
  DOSSIER_STATUS_INFO,
  type DossierDetail,
  type DossierSummary,
  dossierStatusSchema,
  NOTICE_DELIVERY_LABELS,
  type NoticeDeliveryState,
} from "@dvc/shared";
import { dossierSubjectName } from "@dvc/shared/dossier/dossier-subject";
import { SEALED } from "../../db/sealed-places";
import type { Sealer } from "../../lib/crypto";
import type { NoticeOfDossier } from "../delivery";
import { openAnswers } from "../drafts/forms";
import { dossierNoticeKey } from "./outbox-hook";
import type { DossierEventRow, DossierWithTitle } from "./repo";
import { pendingSupplement } from "./supplement-record";

/**
 * Dossiers as the citizen sees them: the plain national label (DOSSIER_STATUS_INFO.citizenLabel) and
 * whose dossier it is. Only ever built for the owner: the subject's name is opened from the sealed answers.
 */

export function toSummary(
  row: DossierWithTitle,
  sealer: Sealer,
  answers: Record<string, unknown> = openAnswers(sealer, row.answersSealed, SEALED.dossierAnswers(row.code)),
): DossierSummary {
  const status = dossierStatusSchema.parse(row.status);
  return {
    code: row.code,
    procedureCode: row.procedureCode,
    procedureTitle: row.procedureTitle,
    subjectName: dossierSubjectName(answers),
    communeCode: row.communeCode,
    status,
    statusLabel: DOSSIER_STATUS_INFO[status].citizenLabel,
    submittedAt: row.submittedAt.toISOString(),
    dueAt: row.dueAt.toISOString(),
  };
}

/** The owner's view: answers included (only ever built for the owner), timeline oldest first. */
export function toDetail(
  row: DossierWithTitle,
  events: DossierEventRow[],
  sealer: Sealer,
  notices: readonly NoticeOfDossier[] = [],
  resultFile: DossierDetail["resultFile"] = null,
): DossierDetail {
  const noticeOf = new Map(notices.map((notice) => [notice.key, notice.state]));
  const request = row.status === "supplement_requested" ? pendingSupplement(row.supplement) : undefined;
  const answers = openAnswers(sealer, row.answersSealed, SEALED.dossierAnswers(row.code));
  return {
    ...toSummary(row, sealer, answers),
    procedureVersion: row.procedureVersion,
    answers,
    timeline: events.map((event) => {
      const status = dossierStatusSchema.parse(event.status);
      return {
        status,
        label: DOSSIER_STATUS_INFO[status].citizenLabel,
        at: event.at.toISOString(),
        note: event.note,
        notice: noticeView(noticeOf.get(dossierNoticeKey(row.code, event.id))),
      };
    }),
    supplement: request
      ? { fieldIds: request.fieldIds, message: request.message, requestedAt: request.requestedAt }
      : null,
    resultFile,
  };
}

function noticeView(state: NoticeDeliveryState | undefined) {
  return state ? { state, label: NOTICE_DELIVERY_LABELS[state] } : null;
}
