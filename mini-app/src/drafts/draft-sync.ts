/**
 * Keeps one draft's server copy in step with the device copy. Every change is written to the device at
 * once; the server gets it ~800 ms after typing pauses (PUT with the version last seen). A 409 brings the
 * server's draft: it is merged field by field (mergeAnswers) and the citizen is asked only when both sides
 * changed the same field. Without a connection the change waits and is retried with a growing delay, and
 * at once when the phone says it is online again.
 */
import type { Draft } from "@dvc/shared/api/drafts";
import { ApiError, NETWORK_ERROR_MESSAGE } from "../api";
import { createDraft, getDraft, saveDraft } from "../api/drafts";
import { markConsentNeeded } from "../session/session";
import { type LocalDraft, writeDraft } from "./draft-store";
import { mergeAnswers, resolveConflicts, sameJson } from "./merge";

export const SAVE_DEBOUNCE_MS = 800;
const FIRST_RETRY_MS = 2000;
const MAX_RETRY_MS = 60_000;

export type SyncStatus = "saved" | "saving" | "offline" | "signed_out" | "consent" | "conflict";

export interface SyncSnapshot {
  draft: LocalDraft;
  status: SyncStatus;
  /** While status is "conflict": the fields changed on both sides, and the server's answers. */
  conflict: { fields: string[]; theirs: Record<string, unknown> } | null;
}

export interface DraftChange {
  answers?: Record<string, unknown>;
  currentStepId?: string | null;
  touched?: string[];
  prefilled?: string[];
}

export interface SyncOptions {
  debounceMs?: number;
  isOnline?: () => boolean;
}

export class DraftSync {
  private snapshot: SyncSnapshot;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private retryMs = 0;
  private lastError: unknown = null;
  private readonly debounceMs: number;
  private readonly isOnline: () => boolean;

  constructor(draft: LocalDraft, options: SyncOptions = {}) {
    this.debounceMs = options.debounceMs ?? SAVE_DEBOUNCE_MS;
    this.isOnline = options.isOnline ?? (() => navigator.onLine);
    this.snapshot = { draft, status: draft.dirty ? "saving" : "saved", conflict: null };
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    if (draft.dirty) this.schedule(0);
  }

  readonly getSnapshot = (): SyncSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  dispose(): void {
    clearTimeout(this.timer);
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
  }

  /** A change by the citizen: on the device now, on the server after the pause. */
  update(change: DraftChange): void {
    const draft: LocalDraft = {
      ...this.snapshot.draft,
      ...change,
      dirty: true,
      updatedAt: new Date().toISOString(),
    };
    this.commit(draft, this.snapshot.status === "conflict" ? "conflict" : this.pendingStatus());
    this.schedule(this.debounceMs);
  }

  /** Marks the draft submitted (the dossier code): no more saving. */
  markSubmitted(code: string): void {
    clearTimeout(this.timer);
    this.commit({ ...this.snapshot.draft, submittedAs: code, dirty: false }, "saved");
  }

  /** Sync again now, e.g. after signing in again or reopening the form. */
  kick(): void {
    this.retryMs = 0;
    if (this.snapshot.draft.dirty) this.schedule(0);
  }

  /** The citizen chose, per conflicting field, which value to keep. */
  resolve(choices: Record<string, "mine" | "theirs">): void {
    const { draft, conflict } = this.snapshot;
    if (!conflict) return;
    const answers = resolveConflicts(draft.answers, conflict.theirs, choices);
    this.snapshot = { ...this.snapshot, conflict: null };
    this.commit({ ...draft, answers, dirty: true }, this.pendingStatus());
    this.schedule(0);
  }

  /** The server's newer copy (opened on another phone): merged in like a 409's. */
  adoptServer(server: Draft): void {
    const local = this.snapshot.draft;
    if (local.serverVersion !== null && server.version <= local.serverVersion && !server.submittedAs) return;
    this.mergeServer(server);
  }

  /**
   * Saves now and resolves once the server has every change (before an upload or the submission).
   * Rejects with the reason when it cannot: offline, a conflict to decide, signed out.
   */
  async saveNow(): Promise<void> {
    clearTimeout(this.timer);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (!this.snapshot.draft.dirty && this.snapshot.draft.serverVersion !== null) return;
      if (this.snapshot.status === "conflict") throw new ApiError("CONFLICT", CONFLICT_MESSAGE, 409);
      if (!this.isOnline()) throw new ApiError("NETWORK", NETWORK_ERROR_MESSAGE);
      await this.flush();
      const { status } = this.snapshot;
      if (status === "offline" || status === "signed_out" || status === "consent") {
        throw this.lastError ?? new ApiError("NETWORK", NETWORK_ERROR_MESSAGE);
      }
    }
    if (this.snapshot.draft.dirty) throw new ApiError("NETWORK", NETWORK_ERROR_MESSAGE);
  }

  private readonly onOnline = () => this.kick();

  private readonly onOffline = () => {
    if (this.snapshot.draft.dirty && this.snapshot.status === "saving") this.setStatus("offline");
  };

  private pendingStatus(): SyncStatus {
    return this.isOnline() ? "saving" : "offline";
  }

  private commit(draft: LocalDraft, status: SyncStatus): void {
    writeDraft(draft);
    this.snapshot = { ...this.snapshot, draft, status };
    for (const listener of this.listeners) listener();
  }

  private setStatus(status: SyncStatus): void {
    this.snapshot = { ...this.snapshot, status };
    for (const listener of this.listeners) listener();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    const { draft, status } = this.snapshot;
    if (draft.submittedAs !== null || status === "conflict") return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
  }

  private async flush(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const { draft } = this.snapshot;
    if (!draft.dirty || draft.submittedAs !== null || this.snapshot.status === "conflict") return;
    if (!this.isOnline()) {
      this.setStatus("offline");
      return;
    }
    this.inFlight = this.push().finally(() => {
      this.inFlight = null;
    });
    await this.inFlight;
    // Typed while the save was on its way: save again once typing pauses (update() set the timer).
    if (this.snapshot.draft.dirty && this.snapshot.status === "saving" && this.timer === undefined) {
      this.schedule(this.debounceMs);
    }
  }

  private async push(): Promise<void> {
    try {
      if (this.snapshot.draft.serverVersion === null) await this.create();
      const sent = this.snapshot.draft;
      if (sent.serverVersion === null || this.snapshot.status === "conflict") return;
      const result = await saveDraft(sent.id, {
        version: sent.serverVersion,
        answers: sent.answers,
        currentStepId: sent.currentStepId,
      });
      this.retryMs = 0;
      this.lastError = null;
      if (!result.ok) {
        if (result.reason === "stale_version") this.mergeServer(result.current);
        else if (result.reason === "already_submitted") this.markSubmitted(result.submittedAs);
        else {
          // Consent withdrawn (or given on another phone's session only): ask again, then save.
          this.lastError = new ApiError("CONFLICT", result.message, 409);
          this.setStatus("consent");
          markConsentNeeded();
        }
        return;
      }
      const current = this.snapshot.draft;
      const changedMeanwhile =
        current.answers !== sent.answers || current.currentStepId !== sent.currentStepId;
      this.commit(
        { ...current, serverVersion: result.draft.version, base: sent.answers, dirty: changedMeanwhile },
        changedMeanwhile ? "saving" : "saved",
      );
    } catch (error) {
      this.fail(error);
    }
  }

  /** The server learns of the draft under the id the app gave it; a lost answer is found again (409). */
  private async create(): Promise<void> {
    const { draft } = this.snapshot;
    let server: Draft;
    try {
      server = await createDraft({
        id: draft.id,
        procedureCode: draft.procedureCode,
        communeCode: draft.communeCode,
      });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
      server = await getDraft(draft.id);
    }
    const current = this.snapshot.draft;
    this.commit(
      {
        ...current,
        serverVersion: server.version,
        procedureVersion: server.procedureVersion,
        base: server.answers,
      },
      this.snapshot.status,
    );
  }

  private mergeServer(server: Draft): void {
    const current = this.snapshot.draft;
    const { merged, conflicts } = mergeAnswers(current.base, current.answers, server.answers);
    const draft: LocalDraft = {
      ...current,
      answers: merged,
      base: server.answers,
      serverVersion: server.version,
      currentStepId: current.currentStepId ?? server.currentStepId,
      submittedAs: server.submittedAs ?? current.submittedAs,
      dirty: !sameJson(merged, server.answers) || current.currentStepId !== server.currentStepId,
    };
    if (conflicts.length > 0) {
      this.snapshot = { ...this.snapshot, conflict: { fields: conflicts, theirs: server.answers } };
      this.commit(draft, "conflict");
      return;
    }
    this.commit(draft, draft.dirty ? this.pendingStatus() : "saved");
    if (draft.dirty) this.schedule(0);
  }

  private fail(error: unknown): void {
    this.lastError = error;
    if (error instanceof ApiError && error.status === 404) {
      // The server lost or removed it: make it again under the same id.
      this.commit({ ...this.snapshot.draft, serverVersion: null, dirty: true }, this.pendingStatus());
    }
    const signedOut = error instanceof ApiError && error.code === "UNAUTHENTICATED";
    this.setStatus(signedOut ? "signed_out" : "offline");
    this.retryMs = Math.min(Math.max(FIRST_RETRY_MS, this.retryMs * 2), MAX_RETRY_MS);
    this.schedule(this.retryMs);
  }
}

const CONFLICT_MESSAGE = "Bản nháp vừa được sửa trên thiết bị khác. Vui lòng chọn thông tin cần giữ.";

const syncs = new Map<string, DraftSync>();

/** One sync per draft for the whole app, so leaving and reopening a step does not start another. */
export function draftSyncFor(draft: LocalDraft, options?: SyncOptions): DraftSync {
  const known = syncs.get(draft.id);
  if (known) return known;
  const sync = new DraftSync(draft, options);
  syncs.set(draft.id, sync);
  return sync;
}

export function existingDraftSync(id: string): DraftSync | undefined {
  return syncs.get(id);
}

/** Forgets every sync (tests; after the citizen deletes their data). */
export function disposeDraftSyncs(): void {
  for (const sync of syncs.values()) sync.dispose();
  syncs.clear();
}
