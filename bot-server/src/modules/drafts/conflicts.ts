import type { ConflictBody, ConflictReason, Draft } from "@dvc/shared";
import type { Database } from "../../db/client";
import { AppError } from "../../lib/errors";
import { hasLiveConsent } from "../profile/consent-repo";

/**
 * A 409 the app must tell apart without reading the message: a stale draft (merge with `current`), a
 * missing consent (show the notice), an already submitted draft (open the dossier).
 */
export class ConflictError extends AppError {
  constructor(
    readonly reason: ConflictReason,
    message: string,
    extra: { current?: Draft; submittedAs?: string } = {},
  ) {
    super("CONFLICT", message, { details: { reason, ...extra } satisfies Partial<ConflictBody> });
  }
}

export const CONSENT_REQUIRED_MESSAGE =
  "Bạn chưa đồng ý cho phép xử lý dữ liệu cá nhân để nộp hồ sơ. Vui lòng đọc thông báo bảo vệ dữ liệu cá nhân và bấm “Đồng ý”, rồi thử lại; những gì bạn đã nhập vẫn còn trên máy.";

/**
 * PDP-1: nothing holding a CCCD or phone number is stored, or sent to the commune, without consent.
 * `lock` inside the storing transaction holds the consent row against a concurrent withdrawal.
 */
export async function requireFilingConsent(
  db: Database,
  citizenId: string,
  options: { lock?: boolean } = {},
): Promise<void> {
  if (!(await hasLiveConsent(db, citizenId, "dossier_filing", options))) {
    throw new ConflictError("consent_required", CONSENT_REQUIRED_MESSAGE);
  }
}

export function alreadySubmitted(code: string): ConflictError {
  return new ConflictError(
    "already_submitted",
    `Bản nháp này đã được nộp thành hồ sơ ${code}. Vui lòng mở hồ sơ để theo dõi; muốn sửa, hãy chờ cán bộ yêu cầu bổ sung.`,
    { submittedAs: code },
  );
}
