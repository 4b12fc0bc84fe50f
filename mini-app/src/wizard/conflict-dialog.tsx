import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useState } from "react";
import { Button } from "zmp-ui";
import type { DraftSync, SyncSnapshot } from "../drafts/draft-sync";
import { RadioGroup } from "../ui/choices";
import { Dialog } from "../ui/dialog";
import { displayAnswer, fieldLabel } from "./answer-display";

/**
 * Asked only when this phone and another one changed the same answers differently since they last
 * agreed: for each, the citizen keeps one. Everything else was merged without asking.
 */
export function ConflictDialog({
  sync,
  snapshot,
  form,
}: {
  sync: DraftSync;
  snapshot: SyncSnapshot;
  form: FileableProcedure;
}) {
  const [choices, setChoices] = useState<Record<string, "mine" | "theirs">>({});
  const { conflict, draft } = snapshot;
  if (!conflict) return null;
  // The other phone's value for each conflicting field, among this phone's other answers (for visibility).
  const theirAnswers = { ...draft.answers };
  for (const fieldId of conflict.fields) {
    if (conflict.theirs[fieldId] === undefined) delete theirAnswers[fieldId];
    else theirAnswers[fieldId] = conflict.theirs[fieldId];
  }
  const complete = conflict.fields.every((fieldId) => choices[fieldId] !== undefined);
  return (
    <Dialog
      title="Bản nháp vừa được sửa trên thiết bị khác"
      actions={
        <Button size="large" fullWidth disabled={!complete} onClick={() => sync.resolve(choices)}>
          Giữ thông tin đã chọn
        </Button>
      }
    >
      <p className="dvc-text">
        Những mục dưới đây khác nhau giữa hai nơi. Với mỗi mục, hãy chọn thông tin đúng.
      </p>
      {conflict.fields.map((fieldId) => (
        <RadioGroup
          key={fieldId}
          id={`conflict-${fieldId}`}
          legend={fieldLabel(form, fieldId)}
          options={[
            { value: "mine", label: `Trên máy này: ${displayAnswer(form, fieldId, draft.answers)}` },
            { value: "theirs", label: `Trên thiết bị khác: ${displayAnswer(form, fieldId, theirAnswers)}` },
          ]}
          value={choices[fieldId]}
          onChange={(choice) => setChoices((current) => ({ ...current, [fieldId]: choice }))}
        />
      ))}
    </Dialog>
  );
}
