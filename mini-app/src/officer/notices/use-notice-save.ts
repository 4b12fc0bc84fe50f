import type { NoticeDraftInput, OfficerNotice } from "@dvc/shared/api/notices";
import { useRef, useState } from "react";
import {
  createNotice,
  deleteNoticeImage,
  getNotice,
  noticeStep,
  updateNotice,
  uploadNoticeImage,
} from "../api/notice-api";
import { type Failure, failureOf } from "./action-failure";
import type { ImageChoice } from "./image-field";

export type SaveState =
  | { status: "idle" }
  | { status: "saving"; submit: boolean }
  | { status: "failed"; failure: Failure };

/**
 * Saves the composer: the draft (created once, then updated over its version), its image, and, for
 * "Gửi duyệt", the submission. Each step that succeeded is remembered, so pressing again after a failure
 * finishes the rest without a second draft or a second upload.
 */
export function useNoticeSave(
  initial: OfficerNotice | null,
  onImageSaved: (image: ImageChoice) => void,
  onDone: (id: string) => void,
) {
  const saved = useRef<{ id: string; version: number } | null>(
    initial ? { id: initial.id, version: initial.version } : null,
  );
  const [state, setState] = useState<SaveState>({ status: "idle" });

  const fresh = async (id: string) => {
    const notice = await getNotice(id);
    saved.current = { id, version: notice.version };
    return notice;
  };

  const save = async (input: NoticeDraftInput, image: ImageChoice, submit: boolean) => {
    if (state.status === "saving") return;
    setState({ status: "saving", submit });
    try {
      if (saved.current === null) {
        const id = await createNotice(input);
        saved.current = { id, version: 1 };
      } else {
        await updateNotice(saved.current.id, input, saved.current.version);
      }
      const { id } = saved.current;
      if (image.kind === "new") {
        await uploadNoticeImage(id, image.file);
        onImageSaved({ kind: "saved" });
      } else if (image.kind === "removed") {
        await deleteNoticeImage(id);
        onImageSaved({ kind: "none" });
      }
      const notice = await fresh(id);
      if (submit) await noticeStep(id, "submit", notice.version);
      setState({ status: "idle" });
      onDone(id);
    } catch (error) {
      const failure = failureOf(error);
      // A save whose answer was lost may have landed: continue from the version the server holds. Not
      // after a 409: someone else's change must be looked at (reloaded) before it is written over.
      if (saved.current && !failure.conflict) await fresh(saved.current.id).catch(() => undefined);
      setState({ status: "failed", failure });
    }
  };

  /** The officer's own check failed before sending: shown the same way as the server's. */
  const refuse = (message: string, fields: Record<string, string>) =>
    setState({ status: "failed", failure: { message, fields, retryable: false, conflict: false } });

  return { state, save, refuse };
}
