import { useEffect, useState } from "react";
import { useNavigate, useParams } from "zmp-ui";
import { getProcedureDefinition, keepDefinition } from "../api/procedure-definition";
import { useChosenCommune } from "../citizen/use-chosen-commune";
import { newLocalDraft, writeDraft } from "../drafts/draft-store";
import { draftSyncFor } from "../drafts/draft-sync";
import { ROUTES, startDraftPath, stepPath } from "../routes";
import { RequireSession } from "../session/require-session";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { questionPages } from "./pages";

/**
 * /nop/moi/:code — starts a draft of a procedure for the chosen commune: made on the device at once
 * (the server learns of it with the first save), then opens its first page in place of this one.
 */
export default function StartDraftPage() {
  const navigate = useNavigate();
  const back = () => navigate(-1);
  return (
    <RequireSession title="Nộp hồ sơ" onBack={back} consent>
      <StartDraft />
    </RequireSession>
  );
}

function StartDraft() {
  const navigate = useNavigate();
  const { code = "" } = useParams();
  const { commune } = useChosenCommune();
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs after "Thử lại".
  useEffect(() => {
    if (!commune) {
      // Back here once a commune is chosen (routes.ts, afterCommunePicked).
      navigate(ROUTES.communePicker, { replace: true, state: { next: startDraftPath(code) } });
      return;
    }
    let live = true;
    getProcedureDefinition(code).then(
      (definition) => {
        if (!live) return;
        const first = definition.online ? questionPages(definition.form).steps[0]?.id : undefined;
        if (!definition.online || first === undefined) {
          setProblem("Thủ tục này hiện không nộp trực tuyến được trong ứng dụng.");
          return;
        }
        keepDefinition(definition);
        const draft = newLocalDraft({
          procedureCode: definition.code,
          procedureVersion: definition.version,
          procedureTitle: definition.title,
          communeCode: commune.code,
          firstStepId: first,
        });
        writeDraft(draft);
        draftSyncFor(draft);
        navigate(stepPath(draft.id, first), { replace: true });
      },
      (error: unknown) => {
        if (live) setProblem(error instanceof Error ? error.message : "Chưa mở được thủ tục.");
      },
    );
    return () => {
      live = false;
    };
  }, [code, commune, navigate, attempt]);

  return (
    <Screen title="Nộp hồ sơ" onBack={() => navigate(-1)} heading>
      {problem ? (
        <Notice
          tone="error"
          title={problem}
          action={{ label: "Thử lại", onClick: () => setAttempt((n) => n + 1) }}
        />
      ) : (
        <Loading text="Đang chuẩn bị hồ sơ…" />
      )}
    </Screen>
  );
}
