import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppShell } from "../app";
import { readAllDrafts } from "../drafts/draft-store";
import { disposeDraftSyncs } from "../drafts/draft-sync";
import { FakeServer, signedInCitizen } from "../test/filing-fixture";
import { forgetProfile } from "./use-draft-session";

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
});
afterAll(() => server.close());

/** Page transitions keep the old page for a moment; wait until only the new one is left. */
async function settled(): Promise<void> {
  await waitFor(() => expect(document.querySelectorAll(".zaui-routes-item")).toHaveLength(1));
}

/** Opens the form of the fixture procedure on its first page. */
async function openForm() {
  // The app opens at the address it is given, as from the chatbot's "Nộp hồ sơ" link.
  window.history.replaceState(null, "", "/nop/moi/1.001193");
  render(<AppShell />);
  // Two screens load on demand on the way (the filing's start, then the form): the first time in a file
  // they are compiled too, which takes more than findBy's default second on a busy machine.
  await screen.findByRole("heading", { name: "Người đi khai sinh" }, { timeout: 5_000 });
  await settled();
}

function field(label: string | RegExp): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(label);
}

describe("form wizard", () => {
  it("renders the steps of the definition with progress, prefill from the profile and conditional fields", async () => {
    await openForm();
    expect(screen.getByText("Bước 1/2")).toBeTruthy();
    // The declaration is asked on the review page, so it is not a page of its own.
    await waitFor(() => expect(field("Họ, chữ đệm và tên").value).toBe("Nguyễn Thị Lan"));
    expect(field(/^Ngày sinh/).value).toBe("05/04/1992");
    expect(screen.getByText("Đã điền sẵn")).toBeTruthy();

    expect(screen.queryByLabelText("Quan hệ của bạn với cháu")).toBeNull();
    fireEvent.click(screen.getByLabelText("Người khác"));
    expect(field("Quan hệ của bạn với cháu")).toBeTruthy();
    fireEvent.click(screen.getByLabelText("Mẹ"));
    expect(screen.queryByLabelText("Quan hệ của bạn với cháu")).toBeNull();
  });

  it("shows errors beside the fields and in a summary whose links move to the field", async () => {
    await openForm();
    await waitFor(() => expect(field("Họ, chữ đệm và tên").value).not.toBe(""));
    fireEvent.click(screen.getByRole("button", { name: "Tiếp tục" }));

    const summary = await screen.findByRole("alert");
    expect(within(summary).getByText("Có 1 mục cần sửa")).toBeTruthy();
    const link = within(summary).getByRole("link", { name: "Bạn là gì của cháu? — vui lòng chọn" });
    // The same message stands beside the question.
    expect(screen.getAllByText("Bạn là gì của cháu? — vui lòng chọn")).toHaveLength(2);
    fireEvent.click(link);
    expect(document.activeElement?.id).toBe("f-relationship");

    // Fixed: the summary and the inline message go as soon as the answer is there.
    fireEvent.click(screen.getByLabelText("Mẹ"));
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByText("Bạn là gì của cháu? — vui lòng chọn")).toBeNull();
  });

  it("goes back without losing answers, on both pages", async () => {
    await openForm();
    fireEvent.click(screen.getByLabelText("Cha"));
    fireEvent.click(screen.getByRole("button", { name: "Tiếp tục" }));
    await screen.findByRole("heading", { name: "Thông tin của cháu" });
    await settled();
    expect(screen.getByText("Bước 2/2")).toBeTruthy();

    fireEvent.change(field("Họ và tên của cháu"), { target: { value: "Nguyễn Minh Khôi" } });
    fireEvent.change(field(/^Ngày sinh của cháu/), { target: { value: "01" } });
    expect(field(/^Ngày sinh của cháu/).value).toBe("01/");
    fireEvent.change(field(/^Ngày sinh của cháu/), { target: { value: "01/02/2026" } });

    fireEvent.click(screen.getByRole("button", { name: "Quay lại bước trước" }));
    await screen.findByRole("heading", { name: "Người đi khai sinh" });
    await settled();
    expect(screen.getByLabelText<HTMLInputElement>("Cha").checked).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: "Tiếp tục" }));
    await screen.findByRole("heading", { name: "Thông tin của cháu" });
    await settled();
    expect(field("Họ và tên của cháu").value).toBe("Nguyễn Minh Khôi");
    expect(field(/^Ngày sinh của cháu/).value).toBe("01/02/2026");

    // Every answer is on the device already, whatever the server does.
    const [draft] = readAllDrafts();
    expect(draft?.answers).toMatchObject({ relationship: "cha", childName: "Nguyễn Minh Khôi" });
    expect(draft?.currentStepId).toBe("tre");
  });
});
