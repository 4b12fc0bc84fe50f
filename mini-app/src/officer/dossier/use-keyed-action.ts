import type { OfficerDossier } from "@dvc/shared/api/officer";
import { useRef, useState } from "react";
import { ApiError } from "../../api";
import { isTransient } from "../../api/http";
import { newUuid } from "../../drafts/draft-store";
import { fieldErrors } from "../api/officer-http";

const SENT_AFTER_SIGN_IN =
  "Thao tác chưa được gửi vì phiên làm việc đã hết hạn. Sau khi đăng nhập lại, bấm “Gửi lại” để gửi.";

export type SendState =
  | { status: "idle" }
  | { status: "sending" }
  | {
      status: "failed";
      message: string;
      /** The server's per-field messages (400), shown beside each input. */
      fields: Record<string, string>;
      /** Worth pressing again as is (no answer, a timeout, the server busy). */
      retryable: boolean;
      /** The dossier moved meanwhile (409): what is on screen is out of date. */
      conflict: boolean;
    };

/**
 * Did the server surely not record the action? A 4xx answer is a refusal, made before anything was
 * written. No answer, a 5xx or an unreadable 200 may hide an action that went through.
 */
function surelyNotRecorded(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.status === null || error.code === "BAD_RESPONSE") return false;
  return error.status >= 400 && error.status < 500;
}

/**
 * Sends one action on one dossier (a status change, an apology) with its own Idempotency-Key. The key
 * is made on the first attempt and kept while the outcome is unknown, so pressing "Gửi lại" after a
 * lost answer replays the first action instead of making a second one; it is dropped once the action
 * is done or the server refused it. What the officer typed lives in the form, untouched by any failure.
 */
export function useKeyedAction<Body>(
  keyPrefix: string,
  run: (body: Body, idempotencyKey: string) => Promise<OfficerDossier>,
  onDone: (dossier: OfficerDossier) => void,
) {
  const key = useRef<string | null>(null);
  const [state, setState] = useState<SendState>({ status: "idle" });

  const send = async (body: Body): Promise<void> => {
    if (state.status === "sending") return;
    key.current ??= `${keyPrefix}-${newUuid()}`;
    setState({ status: "sending" });
    try {
      const dossier = await run(body, key.current);
      key.current = null;
      setState({ status: "idle" });
      onDone(dossier);
    } catch (error) {
      if (surelyNotRecorded(error)) key.current = null;
      // The area asks to sign in again over this page; once back, the form says what is left to do.
      const expired = error instanceof ApiError && error.status === 401;
      setState({
        status: "failed",
        message: expired
          ? SENT_AFTER_SIGN_IN
          : error instanceof Error
            ? error.message
            : "Chưa gửi được. Vui lòng thử lại.",
        fields: fieldErrors(error),
        retryable: expired || isTransient(error) || !(error instanceof ApiError),
        conflict: error instanceof ApiError && error.status === 409,
      });
    }
  };

  /** The officer's own check failed before sending: shown the same way as the server's. */
  const refuse = (message: string, fields: Record<string, string>) =>
    setState({ status: "failed", message, fields, retryable: false, conflict: false });

  return { state, send, refuse };
}
