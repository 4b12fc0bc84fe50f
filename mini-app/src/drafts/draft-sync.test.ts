import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { FakeServer, signedInCitizen } from "../test/filing-fixture";
import { type LocalDraft, newLocalDraft, readDraft } from "./draft-store";
import { DraftSync, SAVE_DEBOUNCE_MS } from "./draft-sync";

const server = setupServer();
let fake: FakeServer;
let online = true;
const syncs: DraftSync[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  fake = new FakeServer();
  server.use(...fake.handlers());
  signedInCitizen();
  online = true;
});
afterEach(() => {
  for (const sync of syncs.splice(0)) sync.dispose();
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

/** A draft the server already has at `version`, with `base` as last agreed. */
function draftOnServer(base: Record<string, unknown>, version = 0): LocalDraft {
  const draft: LocalDraft = {
    ...newLocalDraft({
      procedureCode: "1.001193",
      procedureVersion: 1,
      procedureTitle: "Đăng ký khai sinh",
      communeCode: "00292",
      firstStepId: "nguoiKhai",
    }),
    answers: base,
    base,
    serverVersion: version,
    dirty: false,
  };
  fake.drafts.set(draft.id, {
    id: draft.id,
    procedureCode: draft.procedureCode,
    procedureVersion: 1,
    communeCode: "00292",
    version,
    answers: base,
    currentStepId: "nguoiKhai",
    updatedAt: new Date().toISOString(),
    submittedAs: null,
  });
  return draft;
}

function start(draft: LocalDraft): DraftSync {
  const sync = new DraftSync(draft, { isOnline: () => online });
  syncs.push(sync);
  return sync;
}

function edit(sync: DraftSync, change: Record<string, unknown>): void {
  sync.update({ answers: { ...sync.getSnapshot().draft.answers, ...change } });
}

const puts = () => fake.calls("PUT", "/api/drafts/:id");

describe("draft sync", () => {
  it("saves on the device at once and on the server once typing pauses, with the version last seen", async () => {
    const sync = start(draftOnServer({}));
    edit(sync, { childName: "N" });
    edit(sync, { childName: "Ng" });
    edit(sync, { childName: "Nguyễn" });
    expect(readDraft(sync.getSnapshot().draft.id)?.answers).toEqual({ childName: "Nguyễn" });
    expect(sync.getSnapshot().status).toBe("saving");

    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS - 1);
    expect(puts()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(sync.getSnapshot().status).toBe("saved"));

    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.body).toMatchObject({ version: 0, answers: { childName: "Nguyễn" } });
    expect(puts()[0]?.headers.get("Authorization")).toBe("Bearer session-1");
    expect(sync.getSnapshot().draft).toMatchObject({ serverVersion: 1, dirty: false });
  });

  it("merges a newer server copy: the other phone's changes come in, this phone's edits stay", async () => {
    const base = { relationship: "me", childName: "An" };
    const sync = start(draftOnServer(base));
    // Meanwhile another phone changed the relationship and added the birth date.
    const other = fake.drafts.get(sync.getSnapshot().draft.id);
    if (!other) throw new Error("no draft");
    fake.drafts.set(other.id, {
      ...other,
      version: 4,
      answers: { relationship: "cha", childName: "An", birthDate: "01/02/2020" },
    });

    edit(sync, { childName: "Bình" });
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    await vi.waitFor(() => expect(sync.getSnapshot().status).toBe("saved"));

    expect(puts().map((put) => (put.body as { version: number }).version)).toEqual([0, 4]);
    expect(sync.getSnapshot().draft.answers).toEqual({
      relationship: "cha",
      childName: "Bình",
      birthDate: "01/02/2020",
    });
    expect(fake.drafts.get(other.id)?.answers).toEqual(sync.getSnapshot().draft.answers);
  });

  it("asks when both phones changed the same answer, then saves the citizen's choice", async () => {
    const sync = start(draftOnServer({ childName: "An" }));
    const id = sync.getSnapshot().draft.id;
    const other = fake.drafts.get(id);
    if (!other) throw new Error("no draft");
    fake.drafts.set(id, { ...other, version: 2, answers: { childName: "Anh" } });

    edit(sync, { childName: "Ân" });
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS);
    await vi.waitFor(() => expect(sync.getSnapshot().status).toBe("conflict"));
    expect(sync.getSnapshot().conflict).toEqual({ fields: ["childName"], theirs: { childName: "Anh" } });
    expect(puts()).toHaveLength(1);

    sync.resolve({ childName: "theirs" });
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(sync.getSnapshot().status).toBe("saved"));
    expect(sync.getSnapshot().draft.answers).toEqual({ childName: "Anh" });
  });

  it("waits while offline and sends when the phone is back online; a failed send is retried later", async () => {
    online = false;
    const draft = newLocalDraft({
      procedureCode: "1.001193",
      procedureVersion: 1,
      procedureTitle: "Đăng ký khai sinh",
      communeCode: "00292",
      firstStepId: "nguoiKhai",
    });
    const sync = start(draft);
    edit(sync, { childName: "An" });
    await vi.advanceTimersByTimeAsync(SAVE_DEBOUNCE_MS * 3);
    expect(sync.getSnapshot().status).toBe("offline");
    expect(fake.requests).toHaveLength(0);

    // Back online, but the first attempt fails (a flaky connection): retried after a delay.
    online = true;
    let failures = 1;
    server.use(http.post("*/api/drafts", () => (failures-- > 0 ? HttpResponse.error() : undefined)));
    window.dispatchEvent(new Event("online"));
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(() => expect(sync.getSnapshot().status).toBe("offline"));
    expect(fake.calls("POST", "/api/drafts")).toHaveLength(0);

    await vi.advanceTimersByTimeAsync(2000);
    await vi.waitFor(() => expect(sync.getSnapshot().status).toBe("saved"));
    expect(fake.calls("POST", "/api/drafts")).toHaveLength(1);
    expect(puts()[0]?.body).toMatchObject({ version: 0, answers: { childName: "An" } });
    expect(sync.getSnapshot().draft.serverVersion).toBe(1);
  });
});
