import type { Browser, Page } from "playwright-core";
import { openDeskPage, signInAtDesk } from "./officer-desk";

/** What the accessibility walk does off the citizen's screens, to bring those screens about. */

/** Phường Bạch Mai's officer, at a desk, receives the dossier and asks for the birth proof again. */
export async function askForSupplement(
  browser: Browser,
  baseUrl: string,
  code: string,
  message: string,
): Promise<void> {
  const desk = await openDeskPage(browser, []);
  try {
    await signInAtDesk(desk, baseUrl, "canbo.00292", "Hồ sơ của Phường Bạch Mai");
    await desk.getByRole("searchbox", { name: "Tìm theo mã hồ sơ" }).fill(code);
    await desk.getByRole("button", { name: "Tìm", exact: true }).click();
    await desk.getByRole("link", { name: new RegExp(code) }).click();
    await desk.getByRole("button", { name: "Tiếp nhận hồ sơ" }).click();
    await desk.getByRole("button", { name: "Xác nhận tiếp nhận" }).click();
    await desk.getByText("Đã chuyển hồ sơ sang “Được tiếp nhận”").waitFor();
    await desk.getByRole("button", { name: "Yêu cầu bổ sung" }).click();
    await desk.getByRole("checkbox", { name: "Ảnh Giấy chứng sinh" }).check();
    await desk.getByRole("textbox", { name: "Lời nhắn cho người dân", exact: true }).fill(message);
    await desk.getByRole("button", { name: "Gửi yêu cầu bổ sung" }).click();
    await desk.getByText("Đã chuyển hồ sơ sang “Yêu cầu bổ sung giấy tờ”").waitFor();
  } finally {
    await desk.context().close();
  }
}

/**
 * "Another phone": the citizen's own session (read from this page's storage) saves the draft on screen
 * with every `from` answer changed to `to`, so this phone's next save meets a newer version.
 * Returns the save's HTTP status.
 */
export function renameOnAnotherPhone(page: Page, from: string, to: string): Promise<number> {
  return page.evaluate(
    async ({ from, to }) => {
      const token = JSON.parse(localStorage.getItem("dvc.session.v1") ?? "{}").token as string;
      const ids = JSON.parse(localStorage.getItem("dvc.drafts.v1") ?? "[]") as string[];
      // The newest draft not yet filed: the one on screen.
      const id = [...ids].reverse().find((candidate) => {
        const draft = JSON.parse(localStorage.getItem(`dvc.draft.v1.${candidate}`) ?? "{}");
        return draft.submittedAs === null;
      });
      const headers = { Authorization: `Bearer ${token}`, "Content-Type": "application/json" };
      const url = `/api/drafts/${encodeURIComponent(id ?? "")}`;
      const server = await (await fetch(url, { headers })).json();
      const rename = (value: unknown): unknown =>
        value === from
          ? to
          : Array.isArray(value)
            ? value.map(rename)
            : typeof value === "object" && value !== null
              ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, rename(inner)]))
              : value;
      const body = JSON.stringify({
        version: server.version,
        answers: rename(server.answers),
        currentStepId: server.currentStepId,
      });
      return (await fetch(url, { method: "PUT", headers, body })).status;
    },
    { from, to },
  );
}
