import type { FormDefinition } from "../definition";
import { visibleSteps } from "./visibility";

export interface StepProgress {
  /** 1-based position among the steps that show ("Bước 2/4"). */
  index: number;
  total: number;
}

/** Where a step sits among the visible steps; null when that step does not show for these answers. */
export function stepProgress(form: FormDefinition, answers: unknown, stepId: string): StepProgress | null {
  const steps = visibleSteps(form, answers);
  const position = steps.findIndex((step) => step.id === stepId);
  return position < 0 ? null : { index: position + 1, total: steps.length };
}
