import { createHash } from "node:crypto";
import {
  DOSSIER_STATUS_INFO,
  type StatusEventBody,
  type StatusEventResponse,
  statusEventResponseSchema,
  statusFromNationalCode,
} from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { moveDossierByIntegration } from "../dossiers";
import { recordIntegrationAudit } from "./audit";
import type { IntegrationCaller } from "./auth";
import { findEvent, insertIntegrationEvent, lockEventId } from "./keys-repo";

/** What identifies "the same request" for an eventId: the dossier and the parsed body, not its spacing. */
function requestHash(code: string, body: StatusEventBody): string {
  const canonical = JSON.stringify([code, body.status, body.at, body.note ?? null]);
  return createHash("sha256").update(canonical).digest("hex");
}

/** Another commune's dossier answers exactly as a code that does not exist (SEC-1). */
const notFound = () =>
  new AppError("NOT_FOUND", "Không có hồ sơ mã này trong các xã/phường mà khoá này được phép xử lý.");

/**
 * POST …/dossiers/:code/status, in one transaction: the eventId's lock, the replay check, the move by
 * the status machine with its timeline event and notice, the audit row, the remembered answer. A refusal
 * (404, 409, 400) rolls all of it back and remembers nothing, so a corrected retry may reuse the eventId.
 * The timeline and the legal clock take the time we received it; the system's own `at` is audited.
 */
export async function applyStatusEvent(
  db: Database,
  caller: IntegrationCaller,
  input: { code: string; body: StatusEventBody; addressHash: string; now: Date },
): Promise<StatusEventResponse> {
  const { body, now } = input;
  const code = input.code.toUpperCase();
  const hash = requestHash(code, body);
  return db.transaction(async (tx) => {
    await lockEventId(tx, caller.keyId, body.eventId);
    const earlier = await findEvent(tx, caller.keyId, body.eventId);
    if (earlier) {
      if (earlier.requestHash !== hash) {
        throw new AppError(
          "CONFLICT",
          "eventId này đã được dùng cho một yêu cầu khác. Mỗi thay đổi cần một eventId riêng.",
        );
      }
      return { ...statusEventResponseSchema.parse(earlier.responseBody), replayed: true };
    }
    const to = statusFromNationalCode(body.status);
    if (!to)
      throw new AppError("VALIDATION_FAILED", undefined, { fields: { status: "Mã trạng thái từ 1 đến 10" } });
    const moved = await moveDossierByIntegration(tx, {
      code,
      communeCodes: caller.communeCodes,
      to,
      note: body.note,
      now,
    });
    if (!moved) throw notFound();
    const response: StatusEventResponse = {
      code,
      eventId: body.eventId,
      status: to,
      nationalCode: DOSSIER_STATUS_INFO[to].nationalCode,
      updatedAt: moved.row.updatedAt.toISOString(),
      replayed: false,
    };
    await recordIntegrationAudit(tx, {
      keyId: caller.keyId,
      action: "dossier.status",
      communeCode: moved.row.communeCode,
      dossierCode: code,
      detail: { from: moved.from, to, nationalCode: body.status, eventId: body.eventId, reportedAt: body.at },
      addressHash: input.addressHash,
      at: now,
    });
    await insertIntegrationEvent(tx, {
      keyId: caller.keyId,
      eventId: body.eventId,
      requestHash: hash,
      dossierCode: code,
      responseStatus: 200,
      responseBody: response,
      createdAt: now,
    });
    return response;
  });
}
