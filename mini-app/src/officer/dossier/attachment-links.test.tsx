import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { resetOfficerSessionForTests } from "../session/officer-session";
import { startTestOfficerSession } from "../session/test-session";
import { AttachmentLinks, attachmentsOf } from "./attachment-links";

const CODE = "00292-K4LY-83RB";
const FILE = { fileId: "7f0c8a2e-1b2c-4d5e-8f90-123456789abc", name: "giay-chung-sinh.jpg" };

const server = setupServer();
let asked: { path: string; auth: string | null }[] = [];

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  asked = [];
  startTestOfficerSession();
});
afterEach(() => {
  server.resetHandlers();
  resetOfficerSessionForTests();
  vi.restoreAllMocks();
});
afterAll(() => server.close());

describe("attachment links", () => {
  it("reads the files of an attachment answer and skips what is not one", () => {
    expect(
      attachmentsOf([{ ...FILE, sizeBytes: 10, mimeType: "image/jpeg" }, "x", { name: "no id" }]),
    ).toEqual([FILE]);
    expect(attachmentsOf("not a list")).toEqual([]);
  });

  it("opens the file with the officer's token in a new tab; a refusal says why and closes the tab", async () => {
    server.use(
      http.get("*/api/officer/dossiers/:code/files/:id", ({ request, params }) => {
        asked.push({ path: `${params.code}/${params.id}`, auth: request.headers.get("Authorization") });
        return asked.length === 1
          ? new HttpResponse(new Uint8Array([1, 2, 3]), { headers: { "Content-Type": "image/jpeg" } })
          : HttpResponse.json(
              { code: "NOT_FOUND", number: 3004, message: "Không tìm thấy tệp này.", requestId: "r1" },
              { status: 404 },
            );
      }),
    );
    const tab = { location: { href: "" }, close: vi.fn() };
    vi.spyOn(window, "open").mockReturnValue(tab as unknown as Window);
    URL.createObjectURL = vi.fn(() => "blob:attachment");
    render(<AttachmentLinks dossierCode={CODE} files={[FILE]} />);

    fireEvent.click(screen.getByRole("button", { name: FILE.name }));
    await waitFor(() => expect(tab.location.href).toBe("blob:attachment"));
    expect(asked).toEqual([{ path: `${CODE}/${FILE.fileId}`, auth: "Bearer officer-token" }]);

    fireEvent.click(screen.getByRole("button", { name: FILE.name }));
    await screen.findByText("Không tìm thấy tệp này.");
    expect(tab.close).toHaveBeenCalled();
  });
});
