import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppShell } from "../app";
import { type LocalDraft, newLocalDraft, readDraft, writeDraft } from "../drafts/draft-store";
import { disposeDraftSyncs } from "../drafts/draft-sync";
import { reviewPath } from "../routes";
import { FakeServer, signedInCitizen } from "../test/filing-fixture";
import { forgetProfile } from "./use-draft-session";
import { KEPT_MESSAGE } from "./use-submit";

const server = setupServer();
let fake: FakeServer;
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  fake = new FakeServer();
  server.use(...fake.handlers());
  signedInCitizen();
  forgetProfile();
});
afterEach(() => {
  disposeDraftSyncs();
  server.resetHandlers();
  setOnline(true);
});
afterAll(() => server.close());

function setOnline(online: boolean): void {
  Object.defineProperty(window.navigator, "onLine", { configurable: true, get: () => online });
}

/** A finished draft on this phone, never sent to the server yet, opened on its review page. */
async function openReview(): Promise<LocalDraft> {
  const draft: LocalDraft = {
    ...newLocalDraft({
      procedureCode: "1.001193",
      procedureVersion: 1,
      procedureTitle: "Đăng ký khai sinh",
      communeCode: "00292",
      firstStepId: "tre",
    }),
    answers: {
      requester: { fullName: "Nguyễn Thị Lan", dateOfBirth: "1992-04-05" },
      relationship: "me",
      childName: "Nguyễn Minh Khôi",
      birthDate: "01/02/2020",
    },
  };
  writeDraft(draft);
  // The app opens at the address it is given, as after a reload.
  window.history.replaceState(null, "", reviewPath(draft.id));
  render(<AppShell />);
  await screen.findByRole("heading", { name: "Kiểm tra lại hồ sơ" });
  await waitFor(() => expect(document.querySelectorAll(".zaui-routes-item")).toHaveLength(1));
  return draft;
}

function confirmDeclaration(): void {
  fireEvent.click(screen.getByLabelText("Tôi đã đọc và cam đoan như trên"));
}

describe("submitting a dossier", () => {
  it("lists the answers per step, asks for the declaration, and retries a 500 with the same Idempotency-Key", async () => {
    const draft = await openReview();
    expect(screen.getByText("Nguyễn Minh Khôi")).toBeTruthy();
    expect(screen.getByText("01/02/2020")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sửa Thông tin của cháu" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Nộp hồ sơ" }));
    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText("Lời cam đoan: vui lòng đánh dấu để xác nhận")).toBeTruthy();
    expect(fake.calls("POST", "/api/dossiers")).toHaveLength(0);

    confirmDeclaration();
    fake.dossierFailures = ["500"];
    fireEvent.click(screen.getByRole("button", { name: "Nộp hồ sơ" }));
    expect(await screen.findByText(KEPT_MESSAGE)).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Nộp lại" }));
    const code = await screen.findByTestId("dossier-code");
    // One code format everywhere: the receipt reads as the list, the tracking page and the chat do.
    expect(code.textContent).toBe("00292-K7M4-RX26");
    expect(screen.getByRole("button", { name: "Chép mã" })).toBeTruthy();
    expect(screen.getByText(/^27\/11\/2026 17:00/)).toBeTruthy();

    const posts = fake.calls("POST", "/api/dossiers");
    expect(posts).toHaveLength(2);
    const keys = posts.map((post) => post.headers.get("Idempotency-Key"));
    expect(keys).toEqual([draft.idempotencyKey, draft.idempotencyKey]);
    expect(posts[0]?.body).toEqual({ draftId: draft.id });
    // The server had the last answers, declaration included, before the dossier was filed.
    expect(fake.drafts.get(draft.id)?.answers).toMatchObject({
      declaration: true,
      childName: "Nguyễn Minh Khôi",
    });
    expect(readDraft(draft.id)?.submittedAs).toBe("00292-K7M4-RX26");
  });

  it("keeps the form and every answer after a network error, and when the phone is offline", async () => {
    const draft = await openReview();
    confirmDeclaration();
    fake.dossierFailures = ["network"];
    fireEvent.click(screen.getByRole("button", { name: "Nộp hồ sơ" }));
    expect(await screen.findByText(KEPT_MESSAGE)).toBeTruthy();
    expect(screen.getByText("Nguyễn Minh Khôi")).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>("Tôi đã đọc và cam đoan như trên").checked).toBe(true);

    setOnline(false);
    fireEvent.click(screen.getByRole("button", { name: "Nộp lại" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Nộp lại" })).toBeTruthy());
    expect(screen.getByText(KEPT_MESSAGE)).toBeTruthy();
    expect(fake.calls("POST", "/api/dossiers")).toHaveLength(1);

    const kept = readDraft(draft.id);
    expect(kept?.submittedAs).toBeNull();
    expect(kept?.answers).toMatchObject({ childName: "Nguyễn Minh Khôi", declaration: true });
    expect(kept?.idempotencyKey).toBe(draft.idempotencyKey);
  });

  it("says how long to wait when the server limits submissions, keeping every answer", async () => {
    const draft = await openReview();
    confirmDeclaration();
    fake.dossierFailures = ["429"];
    fireEvent.click(screen.getByRole("button", { name: "Nộp hồ sơ" }));
    expect(await screen.findByText(/Vui lòng đợi khoảng 12 phút/)).toBeTruthy();
    expect(screen.queryByText(KEPT_MESSAGE)).toBeNull();
    expect(screen.getByRole("button", { name: "Nộp lại" })).toBeTruthy();
    expect(readDraft(draft.id)?.answers).toMatchObject({ childName: "Nguyễn Minh Khôi", declaration: true });
  });
});
