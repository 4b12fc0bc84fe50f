/**
 * Everything a form page needs for one draft: the device copy and its server sync, and the definition of
 * the exact procedure version the draft began on. Opening a draft made on another phone fetches it from
 * the server; a draft on this phone opens at once (also offline) and takes in a newer server copy.
 */
import type { CitizenProfile } from "@dvc/shared/api/citizen-profile";
import type { Draft } from "@dvc/shared/api/drafts";
import { type ChosenPlace, type Profile, prefillAnswers } from "@dvc/shared/forms/engine/index";
import type { FileableProcedure } from "@dvc/shared/procedures/definition";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { ApiError, getCommune } from "../api";
import { getDraft } from "../api/drafts";
import { getProcedureDefinition, keepDefinition, peekProcedureDefinition } from "../api/procedure-definition";
import { getProfile } from "../api/profile";
import { type LocalDraft, readDraft, writeDraft } from "../drafts/draft-store";
import { type DraftSync, draftSyncFor, existingDraftSync, type SyncSnapshot } from "../drafts/draft-sync";
import { sameJson } from "../drafts/merge";
import { currentSession } from "../session/session";

export type DraftSession =
  | { status: "loading" }
  | { status: "error"; message: string; retry: () => void }
  | { status: "ready"; sync: DraftSync; form: FileableProcedure };

const NOT_FOUND = "Không tìm thấy bản nháp này. Có thể bạn đã nộp hoặc xoá nó.";
const NOT_FILEABLE = "Thủ tục này hiện không nộp trực tuyến được trong ứng dụng.";

function readyNow(id: string): Extract<DraftSession, { status: "ready" }> | null {
  const sync = existingDraftSync(id);
  if (!sync) return null;
  const { draft } = sync.getSnapshot();
  const form = peekProcedureDefinition(draft.procedureCode, draft.procedureVersion);
  return form?.online ? { status: "ready", sync, form } : null;
}

function fromServer(server: Draft, title: string): LocalDraft {
  return {
    id: server.id,
    procedureCode: server.procedureCode,
    procedureVersion: server.procedureVersion,
    procedureTitle: title,
    communeCode: server.communeCode,
    answers: server.answers,
    currentStepId: server.currentStepId,
    serverVersion: server.version,
    base: server.answers,
    dirty: false,
    touched: [],
    prefilled: [],
    idempotencyKey: `dossier-${server.id}`,
    submittedAs: server.submittedAs,
    updatedAt: server.updatedAt,
  };
}

async function load(id: string): Promise<{ sync: DraftSync; form: FileableProcedure }> {
  let local = readDraft(id);
  let server: Draft | undefined;
  if (!local || local.serverVersion !== null) {
    try {
      server = await getDraft(id);
    } catch (error) {
      if (!local) throw error instanceof ApiError && error.status === 404 ? new Error(NOT_FOUND) : error;
    }
  }
  const version = local?.procedureVersion ?? server?.procedureVersion;
  const code = local?.procedureCode ?? server?.procedureCode ?? "";
  const form = await getProcedureDefinition(code, version);
  if (!form.online) throw new Error(NOT_FILEABLE);
  keepDefinition(form);
  if (!local && server) {
    local = fromServer(server, form.title);
    writeDraft(local);
  }
  if (!local) throw new Error(NOT_FOUND);
  const sync = draftSyncFor(local);
  if (server) sync.adoptServer(server);
  return { sync, form };
}

export function useDraftSession(id: string): DraftSession {
  const [session, setSession] = useState<DraftSession>(() => readyNow(id) ?? { status: "loading" });
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` re-runs the load on "Thử lại".
  useEffect(() => {
    const ready = readyNow(id);
    if (ready) {
      setSession(ready);
      ready.sync.kick();
      return;
    }
    let live = true;
    setSession({ status: "loading" });
    load(id).then(
      ({ sync, form }) => {
        if (live) setSession({ status: "ready", sync, form });
      },
      (error: unknown) => {
        if (!live) return;
        const message = error instanceof Error ? error.message : NOT_FOUND;
        setSession({ status: "error", message, retry });
      },
    );
    return () => {
      live = false;
    };
  }, [id, attempt, retry]);

  return session;
}

export function useSyncSnapshot(sync: DraftSync): SyncSnapshot {
  return useSyncExternalStore(sync.subscribe, sync.getSnapshot);
}

let profilePromise: Promise<CitizenProfile | null> | null = null;

/** The profile once per app run (null when it cannot be read: prefill is a help, never a blocker). */
function profileOnce(): Promise<CitizenProfile | null> {
  profilePromise ??= getProfile().catch(() => {
    profilePromise = null;
    return null;
  });
  return profilePromise;
}

/** After the profile changed (phone linked, "Dữ liệu của tôi"), read it again next time. */
export function forgetProfile(): void {
  profilePromise = null;
}

const places = new Map<string, Promise<ChosenPlace | null>>();

/**
 * The commune the draft is filed at — the one chosen on Home, where the citizen lives — with its
 * province, asked once per commune (null when it cannot be read: prefill is a help, never a blocker).
 */
function placeOnce(communeCode: string): Promise<ChosenPlace | null> {
  let place = places.get(communeCode);
  if (place === undefined) {
    place = getCommune(communeCode).then(
      (commune) => ({ provinceCode: commune.provinceCode, communeCode: commune.code }),
      () => {
        places.delete(communeCode);
        return null;
      },
    );
    places.set(communeCode, place);
  }
  return place;
}

function asEngineProfile(profile: CitizenProfile): Profile {
  const out: Profile = {};
  const { fullName, dateOfBirth, sex, ethnicity, nationality, cccd, phone, email, address } = profile;
  if (fullName) out.fullName = fullName;
  if (dateOfBirth) out.dateOfBirth = dateOfBirth;
  if (sex) out.sex = sex;
  if (ethnicity) out.ethnicity = ethnicity;
  if (nationality) out.nationality = nationality;
  if (cccd) out.cccd = cccd;
  if (phone) out.phone = /^84\d{9}$/.test(phone) ? `0${phone.slice(2)}` : phone;
  if (email) out.email = email;
  if (address) out.address = address;
  return out;
}

/**
 * Fills what the profile already knows into empty answers the citizen has not touched — on first use,
 * before a profile is saved, the name from Zalo and the commune chosen on Home — and copies "same as"
 * answers. Run when a step opens: a copy's source may have been answered meanwhile.
 */
export function applyPrefill(
  sync: DraftSync,
  form: FileableProcedure,
  profile: CitizenProfile | null,
  place: ChosenPlace | null = null,
): void {
  const { draft } = sync.getSnapshot();
  if (draft.submittedAs !== null) return;
  const name = currentSession()?.citizen.name;
  const sources = {
    profile: profile ? asEngineProfile(profile) : {},
    zalo: name ? { name } : {},
    ...(place ? { commune: place } : {}),
  };
  const filled = prefillAnswers(form.form, sources, draft.answers);
  const answers = { ...draft.answers };
  const newly: string[] = [];
  for (const [fieldId, value] of Object.entries(filled)) {
    if (draft.touched.includes(fieldId) || sameJson(value, draft.answers[fieldId])) continue;
    answers[fieldId] = value;
    newly.push(fieldId);
  }
  if (newly.length === 0) return;
  const fromProfile = newly.filter((fieldId) => {
    const field = form.form.steps.flatMap((step) => step.fields).find((f) => f.id === fieldId);
    return field?.prefill !== undefined && field.prefill.from !== "field";
  });
  sync.update({ answers, prefilled: [...new Set([...draft.prefilled, ...fromProfile])] });
}

/** Prefills once the profile arrives (or at once from the cached one). */
export function usePrefill(sync: DraftSync, form: FileableProcedure, stepId: string): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stepId` re-runs it on each step (copies may have a source now).
  useEffect(() => {
    let live = true;
    const { communeCode } = sync.getSnapshot().draft;
    void Promise.all([profileOnce(), communeCode ? placeOnce(communeCode) : null]).then(
      ([profile, place]) => {
        if (live) applyPrefill(sync, form, profile, place);
      },
    );
    return () => {
      live = false;
    };
  }, [sync, form, stepId]);
}
