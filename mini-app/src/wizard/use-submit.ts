import type { FieldError } from "@dvc/shared/forms/engine/index";
import { validateDossier } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useState } from "react";
import { useNavigate } from "zmp-ui";
import { ApiError } from "../api";
import { submitDossier } from "../api/dossiers";
import { isTransient } from "../api/http";
import { keepReceipt } from "../dossiers/receipt-cache";
import type { DraftSync } from "../drafts/draft-sync";
import { receiptPath } from "../routes";
import { rememberForNextTime } from "./remember-profile";
import { todayInVietnam } from "./use-wizard-navigation";

export type SubmitState =
  | { status: "idle" }
  | { status: "sending" }
  | { status: "invalid"; errors: FieldError[]; at: number }
  | { status: "failed"; message: string; retryable: boolean };

export const KEPT_MESSAGE =
  "Chưa nộp được vì mất kết nối hoặc máy chủ đang bận. Mọi thông tin bạn khai vẫn được giữ nguyên trên máy. " +
  "Hãy bấm “Nộp lại” khi có mạng — hồ sơ sẽ không bị nộp hai lần.";

/** The server's field messages (a 400 with `fields`), placed on the steps that ask them. */
function serverFieldErrors(error: ApiError, form: FileableProcedure): FieldError[] {
  const body = error.body as { fields?: unknown } | null;
  if (typeof body?.fields !== "object" || body.fields === null) return [];
  const stepOf = new Map(form.form.steps.flatMap((step) => step.fields.map((f) => [f.id, step.id] as const)));
  return Object.entries(body.fields as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string")
    .map(([path, message]) => ({ path, message, stepId: stepOf.get(path.split(".")[0] ?? "") ?? "" }));
}

/**
 * "Nộp hồ sơ": checks the whole dossier, makes sure the server has the last answers, then files it with
 * the draft's own Idempotency-Key. A failure keeps everything and says so; the retry sends the same key,
 * so a dossier whose answer was lost comes back instead of being filed twice.
 */
export function useSubmit(sync: DraftSync, form: FileableProcedure) {
  const navigate = useNavigate();
  const [state, setState] = useState<SubmitState>({ status: "idle" });

  const submit = async () => {
    const { draft } = sync.getSnapshot();
    const check = validateDossier(form.form, draft.answers, { today: todayInVietnam() });
    if (!check.ok) {
      setState({ status: "invalid", errors: check.errors, at: Date.now() });
      return;
    }
    if (!navigator.onLine) {
      // Nothing can be sent: say so at once rather than after a timeout.
      setState({ status: "failed", message: KEPT_MESSAGE, retryable: true });
      return;
    }
    setState({ status: "sending" });
    try {
      await sync.saveNow();
      const dossier = await submitDossier(draft.id, draft.idempotencyKey);
      sync.markSubmitted(dossier.code);
      keepReceipt(dossier);
      void rememberForNextTime(form.form, check.value);
      navigate(receiptPath(dossier.code), { replace: true, state: { dossier } });
    } catch (error) {
      if (error instanceof ApiError && error.code === "VALIDATION_FAILED") {
        const errors = serverFieldErrors(error, form);
        if (errors.length > 0) {
          setState({ status: "invalid", errors, at: Date.now() });
          return;
        }
      }
      if (error instanceof ApiError && error.code === "RATE_LIMITED") {
        // The server says how long to wait (5 submissions per 15 min); "no connection" would be wrong.
        setState({ status: "failed", message: error.message, retryable: true });
        return;
      }
      if (!(error instanceof ApiError) || isTransient(error)) {
        setState({ status: "failed", message: KEPT_MESSAGE, retryable: true });
        return;
      }
      const retryable = error.code === "CONFLICT" || error.code === "UNAUTHENTICATED";
      setState({ status: "failed", message: error.message, retryable });
    }
  };

  return { state, submit };
}
