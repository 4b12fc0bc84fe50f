import {
  DEFAULT_OFFICE_HOURS,
  dossierStatusSchema,
  isTerminalStatus,
  isWorkingDay,
  toVnLocalDate,
  vnInstant,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { enqueueDossierNotification } from "./outbox-hook";
import { insertEvent, lockDossier, updateDossier } from "./repo";

export interface OfficerApologyInput {
  code: string;
  communeCode: string;
  /** The new appointment day (YYYY-MM-DD, Vietnam): the result is due by the office's closing time. */
  newDueDate: string;
  letter: string;
  now: Date;
}

/**
 * Apologises for a late dossier and sets the new appointment, inside the caller's transaction: the
 * timeline gets the letter (the status does not change), the citizen the message (OB-1). Only a late,
 * unfinished dossier takes one. Undefined when the commune has no such dossier.
 */
export async function apologizeByOfficer(
  tx: Database,
  input: OfficerApologyInput,
): Promise<{ eventId: number } | undefined> {
  const row = await lockDossier(tx, input.code, { communeCode: input.communeCode });
  if (!row) return undefined;
  const status = dossierStatusSchema.parse(row.status);
  if (isTerminalStatus(status) || status === "result_ready" || row.dueAt.getTime() >= input.now.getTime()) {
    throw new AppError("CONFLICT", "Hồ sơ này chưa trễ hẹn (hoặc đã có kết quả) nên không cần thư xin lỗi.");
  }
  if (input.newDueDate <= toVnLocalDate(input.now) || !isWorkingDay(input.newDueDate)) {
    throw new AppError("VALIDATION_FAILED", undefined, {
      fields: { newDueDate: "Ngày hẹn mới phải là một ngày làm việc sau hôm nay." },
    });
  }
  const dueAt = vnInstant(input.newDueDate, DEFAULT_OFFICE_HOURS.close);
  await updateDossier(tx, input.code, { dueAt }, input.now);
  const eventId = await insertEvent(tx, {
    dossierCode: input.code,
    status,
    actor: "officer",
    note: input.letter,
    at: input.now,
  });
  await enqueueDossierNotification(tx, {
    dossierCode: input.code,
    citizenId: row.citizenId,
    status,
    eventId,
    at: input.now,
    officerNote: input.letter,
    apology: true,
  });
  return { eventId };
}
