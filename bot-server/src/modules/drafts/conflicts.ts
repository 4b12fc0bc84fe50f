import type { ConflictBody, ConflictReason, Draft } from "@dvc/shared";
import type { ErrorHandler } from "hono";
import type { Database } from "../../db/client";
import type { AppEnv } from "../../http/env";
import { errorHandler } from "../../http/error-handler";
import { AppError } from "../../lib/errors";
import type { Logger } from "../../lib/logger";
import { hasLiveConsent } from "../profile/consent-repo";

/**
 * A 409 the app must tell apart without reading the message: a stale draft (merge with `current`), a
 * missing consent (show the notice), an already submitted draft (open the dossier).
 */
export class ConflictError extends AppError {
  constructor(
    readonly reason: ConflictReason,
    message: string,
    readonly extra: { current?: Draft; submittedAs?: string } = {},
  ) {
    super("CONFLICT", message);
  }
}

export const CONSENT_REQUIRED_MESSAGE =
  "Bạn chưa đồng ý cho phép xử lý dữ liệu cá nhân để nộp hồ sơ. Vui lòng đọc thông báo bảo vệ dữ liệu cá nhân và bấm “Đồng ý”, rồi thử lại; những gì bạn đã nhập vẫn còn trên máy.";

/** PDP-1: nothing holding a CCCD or phone number is stored, or sent to the commune, without consent. */
export async function requireFilingConsent(db: Database, citizenId: string): Promise<void> {
  if (!(await hasLiveConsent(db, citizenId, "dossier_filing"))) {
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

/**
 * The filing modules' error handler: a ConflictError keeps its `reason` and extras in the body; every
 * other error goes to the app's one handler unchanged.
 */
export function filingErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  const fallback = errorHandler(logger);
  return (error, c) => {
    if (!(error instanceof ConflictError)) return fallback(error, c);
    const body: ConflictBody = {
      code: "CONFLICT",
      message: error.message,
      requestId: c.get("requestId") ?? "",
      reason: error.reason,
      ...error.extra,
    };
    return c.json(body, 409);
  };
}
