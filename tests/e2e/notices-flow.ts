import type { Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { SEEDED_GROUPS } from "../../bot-server/src/zalo-sandbox/oa-groups-repo";
import type { PhoneBrowser } from "../support/browser";
import type { ServerDatabase } from "../support/database";
import { startProductOnPhone, stopProduct } from "../support/product-stack";
import type { ServerProcess } from "../support/server-process";
import { settle } from "./filing-flow";
import { DEMO_OFFICER_PASSWORD, openDeskPage } from "./officer-desk";

/** What the notices e2e test (issue 13) needs besides the screens it walks. */

/** The sandbox OA's seeded group of Phường Ba Đình's residents (zalo-sandbox/oa-groups-repo.ts). */
export const BA_DINH_GROUP = (() => {
  const group = SEEDED_GROUPS.find((g) => g.name.startsWith("Tổ dân phố"));
  if (!group) throw new Error("the sandbox seeds no residents' group");
  return group;
})();

/**
 * Assigns a group of the registry to a commune as the province admin (admin.hanoi), over the officer API:
 * the registry's setup, not what the test is about. The sandbox server syncs its seeded groups into the
 * registry just after it starts listening, so this waits for the group to be there.
 */
export async function assignGroupAsAdmin(
  baseUrl: string,
  groupId: string,
  communeCode: string,
): Promise<void> {
  const signIn = await fetch(`${baseUrl}/api/officer/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin.hanoi", password: DEMO_OFFICER_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`admin sign-in: HTTP ${signIn.status}`);
  const { token } = (await signIn.json()) as { token: string };
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const answer = await fetch(`${baseUrl}/api/officer/groups/${encodeURIComponent(groupId)}/commune`, {
      method: "PUT",
      headers,
      body: JSON.stringify({ communeCode }),
    });
    if (answer.status === 200) return;
    // 404 until the start-up sync has put the group in the registry.
    if (answer.status !== 404 || Date.now() > deadline)
      throw new Error(`assigning group ${groupId}: HTTP ${answer.status} ${await answer.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The Mini App's sandbox sign-in (outside Zalo): a new citizen of this name. */
export async function sandboxSignIn(page: Page, citizenName: string): Promise<void> {
  await page.getByRole("heading", { name: "Đăng nhập thử (sandbox)" }).waitFor();
  await settle(page);
  await page.getByLabel("Họ và tên").fill(citizenName);
  await page.getByRole("button", { name: "Tạo và đăng nhập" }).click();
  await page.getByRole("heading", { name: "Đăng nhập thử (sandbox)" }).waitFor({ state: "detached" });
}

/** The product on a phone, plus an officer's and a leader's desk page, for the suite's lifetime. */
export interface NoticeStage {
  server: ServerProcess;
  phone: PhoneBrowser;
  officer: Page;
  leader: Page;
  /** Console errors and failed requests of both desk pages (officer-desk.ts openDeskPage). */
  deskErrors: string[];
}

/**
 * Registers the suite's beforeAll/afterAll: the product started on a phone with two desk pages, then
 * stopped. Read the returned stage inside tests (it is filled in beforeAll).
 */
export function noticeStage(chromiumPath: string | undefined): NoticeStage {
  const stage = { deskErrors: [] as string[] } as NoticeStage;
  let database: ServerDatabase | undefined;
  beforeAll(async () => {
    const started = await startProductOnPhone(chromiumPath);
    database = started.database;
    stage.server = started.server;
    stage.phone = started.phone;
    stage.officer = await openDeskPage(stage.phone.browser, stage.deskErrors, "officer");
    stage.leader = await openDeskPage(stage.phone.browser, stage.deskErrors, "leader");
  });
  afterAll(async () => {
    await stopProduct({ phone: stage.phone, server: stage.server, database });
  });
  return stage;
}
