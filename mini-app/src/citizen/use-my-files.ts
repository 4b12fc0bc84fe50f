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

/** Both Home cards read one request: a fetch started moments ago is shared. */
const SHARE_FOR_MS = 2000;
let shared: { at: number; result: Promise<PromiseSettledResult<unknown>[]> } | null = null;

function fetchLists(): Promise<[PromiseSettledResult<DossierSummary[]>, PromiseSettledResult<Draft[]>]> {
  if (!shared || Date.now() - shared.at > SHARE_FOR_MS) {
    shared = { at: Date.now(), result: Promise.allSettled([listDossiers(), listDrafts()]) };
  }
  return shared.result as Promise<[PromiseSettledResult<DossierSummary[]>, PromiseSettledResult<Draft[]>]>;
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
