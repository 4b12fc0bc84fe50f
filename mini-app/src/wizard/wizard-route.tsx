import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useNavigate, useParams } from "zmp-ui";
import type { DraftSync } from "../drafts/draft-sync";
import { dossierPath, REVIEW_SEGMENT, ROUTES } from "../routes";
import { RequireSession } from "../session/require-session";
import { Loading, Notice } from "../ui/notice";
import { Screen } from "../ui/screen";
import { ReviewPage } from "./review-page";
import { StepForm } from "./step-page";
import { useDraftSession, useSyncSnapshot } from "./use-draft-session";

/** /nop/:draftId/:stepId — one page of a draft's form, or its review. Loaded on demand (React.lazy). */
export default function WizardRoute() {
  const navigate = useNavigate();
  const { draftId = "", stepId = "" } = useParams();
  const home = () => navigate(ROUTES.home, { replace: true, direction: "backward" });
  return (
    <RequireSession title="Nộp hồ sơ" onBack={home} consent>
      <DraftPage draftId={draftId} stepId={stepId} onHome={home} />
    </RequireSession>
  );
}

function DraftPage({ draftId, stepId, onHome }: { draftId: string; stepId: string; onHome: () => void }) {
  const session = useDraftSession(draftId);
  if (session.status !== "ready") {
    return (
      <Screen title="Nộp hồ sơ" onBack={onHome} heading>
        {session.status === "loading" ? (
          <Loading text="Đang mở hồ sơ…" />
        ) : (
          <Notice
            tone="error"
            title={session.message}
            action={{ label: "Thử lại", onClick: session.retry }}
          />
        )}
      </Screen>
    );
  }
  return <ReadyDraft sync={session.sync} form={session.form} stepId={stepId} onHome={onHome} />;
}

function ReadyDraft({
  sync,
  form,
  stepId,
  onHome,
}: {
  sync: DraftSync;
  form: FileableProcedure;
  stepId: string;
  onHome: () => void;
}) {
  const navigate = useNavigate();
  // Subscribed: a draft found submitted meanwhile (from another phone) turns into this notice at once.
  const { submittedAs } = useSyncSnapshot(sync).draft;
  if (submittedAs) {
    return (
      <Screen title={form.title} onBack={onHome} heading>
        <Notice
          tone="empty"
          title="Hồ sơ này đã được nộp."
          action={{
            label: "Xem hồ sơ",
            onClick: () => navigate(dossierPath(submittedAs), { replace: true }),
          }}
        >
          Mã hồ sơ: {submittedAs}
        </Notice>
      </Screen>
    );
  }
  if (stepId === REVIEW_SEGMENT) return <ReviewPage sync={sync} form={form} />;
  return <StepForm sync={sync} form={form} stepId={stepId} />;
}
