import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  type MockInstance,
  vi,
} from "vitest";
import { signedInCitizen } from "../test/filing-fixture";
import { ResultFileButton } from "./result-file-button";

const FILE_ID = "0b6f9a4e-2c1d-4e8f-9a7b-3c5d6e7f8a9b";
const server = setupServer();
let fetched: (string | null)[] = [];
let saved: MockInstance<() => void>;

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => {
  fetched = [];
  signedInCitizen();
  URL.createObjectURL = () => "blob:ket-qua";
  URL.revokeObjectURL = () => {};
  // jsdom does not navigate; the click that saves the file is what the page does.
  saved = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => {});
});
afterEach(() => {
  server.resetHandlers();
  saved.mockRestore();
});
afterAll(() => server.close());

describe("the result file button", () => {
  it("downloads the result with the citizen's session", async () => {
    server.use(
      http.get(`*/api/files/${FILE_ID}`, ({ request }) => {
        fetched.push(request.headers.get("Authorization"));
        return new HttpResponse(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), {
          headers: { "Content-Type": "application/pdf" },
        });
      }),
    );
    render(<ResultFileButton file={{ fileId: FILE_ID, name: "ket-qua.pdf" }} />);
    expect(screen.getByText("ket-qua.pdf")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Tải kết quả" }));
    await waitFor(() => expect(fetched).toHaveLength(1));
    expect(fetched[0]).toMatch(/^Bearer /);
    await waitFor(() => expect(saved).toHaveBeenCalledTimes(1));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says so when the file cannot be fetched", async () => {
    server.use(
      http.get(`*/api/files/${FILE_ID}`, () =>
        HttpResponse.json(
          { code: "NOT_FOUND", message: "Không tìm thấy tệp này.", requestId: "r" },
          { status: 404 },
        ),
      ),
    );
    render(<ResultFileButton file={{ fileId: FILE_ID, name: "ket-qua.pdf" }} />);
    fireEvent.click(screen.getByRole("button", { name: "Tải kết quả" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Không tìm thấy tệp này.");
    expect(saved).not.toHaveBeenCalled();
  });
});
