import { toVnLocalDate } from "@dvc/shared/dossier/calendar/vietnam-time";
import { validateStep, visibleSteps } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useLocation, useNavigate } from "zmp-ui";
import type { DraftSync } from "../drafts/draft-sync";
import { REVIEW_SEGMENT, ROUTES, reviewPath, stepPath } from "../routes";
import { questionPages } from "./pages";

/** The day of filing as the engine wants it: a Vietnam local date. */
export function todayInVietnam(): string {
  return toVnLocalDate(new Date());
}

/** How the page was reached: from which step, and whether from the review ("Sửa"). */
interface WizardState {
  from?: string;
  fromReview?: boolean;
  /** Sent from the review's error summary: show the step's errors at once. */
  showErrors?: boolean;
}

function readState(state: unknown): WizardState {
  return typeof state === "object" && state !== null ? (state as WizardState) : {};
}

/**
 * Moving between the form's pages over the steps that show for the current answers. Forward pushes a
 * page; back returns to the previous step — by going back in history when that is where the citizen came
 * from, so the phone's back button and "Quay lại" agree, else by replacing the page.
 */
export function useWizardNavigation(sync: DraftSync, form: FileableProcedure) {
  const navigate = useNavigate();
  const location = useLocation();
  const state = readState(location.state);
  const draft = () => sync.getSnapshot().draft;
  const pages = questionPages(form.form);
  const steps = () => visibleSteps(pages, draft().answers);

  const leave = () => {
    if (location.key === "default") navigate(ROUTES.home, { replace: true, direction: "backward" });
    else navigate(-1);
  };

  const forward = (stepId: string) => {
    const visible = steps();
    const index = visible.findIndex((step) => step.id === stepId);
    const { id, answers } = draft();
    let next = visible[index + 1]?.id;
    if (state.fromReview) {
      // Back to the review, unless the change made a later step incomplete (a question that now shows).
      const today = todayInVietnam();
      next = visible
        .slice(index + 1)
        .find((step) => !validateStep(pages, step.id, answers, { today }).ok)?.id;
    }
    const target = next === undefined ? reviewPath(id) : stepPath(id, next);
    navigate(target, {
      state: { from: stepId, fromReview: state.fromReview === true && next !== undefined },
    });
  };

  const back = (stepId: string) => {
    const visible = steps();
    const index =
      stepId === REVIEW_SEGMENT ? visible.length : visible.findIndex((step) => step.id === stepId);
    const previous = visible[index - 1]?.id;
    if (previous === undefined || (state.fromReview && state.from === REVIEW_SEGMENT)) {
      leave();
      return;
    }
    if (state.from === previous) navigate(-1);
    else navigate(stepPath(draft().id, previous), { replace: true, direction: "backward" });
  };

  const edit = (stepId: string, showErrors = false) =>
    navigate(stepPath(draft().id, stepId), { state: { from: REVIEW_SEGMENT, fromReview: true, showErrors } });

  const isLast = (stepId: string) => {
    const visible = steps();
    return visible[visible.length - 1]?.id === stepId;
  };

  return { forward, back, edit, isLast, leave, showErrorsOnArrival: state.showErrors === true };
}
