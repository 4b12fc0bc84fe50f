import type { DossierSummary } from "@dvc/shared/api/dossiers";
import type { Draft } from "@dvc/shared/api/drafts";
import { useEffect, useState } from "react";
import { listDossiers } from "../api/dossiers";
import { listDrafts } from "../api/drafts";
import { readAllDrafts } from "../drafts/draft-store";
import { popularTitle } from "./popular";

/** An unfinished draft as Home lists it, whether it lives on this phone, the server, or both. */
export interface DraftItem {
  id: string;
  title: string;
  stepId: string | null;
  updatedAt: string;
}

export interface MyFiles {
  drafts: DraftItem[];
  dossiers: DossierSummary[] | null;
  /** Why the server's lists could not be read (the phone's own drafts still show). */
  problem: string | null;
}

function merge(server: Draft[]): DraftItem[] {
  const local = readAllDrafts().filter((draft) => draft.submittedAs === null);
  const items = new Map<string, DraftItem>();
  for (const draft of server) {
    if (draft.submittedAs !== null) continue;
    items.set(draft.id, {
      id: draft.id,
      title: popularTitle(draft.procedureCode) ?? `Thủ tục ${draft.procedureCode}`,
      stepId: draft.currentStepId,
      updatedAt: draft.updatedAt,
    });
  }
  // The phone's copy wins: it has the title and may hold changes not yet sent.
  for (const draft of local) {
    items.set(draft.id, {
      id: draft.id,
      title: draft.procedureTitle,
      stepId: draft.currentStepId,
      updatedAt: draft.updatedAt,
    });
  }
  return [...items.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

type Lists = [PromiseSettledResult<DossierSummary[]>, PromiseSettledResult<Draft[]>];

/**
 * Both Home cards read one request: one still on its way is shared. Once answered it is not reused, so
 * coming back to Home (from a receipt, say) always lists the dossier just filed.
 */
let inFlight: Promise<Lists> | null = null;

function fetchLists(): Promise<Lists> {
  if (!inFlight) {
    const request: Promise<Lists> = Promise.allSettled([listDossiers(), listDrafts()]).finally(() => {
      if (inFlight === request) inFlight = null;
    });
    inFlight = request;
  }
  return inFlight;
}

/** The citizen's dossiers and unfinished drafts; drafts on this phone show even offline or signed out. */
export function useMyFiles(signedIn: boolean): MyFiles {
  const [files, setFiles] = useState<MyFiles>(() => ({ drafts: merge([]), dossiers: null, problem: null }));
  useEffect(() => {
    if (!signedIn) {
      setFiles({ drafts: merge([]), dossiers: null, problem: null });
      return;
    }
    let live = true;
    fetchLists().then(([dossiers, drafts]) => {
      if (!live) return;
      const failed = [dossiers, drafts].find((result) => result.status === "rejected");
      setFiles({
        drafts: merge(drafts.status === "fulfilled" ? drafts.value : []),
        dossiers: dossiers.status === "fulfilled" ? dossiers.value : null,
        problem:
          failed?.status === "rejected" && failed.reason instanceof Error ? failed.reason.message : null,
      });
    });
    return () => {
      live = false;
    };
  }, [signedIn]);
  return files;
}
